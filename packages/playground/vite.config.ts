import { defineConfig } from "vite";

// A static page: relative asset paths, so it works from any folder (and from `remit playground`).
// Workspace packages come from their TypeScript sources, as the `source` export condition names them.
export default defineConfig({
  base: "./",
  resolve: { conditions: ["source"] },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", reportCompressedSize: false },
});

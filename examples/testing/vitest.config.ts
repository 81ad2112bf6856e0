import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// This folder is not a workspace package: the Remit packages are read from their sources.
const source = (path: string): string => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

export default defineProject({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: {
      "@remit/testing/vitest": source("testing/src/scenario/vitest.ts"),
      "@remit/testing": source("testing/src/index.ts"),
      "@remit/engine": source("engine/src/index.ts"),
      "@remit/lang": source("lang/src/index.ts"),
    },
  },
  test: { name: "example-testing", include: ["*.test.ts"] },
});

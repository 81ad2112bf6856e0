/**
 * Bundles the extension and the language server into `out/` (CommonJS, as VS Code loads
 * extensions), so the packaged `.vsix` needs no `node_modules`. Run after `tsc -b`: the server
 * comes from `@remit/lsp`'s built files.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
} as const;

await build({
  ...common,
  entryPoints: [`${root}/src/extension.ts`],
  outfile: `${root}/out/extension.cjs`,
  external: ["vscode"],
});
await build({
  ...common,
  stdin: {
    contents: 'import { runLanguageServer } from "@remit/lsp";\nrunLanguageServer();\n',
    resolveDir: root,
    loader: "js",
  },
  outfile: `${root}/out/server.cjs`,
});
console.log("bundled out/extension.cjs and out/server.cjs");

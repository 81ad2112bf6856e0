/**
 * Bundles the extension and the language server (CommonJS, as VS Code loads extensions), so the
 * packaged `.vsix` needs no `node_modules`. The server comes from `@remit/lsp`'s built files, so
 * run after `tsc -b`.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The extension's folder. */
export const extensionRoot = fileURLToPath(new URL("..", import.meta.url));

/** Writes `extension.cjs` and `server.cjs` into `outDir`. */
export async function bundle(outDir: string): Promise<void> {
  const common = {
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  } as const;
  await build({
    ...common,
    entryPoints: [`${extensionRoot}/src/extension.ts`],
    outfile: `${outDir}/extension.cjs`,
    external: ["vscode"],
  });
  await build({
    ...common,
    stdin: {
      contents: 'import { runLanguageServer } from "@remit/lsp";\nrunLanguageServer();\n',
      resolveDir: extensionRoot,
      loader: "js",
    },
    outfile: `${outDir}/server.cjs`,
  });
}

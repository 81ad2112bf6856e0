// Bundles the `remit` executable into one ES module file, `dist/remit.js`, with esbuild.
// Start-up is dominated by resolving and loading hundreds of small modules (chevrotain alone
// pulls lodash-es in file by file); one file removes that. Commands stay behind dynamic
// `import()`: esbuild keeps each one a lazily initialised module, so `remit --help` runs none of
// the compiler's or engine's top-level code. Types still come from `tsc -b`.
// `dist/remit-server.js` is `remit serve` alone in one self-contained file (no chunks), for a
// host or container that only serves.

import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** What both executables are built with. */
const common = {
  absWorkingDir: packageDir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Workspace packages from their TypeScript sources, as the `source` export condition names them.
  conditions: ["source"],
  // Bundled CommonJS dependencies call `require` for node built-ins; an ES module has none.
  banner: {
    js: 'import { createRequire as __remitRequire } from "node:module";\nconst require = __remitRequire(import.meta.url);',
  },
  // playwright-core is only for the report's browser test; never reached by a command.
  external: ["playwright-core"],
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  // No source maps: they would point into other packages' sources, which the tarball does not
  // ship; `REMIT_DEBUG` stack traces name the bundle's functions instead.
  sourcemap: false,
  legalComments: "linked",
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: { remit: "src/main.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

await build({ ...common, entryPoints: { "remit-server": "src/serve-main.ts" }, outdir: "dist" });

// Bundles the `remit` executable into one ES module file, `dist/remit.js`, with esbuild.
// Start-up is dominated by resolving and loading hundreds of small modules (chevrotain alone
// pulls lodash-es in file by file); one file removes that. Commands stay behind dynamic
// `import()`: esbuild keeps each one a lazily initialised module, so `remit --help` runs none of
// the compiler's or engine's top-level code. Types still come from `tsc -b`.
// `dist/remit-server.js` is `remit serve` alone in one file (no chunks; its two thread entries
// beside it), for a host or container that only serves.

import { cpSync, existsSync, rmSync } from "node:fs";
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
  // playwright-core is only for the report's browser test; never reached by a command. PGlite
  // reads its WebAssembly and data files from beside its own module, and piscina starts threads
  // from a file of its own: both stay in node_modules, dependencies of this package.
  external: ["playwright-core", "@electric-sql/pglite", "piscina"],
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
  // The server's worker thread and the record store's thread are entries of their own, beside the
  // chunks that start them (`chunks/`), where those look for them.
  entryPoints: {
    remit: "src/main.ts",
    "chunks/worker": "../server/src/worker.ts",
    "chunks/thread-worker": "../store/src/thread-worker.ts",
  },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

// `remit playground` serves the built page from beside the executable, so the package carries it.
const page = fileURLToPath(new URL("../../playground/dist", import.meta.url));
const copy = fileURLToPath(new URL("../dist/playground", import.meta.url));
rmSync(copy, { recursive: true, force: true });
if (existsSync(page)) cpSync(page, copy, { recursive: true });
else
  console.warn(
    "bundle: the playground page is not built (pnpm --filter @remit/playground build); remit playground will say so",
  );

// The standalone server: one file, with the two thread entries beside it, where its pool and its
// record store look for them.
await build({
  ...common,
  entryPoints: {
    "remit-server": "src/serve-main.ts",
    worker: "../server/src/worker.ts",
    "thread-worker": "../store/src/thread-worker.ts",
  },
  outdir: "dist",
});

// `pnpm pack:check`: the packages as a stranger gets them. Packs every published package
// (`pnpm pack`, which turns `workspace:*` into versions and applies `publishConfig`), checks what
// each tarball holds (LICENSE, README, no tests, source maps whose sources are shipped), runs
// publint and @arethetypeswrong/cli on it, then installs the tarballs into a scratch project in a
// temporary folder (the packages' dependencies on each other resolved to the tarballs, third-party
// packages from pnpm's store where it has them), which strict TypeScript compiles: there the
// READMEs' examples must print what the READMEs say, `import` and `require()` of the engine must
// evaluate the example policy alike, and the `remit` bin must check it.
// Expects the packages built (`pnpm install` or `pnpm build`). Exits 1 on any failure.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "remit-pack-check-"));
const tarballs = join(work, "tarballs");
const failures = [];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  return { ok: result.status === 0, output };
}

/** The same, without blocking: publint and attw of every tarball and the install run side by side. */
function runAsync(command, args, options = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, options);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => done({ ok: status === 0, output: output.trim() }));
  });
}

function check(what, ok, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) {
    failures.push(what);
    if (detail) console.log(detail.replace(/^/gm, "     "));
  }
}

const published = readdirSync(join(root, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, "packages", entry.name, "package.json")))
  .map((entry) => ({
    dir: join(root, "packages", entry.name),
    manifest: JSON.parse(readFileSync(join(root, "packages", entry.name, "package.json"), "utf8")),
  }))
  .filter((pkg) => pkg.manifest.private !== true);

// --- pack, and look inside each tarball -------------------------------------------------------
/** What a published package must not ship: tests and the files only tests use. */
const testFile = /(^|\/)([^/]+\.test\.[^/]+|testing\/|testdata\/)/;
const tarballOf = new Map();
const linted = [];
for (const { dir, manifest } of published) {
  const packed = run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: dir });
  const file = join(tarballs, `${manifest.name.replace(/^@/, "").replace("/", "-")}-${manifest.version}.tgz`);
  check(`${manifest.name}: pnpm pack`, packed.ok && existsSync(file), packed.output);
  if (!existsSync(file)) continue;
  tarballOf.set(manifest.name, file);

  const unpacked = join(work, "unpacked", manifest.name);
  mkdirSync(unpacked, { recursive: true });
  run("tar", ["-xzf", file, "-C", unpacked]);
  const files = run("tar", ["-tzf", file])
    .output.split("\n")
    .map((line) => line.replace(/^package\//, ""));
  const shipped = new Set(files);
  const inTarball = JSON.parse(readFileSync(join(unpacked, "package", "package.json"), "utf8"));
  check(
    `${manifest.name}: ${files.length} files, LICENSE and README.md among them`,
    shipped.has("LICENSE") && shipped.has("README.md"),
  );
  const tests = files.filter((f) => testFile.test(f));
  check(`${manifest.name}: no tests or test support`, tests.length === 0, tests.join("\n"));
  const unresolved = files
    .filter((f) => f.endsWith(".map"))
    .flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(unpacked, "package", map), "utf8"));
      return sources
        .map((source) => join(dirname(map), source))
        .filter((source) => !shipped.has(source))
        .map((source) => `${map} → ${source}`);
    });
  check(
    `${manifest.name}: every source map's sources are shipped`,
    unresolved.length === 0,
    unresolved.slice(0, 5).join("\n"),
  );
  const manifestText = JSON.stringify(inTarball);
  check(
    `${manifest.name}: published manifest has no workspace: ranges and no "source" condition`,
    !manifestText.includes("workspace:") && !manifestText.includes('"source"'),
  );

  linted.push(
    runAsync(join(root, "node_modules/.bin/publint"), ["--strict", file]).then((publint) =>
      check(`${manifest.name}: publint`, publint.ok, publint.output),
    ),
    // ESM only: `require()` of it needs Node >= 20.19 (the engines field), so the CommonJS
    // resolution modes that predate it are not judged.
    runAsync(join(root, "node_modules/.bin/attw"), [
      "--profile",
      "esm-only",
      "--format",
      "table-flipped",
      file,
    ]).then((attw) => check(`${manifest.name}: attw (esm-only profile)`, attw.ok, attw.output)),
  );
}

// --- a stranger's project ----------------------------------------------------------------------
const scratch = join(work, "scratch");
mkdirSync(scratch, { recursive: true });
const fileSpecs = Object.fromEntries([...tarballOf].map(([name, file]) => [name, `file:${file}`]));
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
writeFileSync(
  join(scratch, "package.json"),
  JSON.stringify({
    name: "scratch",
    private: true,
    type: "module",
    dependencies: { ...fileSpecs, "fast-check": rootManifest.devDependencies["fast-check"] },
    devDependencies: { "@types/node": rootManifest.devDependencies["@types/node"] },
    // The packages' dependencies on each other resolve to the tarballs too, not to a registry.
    pnpm: { overrides: fileSpecs },
  }),
);
writeFileSync(
  join(scratch, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: false,
      types: ["node"],
      outDir: "out",
    },
    include: ["*.ts", "*.cts"],
  }),
);
// The READMEs' examples, as a stranger pastes them (tests/packaging checks they are the READMEs'
// words), and require() of the engine over the repository's example policy.
const examples = readdirSync(join(root, "tests/packaging/examples")).map((file) => file.replace(/\.ts$/, ""));
for (const example of examples) {
  writeFileSync(
    join(scratch, `${example}.ts`),
    readFileSync(join(root, "tests/packaging/examples", `${example}.ts`), "utf8"),
  );
}
/** What a README says its example prints: the `text output` block. */
function printedInReadme(example) {
  const readme = readFileSync(join(root, "packages", example, "README.md"), "utf8");
  return /^```text output\n([\s\S]*?)^```$/m.exec(readme)?.[1]?.trim();
}
const policyFile = join(root, "examples/testing/policy.remit");
const factsFile = join(root, "examples/testing/facts.json");
/** Evaluates examples/testing and prints its findings, the same text whichever way it is loaded. */
const evaluation = `
const compiled = compile(readFileSync(${JSON.stringify(policyFile)}, "utf8"));
if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("\\n"));
const outcome = compiled.policy.evaluate(JSON.parse(readFileSync(${JSON.stringify(factsFile)}, "utf8")));
if ("errors" in outcome) throw new Error(outcome.errors.map((e) => e.message.en).join("\\n"));
console.log(outcome.result.findings.map((f) => \`\${f.rule} \${f.subject?.id} \${f.status}\`).join("; "));
`;
writeFileSync(
  join(scratch, "import.ts"),
  `import { readFileSync } from "node:fs";
import { compile } from "@remit/engine";
${evaluation}`,
);
writeFileSync(
  join(scratch, "require.cts"),
  `import engine = require("@remit/engine");
import fs = require("node:fs");
const { compile } = engine;
const { readFileSync } = fs;
${evaluation}`,
);

const install = await runAsync(
  "pnpm",
  [
    "install",
    "--prefer-offline",
    "--no-frozen-lockfile",
    "--ignore-scripts",
    "--config.auto-install-peers=true",
  ],
  { cwd: scratch },
);
check(
  "scratch project: install the tarballs (third-party packages from the store where it has them)",
  install.ok,
  install.output,
);
if (install.ok) {
  const tsc = run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", scratch]);
  check("scratch project: strict tsc (skipLibCheck off)", tsc.ok, tsc.output);
  for (const example of examples) {
    const ran = run(process.execPath, [join(scratch, `out/${example}.js`)], { cwd: scratch });
    check(
      `scratch project: the ${example} README example prints what the README says`,
      ran.ok && ran.output === printedInReadme(example),
      ran.output,
    );
  }
  const imported = run(process.execPath, [join(scratch, "out/import.js")]);
  const required = run(process.execPath, [join(scratch, "out/require.cjs")]);
  check(
    "scratch project: import and require() evaluate examples/testing alike",
    imported.ok && required.ok && imported.output.length > 0 && required.output === imported.output,
    `import: ${imported.output}\nrequire(): ${required.output}`,
  );
  const conditions = run(process.execPath, ["--conditions=source", join(scratch, "out/import.js")]);
  check("scratch project: node --conditions=source", conditions.ok, conditions.output);
  const cli = run(join(scratch, "node_modules/.bin/remit"), ["check", policyFile], {
    cwd: scratch,
  });
  check("scratch project: the remit bin checks a policy", cli.ok, cli.output);
}

await Promise.all(linted);
if (failures.length === 0) rmSync(work, { recursive: true, force: true });
else console.log(`\nleft for inspection: ${work}`);
console.log(`\npack check: ${failures.length === 0 ? "all passed" : `${failures.length} failed`}`);
process.exit(failures.length === 0 ? 0 : 1);

// Type-checks the test suites and examples that are not part of the `tsc -b` build graph
// (they emit nothing): every folder under tests/ and examples/ with a tsconfig.json, and each
// package's tsconfig.test.json (its tests and test support, which its build leaves out of dist).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const roots = ["tests", "examples"];
const projects = roots.flatMap((root) =>
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, "tsconfig.json")))
    .map((entry) => join(root, entry.name)),
);
const packageTests = readdirSync("packages", { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join("packages", entry.name, "tsconfig.test.json")))
  .map((entry) => join("packages", entry.name, "tsconfig.test.json"));
projects.push(...packageTests);
let failed = 0;
for (const project of projects) {
  const result = spawnSync("tsc", ["--noEmit", "-p", project], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) failed += 1;
}
console.log(`type-checked ${projects.length} suites, ${failed} with errors`);
process.exit(failed === 0 ? 0 : 1);

// Prints the front end's throughput over the repository's policies. It runs the compiled package
// (a TypeScript loader's transforms would distort the figures), so build first:
//   pnpm exec tsc -b packages/lang && node packages/lang/bench/throughput.mjs [--bytes N] [--iterations N] [--wall]
// Times are CPU time of the process by default, so other load on the machine skews them less;
// `--wall` measures elapsed time instead.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runThroughput } from "../dist/bench/throughput.js";

const root = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

/** @type {import("../dist/modules/host.js").SourceHost} */
const host = {
  readFile(path) {
    try {
      return readFileSync(join(root, path), "utf8");
    } catch {
      return undefined;
    }
  },
  resolve(fromFile, relative) {
    const folder = fromFile.includes("/") ? fromFile.slice(0, fromFile.lastIndexOf("/")) : ".";
    return join(folder, relative).split("\\").join("/");
  },
};

/** @param {string} name @param {number} fallback */
function option(name, fallback) {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const cpuMilliseconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const wall = process.argv.includes("--wall");

console.log(`clock: ${wall ? "elapsed time" : "process CPU time"}`);
console.log(
  runThroughput(host, {
    targetBytes: option("--bytes", 1_000_000),
    iterations: option("--iterations", 10),
    now: wall ? () => performance.now() : cpuMilliseconds,
  }),
);

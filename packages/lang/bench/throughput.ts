/**
 * Prints the front end's throughput over the repository's policies.
 * Run from the repository root: `npx tsx --conditions=source packages/lang/bench/throughput.ts`
 * (options: `--bytes N`, `--iterations N`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type BenchPolicy, formatThroughput, measureThroughput } from "../src/bench/throughput.js";

/** The Ziyuan plan with the standards it imports, and the every-construct example. */
export function repositoryPolicies(root: string): BenchPolicy[] {
  const read = (path: string) => readFileSync(join(root, path), "utf8");
  const standards = readdirSync(join(root, "policies/standards"))
    .filter((name) => name.endsWith(".remit"))
    .sort();
  const ziyuan: Record<string, string> = {
    "ziyuan-2026/policy.remit.md": read("policies/ziyuan-2026/policy.remit.md"),
  };
  for (const name of standards) ziyuan[`standards/${name}`] = read(`policies/standards/${name}`);
  return [
    { name: "ziyuan-2026", entry: "ziyuan-2026/policy.remit.md", files: ziyuan },
    {
      name: "every-construct",
      entry: "policy.remit.md",
      files: {
        "policy.remit.md": read("examples/every-construct/policy.remit.md"),
        "standard.remit": read("examples/every-construct/standard.remit"),
      },
    },
  ];
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const root = resolve(import.meta.dirname ?? ".", "../../..");
const reports = measureThroughput(repositoryPolicies(root), {
  targetBytes: option("--bytes", 1_000_000),
  iterations: option("--iterations", 10),
});
console.log(formatThroughput(reports));

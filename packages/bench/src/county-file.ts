/**
 * `node dist/county-file.js --scale N [--seed S] FILE`: writes a generated county (see county.ts)
 * to FILE as JSON, for runs of the whole `remit` process on a county of any size.
 */
import { writeFileSync } from "node:fs";
import { generateCounty } from "./county.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const file = args.filter((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--")).at(0);
if (file === undefined) {
  process.stderr.write("usage: county-file --scale N [--seed S] FILE\n");
  process.exit(2);
}
writeFileSync(
  file,
  JSON.stringify(generateCounty(Number(option("seed", "2026")), Number(option("scale", "1")))),
);

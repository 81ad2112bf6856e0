/**
 * The repository's own policies, read from disk for the property tests: the Ziyuan plan and the
 * every-construct example.
 */
import { readdirSync, readFileSync } from "node:fs";
import { compile, type Policy } from "@remit/engine";

const repoRoot = new URL("../../../../", import.meta.url);

function load(folders: readonly string[], entry: string): Policy {
  const files: Record<string, string> = {};
  for (const folder of folders) {
    for (const file of readdirSync(new URL(`${folder}/`, repoRoot)).sort()) {
      if (!file.endsWith(".remit") && !file.endsWith(".remit.md")) continue;
      files[`${folder}/${file}`] = readFileSync(new URL(`${folder}/${file}`, repoRoot), "utf8");
    }
  }
  const out = compile({ files, entry });
  if (!("policy" in out)) {
    throw new Error(`"${entry}" does not compile: ${out.diagnostics.map((d) => d.message.en).join("; ")}`);
  }
  return out.policy;
}

export const ziyuanPolicy = (): Policy =>
  load(["policies/ziyuan-2026", "policies/standards"], "policies/ziyuan-2026/policy.remit.md");

export const everyConstructPolicy = (): Policy =>
  load(["examples/every-construct"], "examples/every-construct/policy.remit.md");

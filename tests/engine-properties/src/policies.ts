/** The repository's policies, read from disk the way a host loads them (paths from the root). */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { compile, type Policy } from "@remit/engine";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function walk(folder: string, out: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith(".remit") || entry.name.endsWith(".remit.md")) out.push(path);
  }
}

/** Compiles the policy whose entry file is `entry`, with every policy file under `folders`. */
export function loadPolicy(entry: string, folders: readonly string[]): Policy {
  const paths: string[] = [];
  for (const folder of folders) walk(join(root, folder), paths);
  const files: Record<string, string> = {};
  for (const path of paths.sort()) files[relative(root, path)] = readFileSync(path, "utf8");
  const compiled = compile({ files, entry });
  if (!("policy" in compiled))
    throw new Error(
      `"${entry}" does not compile: ${compiled.diagnostics.map((d) => d.message.en).join("; ")}`,
    );
  return compiled.policy;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(root, path), "utf8"));
}

export const everyConstruct = (): Policy =>
  loadPolicy("examples/every-construct/policy.remit.md", ["examples/every-construct"]);

export const ziyuan = (): Policy => loadPolicy("policies/ziyuan-2026/policy.remit.md", ["policies"]);

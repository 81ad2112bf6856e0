/** Loads the Ziyuan policy and its standards modules from the repository's policies folder. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export interface PolicyFiles {
  readonly files: Record<string, string>;
  readonly entry: string;
  readonly bytes: number;
}

const root = fileURLToPath(new URL("../../../", import.meta.url));

function walk(folder: string, out: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith(".remit") || entry.name.endsWith(".remit.md")) out.push(path);
  }
}

export function loadZiyuanPolicy(): PolicyFiles {
  const paths: string[] = [];
  walk(join(root, "policies"), paths);
  const files: Record<string, string> = {};
  let bytes = 0;
  for (const path of paths.sort()) {
    const text = readFileSync(path, "utf8");
    files[relative(root, path)] = text;
    bytes += Buffer.byteLength(text);
  }
  return { files, entry: "policies/ziyuan-2026/policy.remit.md", bytes };
}

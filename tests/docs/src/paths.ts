import { readFileSync } from "node:fs";

/** The repository root, so tests read the same files whatever folder vitest runs from. */
const root = new URL("../../../", import.meta.url);

export function readRepoFile(path: string): string {
  return readFileSync(new URL(path, root), "utf8");
}

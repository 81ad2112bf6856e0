/** The repository's policies and examples, read as the tests that compare engines need them. */
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceHost } from "@remit/lang";

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Policy files by their path under policies/. */
export const policiesHost: SourceHost = {
  readFile(path) {
    try {
      return readFileSync(join(repositoryRoot, "policies", path), "utf8");
    } catch {
      return undefined;
    }
  },
  resolve: (from, relative) => normalize(join(dirname(from), relative)),
};

/** The command line's view of policy paths: the application layer's lookups, as usage errors. */
import { collectSources as collect, findPolicyEntry, pathProblemMessage } from "@remit/app";
import { UsageError } from "./args.js";

/** The entry file of a policy given as a file or a policy folder; a missing one is a usage error. */
export function policyEntry(cwd: string, target: string): string {
  const found = findPolicyEntry(cwd, target);
  if ("problem" in found) throw new UsageError(pathProblemMessage(found.problem));
  return found.entry;
}

/** The Remit sources a list of files and folders names (see `@remit/app`); a missing one is a usage error. */
export function collectSources(cwd: string, targets: readonly string[]): readonly string[] {
  const found = collect(cwd, targets);
  if ("problem" in found) throw new UsageError(pathProblemMessage(found.problem));
  return found.files;
}

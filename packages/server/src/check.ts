/** Checking policy sources sent over HTTP, with the language's own analyzer. */
import type { Diagnostic } from "@remit/lang";

/** Checks `entry` among `files` (texts by path) and returns every diagnostic, in stable order. */
export type Checker = (
  files: Readonly<Record<string, string>>,
  entry: string,
) => readonly Diagnostic[] | Promise<readonly Diagnostic[]>;

export const defaultChecker: Checker = async (files, entry) => {
  // Loaded on first use: a server that only evaluates never pays for the analyzer's start-up.
  const { analyze, memoryHost, sortDiagnostics } = await import("@remit/lang");
  const outcome = await analyze(entry, memoryHost({ ...files }));
  return sortDiagnostics(outcome.diagnostics);
};

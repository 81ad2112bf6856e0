/** Checking policy sources sent over HTTP: the analyzer's diagnostics, then the compiler's. */
import { buildPolicySources } from "@remit/app";
import type { Diagnostic } from "@remit/lang";

/** Checks `entry` among `files` (texts by path) and returns every diagnostic, in stable order. */
export type Checker = (
  files: Readonly<Record<string, string>>,
  entry: string,
) => readonly Diagnostic[] | Promise<readonly Diagnostic[]>;

export const defaultChecker: Checker = (files, entry) => buildPolicySources(files, entry).diagnostics;

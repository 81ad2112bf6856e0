/** Checking policy sources sent over HTTP: the analyzer's diagnostics, then the compiler's. */
import type { Diagnostic } from "@remit/lang";
import { compilePolicySources } from "./compile.js";

/** Checks `entry` among `files` (texts by path) and returns every diagnostic, in stable order. */
export type Checker = (
  files: Readonly<Record<string, string>>,
  entry: string,
) => readonly Diagnostic[] | Promise<readonly Diagnostic[]>;

export const defaultChecker: Checker = async (files, entry) =>
  (await compilePolicySources(files, entry)).diagnostics;

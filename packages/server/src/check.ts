/** Checking policy sources sent over HTTP: the analyzer's diagnostics, then the compiler's. */
import { buildPolicySources } from "@remit/app";
import type { Diagnostic } from "@remit/lang";

/** Checks `entry` among `files` (texts by path) and returns every diagnostic, in stable order. */
export type Checker = (
  files: Readonly<Record<string, string>>,
  entry: string,
) => readonly Diagnostic[] | Promise<readonly Diagnostic[]>;

/**
 * @example
 * ```ts
 * import { defaultChecker } from "@remit/server";
 * const good = await defaultChecker({ "p.remit": 'policy "P"\n' }, "p.remit");
 * const bad = await defaultChecker({ "p.remit": 'policy "P"\nparam : integer = 1\n' }, "p.remit");
 * console.log(good.length, bad.map((d) => d.code)); // 0 [ 'R2001' ]
 * ```
 */
export const defaultChecker: Checker = (files, entry) => buildPolicySources(files, entry).diagnostics;

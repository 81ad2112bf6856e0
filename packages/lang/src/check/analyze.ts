import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.js";
import type { SourceHost } from "../modules/host.js";
import { loadModules } from "../modules/load-default.js";
import type { Module } from "../syntax/ast.js";
import { check } from "./check.js";
import type { CheckedPolicy, CheckOptions } from "./model.js";

export interface AnalyzeResult {
  /** The checked policy, when there are no errors. */
  readonly policy: CheckedPolicy | undefined;
  /** Every module that could be read, the entry first. */
  readonly modules: readonly Module[];
  /** Loading, parsing and checking diagnostics, in file and position order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads the policy whose entry is `entry` from `host`, then checks it (with the host's functions). */
export function analyze(entry: string, host: SourceHost, options: CheckOptions = {}): AnalyzeResult {
  const loaded = loadModules(entry, host);
  const { policy, diagnostics } = check(loaded, options);
  return { policy, modules: loaded.modules, diagnostics: sortDiagnostics(diagnostics) };
}

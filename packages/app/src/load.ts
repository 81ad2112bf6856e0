/** From policy source to an evaluable policy: the language's analyzer, then the engine's compiler. */
import { compileChecked, type Policy } from "@remit/engine";
import {
  analyze,
  type CheckedPolicy,
  type Diagnostic,
  hasErrors,
  memoryHost,
  type SourceHost,
  sortDiagnostics,
} from "@remit/lang";
import { findPolicyEntry, type PathProblem } from "./entry.js";
import { createNodeSourceHost, type NodeSourceHost } from "./host.js";

export interface BuiltPolicy {
  /** The checked model, when the checker found no errors. */
  readonly checked: CheckedPolicy | undefined;
  /** The compiled policy, when no diagnostic is an error. */
  readonly policy: Policy | undefined;
  /** Every diagnostic, in stable order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Analyzes `entry` (read through `host`) and compiles it when it checks without errors. */
export function buildPolicy(entry: string, host: SourceHost): BuiltPolicy {
  const analysis = analyze(entry, host);
  const diagnostics = sortDiagnostics(analysis.diagnostics);
  const checked = analysis.policy ?? undefined;
  if (hasErrors(diagnostics) || checked === undefined)
    return { checked: undefined, policy: undefined, diagnostics };
  return { checked, policy: compileChecked(checked), diagnostics };
}

/** Builds policy source held in memory: texts by path, and the entry's path among them. */
export function buildPolicySources(files: Readonly<Record<string, string>>, entry: string): BuiltPolicy {
  return buildPolicy(entry, memoryHost(files));
}

/** A policy read from disk: its entry, the host that read it (for code frames), and the build. */
export interface LoadedPolicy extends BuiltPolicy {
  readonly entry: string;
  readonly host: NodeSourceHost;
}

/** Finds the entry of a policy file or folder (relative to `cwd`), reads and builds it. */
export function loadPolicy(target: string, cwd: string): LoadedPolicy | { readonly problem: PathProblem } {
  const found = findPolicyEntry(cwd, target);
  if ("problem" in found) return found;
  const host = createNodeSourceHost(cwd);
  return { entry: found.entry, host, ...buildPolicy(found.entry, host) };
}

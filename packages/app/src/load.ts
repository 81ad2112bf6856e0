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

/**
 * Analyzes `entry` (read through `host`) and compiles it when it checks without errors.
 * @example
 * ```ts
 * import { buildPolicy } from "@remit/app";
 * import { memoryHost } from "@remit/lang";
 * const host = memoryHost({
 *   "policy.remit": 'policy "County"\nimport "./parts/clauses.remit" as parts\n',
 *   "parts/clauses.remit": 'clause 1 "hazards are listed"\n',
 * });
 * const built = buildPolicy("policy.remit", host);
 * console.log(built.diagnostics.length, built.policy?.info.name); // 0 County
 * console.log([...(built.checked?.sources.keys() ?? [])]); // [ 'policy.remit', 'parts/clauses.remit' ]
 * ```
 */
export function buildPolicy(entry: string, host: SourceHost): BuiltPolicy {
  const analysis = analyze(entry, host);
  const diagnostics = sortDiagnostics(analysis.diagnostics);
  const checked = analysis.policy ?? undefined;
  if (hasErrors(diagnostics) || checked === undefined)
    return { checked: undefined, policy: undefined, diagnostics };
  return { checked, policy: compileChecked(checked), diagnostics };
}

/**
 * Builds policy source held in memory: texts by path, and the entry's path among them.
 * @example
 * ```ts
 * import { buildPolicySources } from "@remit/app";
 * const source = `policy "listing" version "1.0"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const built = buildPolicySources({ "policy.remit": source }, "policy.remit");
 * console.log(built.policy?.rules.map((r) => r.id)); // [ 'listing' ]
 * const broken = buildPolicySources({ "policy.remit": "policy\n" }, "policy.remit");
 * console.log(broken.policy, broken.diagnostics[0]?.severity); // undefined error
 * ```
 */
export function buildPolicySources(files: Readonly<Record<string, string>>, entry: string): BuiltPolicy {
  return buildPolicy(entry, memoryHost(files));
}

/** A policy read from disk: its entry, the host that read it (for code frames), and the build. */
export interface LoadedPolicy extends BuiltPolicy {
  readonly entry: string;
  readonly host: NodeSourceHost;
}

/**
 * Finds the entry of a policy file or folder (relative to `cwd`), reads and builds it.
 * @example
 * ```ts
 * import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { loadPolicy } from "@remit/app";
 * const cwd = mkdtempSync(join(tmpdir(), "remit-"));
 * mkdirSync(join(cwd, "county"));
 * writeFileSync(join(cwd, "county", "policy.remit"), 'policy "County" version "2026"\n');
 * const loaded = loadPolicy("county", cwd);
 * if ("problem" in loaded) throw new Error(loaded.problem.kind);
 * console.log(loaded.entry, loaded.policy?.info.version); // county/policy.remit 2026
 * console.log(loaded.host.texts.has("county/policy.remit")); // true
 * ```
 */
export function loadPolicy(target: string, cwd: string): LoadedPolicy | { readonly problem: PathProblem } {
  const found = findPolicyEntry(cwd, target);
  if ("problem" in found) return found;
  const host = createNodeSourceHost(cwd);
  return { entry: found.entry, host, ...buildPolicy(found.entry, host) };
}

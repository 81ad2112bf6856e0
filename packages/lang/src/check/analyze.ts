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

/**
 * Loads the policy whose entry is `entry` from `host`, then checks it (with the host's functions).
 * @example
 * ```ts
 * import { analyze, memoryHost } from "@remit/lang";
 * const files = {
 *   "p.remit": `policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `,
 * };
 * const { policy, diagnostics } = analyze("p.remit", memoryHost(files));
 * console.log(policy?.rules.map((r) => `${r.id} ${r.kind} ${r.modality}`).join(), diagnostics.length); // listing duty must 0
 * const typo = analyze("p.remit", memoryHost({ "p.remit": files["p.remit"].replace("h.foundOn", "h.fondOn") }));
 * console.log(typo.policy, typo.diagnostics.map((d) => `${d.code} ${d.message.en}`).join()); // undefined R3005 an element of hazards has no field 'fondOn'
 * ```
 */
export function analyze(entry: string, host: SourceHost, options: CheckOptions = {}): AnalyzeResult {
  const loaded = loadModules(entry, host);
  const { policy, diagnostics } = check(loaded, options);
  return { policy, modules: loaded.modules, diagnostics: sortDiagnostics(diagnostics) };
}

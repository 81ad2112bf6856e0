/**
 * Running exported rules with json-rules-engine over a whole facts document: one engine per
 * subject group, one run per subject. What the differential tests and the bench compare with
 * Remit's own evaluation.
 */
import type { CheckedPolicy } from "@remit/lang";
import { Engine, type RuleProperties } from "json-rules-engine";
import type { ExportResult } from "./export.js";
import { subjectFacts } from "./facts.js";
import { registerRemitOperators } from "./operators.js";

/** One event json-rules-engine emitted: the rule, the status and the subject it is about. */
export interface JreDecision {
  readonly rule: string;
  readonly status: string;
  readonly subject: { readonly collection: string; readonly id: string };
}

/** Engines ready to run, one per subject group of an export. */
export interface PreparedRules {
  readonly groups: readonly {
    readonly kind: "collection" | "record" | "policy";
    readonly name: string;
    readonly engine: Engine;
  }[];
}

/**
 * @example
 * ```ts
 * import { prepareEngines, exportPolicy } from "@remit/json-rules-engine";
 * import { analyze, memoryHost } from "@remit/lang";
 * const source = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards since foundOn { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const { policy } = analyze("policy.remit", memoryHost({ "policy.remit": source }));
 * if (policy === undefined) throw new Error("the policy does not check");
 * const prepared = prepareEngines(exportPolicy(policy));
 * console.log(prepared.groups.map((g) => `${g.kind} ${g.name}`)); // [ 'collection hazards' ]
 * const run = await prepared.groups[0]?.engine.run({ foundOn: "2026-10-01", listedOn: null, asOf: "2026-10-20" });
 * console.log(run?.events.map((e) => e.type)); // [ 'listing:overdue' ]
 * ```
 */
export function prepareEngines(exported: ExportResult): PreparedRules {
  const byName = new Map(exported.rules.map((r) => [r.name, r]));
  const groups = exported.subjects.map((subject) => {
    const engine = new Engine([], { allowUndefinedFacts: false });
    registerRemitOperators(engine, exported.operators);
    for (const name of subject.rules) {
      const rule = byName.get(name);
      // The exported shapes are json-rules-engine's rule properties, read-only.
      if (rule) engine.addRule(rule as unknown as RuleProperties);
    }
    return { kind: subject.kind, name: subject.name, engine };
  });
  return { groups };
}

function splitType(type: string): { rule: string; status: string } {
  const at = type.indexOf(":");
  return at < 0 ? { rule: type, status: "" } : { rule: type.slice(0, at), status: type.slice(at + 1) };
}

/**
 * Runs the exported rules over every subject of `facts` (a Remit facts document) as at `asOf`.
 * A subject is an element of the collection (by its `id`), a top-level record, or the policy.
 * @example
 * ```ts
 * import { exportPolicy, prepareEngines, runExported } from "@remit/json-rules-engine";
 * import { analyze, memoryHost } from "@remit/lang";
 * const source = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards since foundOn { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const { policy } = analyze("policy.remit", memoryHost({ "policy.remit": source }));
 * if (policy === undefined) throw new Error("the policy does not check");
 * const facts = {
 *   hazards: [
 *     { id: "H1", foundOn: "2026-10-01", listedOn: null },
 *     { id: "H2", foundOn: "2026-10-02", listedOn: "2026-10-05" },
 *   ],
 * };
 * const decisions = await runExported(policy, prepareEngines(exportPolicy(policy)), facts, "2026-10-20");
 * console.log(decisions.map((d) => `${d.subject.id} ${d.status}`).sort()); // [ 'H1 overdue', 'H2 met' ]
 * ```
 */
export async function runExported(
  policy: CheckedPolicy,
  prepared: PreparedRules,
  facts: Readonly<Record<string, unknown>>,
  asOf: string,
): Promise<JreDecision[]> {
  const decisions: JreDecision[] = [];
  for (const group of prepared.groups) {
    let subjects: readonly { element: Readonly<Record<string, unknown>> | undefined; id: string }[];
    if (group.kind === "collection") {
      const list = facts[group.name];
      const elements = Array.isArray(list) ? (list as Readonly<Record<string, unknown>>[]) : [];
      subjects = elements.map((e) => ({ element: e, id: String(e.id) }));
    } else if (group.kind === "record") {
      const record = facts[group.name] as Readonly<Record<string, unknown>> | undefined;
      subjects = record ? [{ element: record, id: String(record.id ?? group.name) }] : [];
    } else subjects = [{ element: undefined, id: group.name }];
    const collection = group.kind === "policy" ? "policy" : group.name;
    for (const subject of subjects) {
      const result = await group.engine.run(subjectFacts(policy, group, subject.element, asOf));
      for (const event of result.events) {
        const { rule, status } = splitType(event.type);
        decisions.push({ rule, status, subject: { collection, id: subject.id } });
      }
    }
  }
  return decisions;
}

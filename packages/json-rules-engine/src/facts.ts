/**
 * The facts of one json-rules-engine run: a subject's fields, each as a fact, plus `asOf`.
 * Unset fields are `null` and unset list fields `[]`, so every fact an exported rule names is
 * defined (json-rules-engine rejects a run that reads an undefined fact).
 */
import type { CheckedPolicy, FieldInfo } from "@remit/lang";
import type { ExportedSubject } from "./export.js";
import type { JreJson } from "./jre.js";

export type JreFacts = Record<string, JreJson>;

function fieldsOf(
  policy: CheckedPolicy,
  subject: Pick<ExportedSubject, "kind" | "name">,
): readonly FieldInfo[] {
  if (subject.kind === "collection") return policy.collections.get(subject.name)?.fields ?? [];
  if (subject.kind === "record") return policy.records.get(subject.name)?.fields ?? [];
  return [];
}

function isList(field: FieldInfo): boolean {
  const t = field.type.kind === "optional" ? field.type.inner : field.type;
  return t.kind === "list";
}

/**
 * The facts for one subject (an element of a collection, or a top-level record) as at `asOf`.
 * `element` is the subject's JSON object from the facts document.
 * @example
 * ```ts
 * import { subjectFacts } from "@remit/json-rules-engine";
 * import { analyze, memoryHost } from "@remit/lang";
 * const source = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards since foundOn { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `;
 * const { policy } = analyze("policy.remit", memoryHost({ "policy.remit": source }));
 * if (policy === undefined) throw new Error("the policy does not check");
 * const hazard = { id: "H1", foundOn: "2026-10-01" };
 * console.log(subjectFacts(policy, { kind: "collection", name: "hazards" }, hazard, "2026-10-20")); // { id: 'H1', foundOn: '2026-10-01', listedOn: null, asOf: '2026-10-20' }
 * ```
 */
export function subjectFacts(
  policy: CheckedPolicy,
  subject: Pick<ExportedSubject, "kind" | "name">,
  element: Readonly<Record<string, unknown>> | undefined,
  asOf: string,
): JreFacts {
  const facts: JreFacts = {};
  for (const field of fieldsOf(policy, subject)) {
    const value = element && Object.hasOwn(element, field.name) ? element[field.name] : undefined;
    facts[field.name] =
      value === undefined || value === null ? (isList(field) ? [] : null) : (value as JreJson);
  }
  facts.asOf = asOf;
  return facts;
}

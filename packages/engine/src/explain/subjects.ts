/**
 * Subjects as people name them: a collection's `named` path (`named venue.name`) read from an
 * element, following references through the facts, and the display name a report prints
 * (`火灾隐患 H0201（中峰竹木加工厂）`).
 */
import type { CheckedPolicy, FieldInfo, Language } from "@remit/lang";
import type { Data } from "../compile/data.js";
import type { FactObject, Value } from "../compile/values.js";
import type { SubjectRef } from "../result.js";
import { type LabelSource, subjectLabel } from "./labels.js";

/** Reads the name of an element of `collection`, or undefined when it names none. */
export type SubjectNamer = (data: Data, element: FactObject) => string | undefined;

/** The namer of `collection`'s elements, when the collection declares a `named` path. */
export function subjectNamer(policy: CheckedPolicy, collection: string): SubjectNamer | undefined {
  const info = policy.collections.get(collection);
  const path = info?.decl.named.map((part) => part.name) ?? [];
  if (info === undefined || path.length === 0) return undefined;
  return (data, element) => {
    let fields: readonly FieldInfo[] = info.fields;
    let current: Value = element;
    for (const part of path) {
      if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
      const object = current as FactObject;
      const reference = fields.find((f) => f.reference?.as === part);
      if (reference?.reference) {
        const target = reference.reference.target;
        current = data.byId.get(target)?.get(String(object[reference.name])) ?? null;
        fields = policy.collections.get(target)?.fields ?? [];
        continue;
      }
      const field = fields.find((f) => f.name === part);
      if (field === undefined) return undefined;
      current = (object[part] as Value | undefined) ?? null;
      fields = field.type.kind === "record" ? field.type.fields : [];
    }
    return typeof current === "string" || typeof current === "number" ? String(current) : undefined;
  };
}

/**
 * A subject as people read it: the collection's label, the id, and the element's name where the
 * policy names one — `火灾隐患 H0201（中峰竹木加工厂）`, `火灾隐患 H0201 (中峰竹木加工厂)`. The labels
 * come from the policy, or from those a record kept of it (`policyLabels`).
 * @example
 * ```ts
 * import { compile, subjectWords } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * console.log(subjectWords(compiled.policy.checked, { collection: "hazards", id: "H1" }, "en")); // hazards H1
 * ```
 */
export function subjectWords(policy: LabelSource, subject: SubjectRef, lang: Language): string {
  const label = subjectLabel(policy, subject.collection);
  const name = subject.name === undefined || subject.name === subject.id ? "" : subject.name;
  if (name === "") return `${label} ${subject.id}`;
  return lang === "en" ? `${label} ${subject.id} (${name})` : `${label} ${subject.id}（${name}）`;
}

/**
 * The policy's own labels that word a finding for people — what its subjects are called, what each
 * escalation level is called, the language its readers use — as plain JSON, so that a finding
 * read back from a record, long after the policy text has changed, is worded as it was then.
 */
import type { CheckedPolicy, Language } from "@remit/lang";

export interface PolicyLabels {
  /** The language the policy's readers use (see `PolicyInfo.readers`). */
  readonly readers: Language;
  /** Collection and record labels by name, where the policy gives one: `hazards` → `火灾隐患`. */
  readonly subjects: Readonly<Record<string, string>>;
  /**
   * Escalation level labels, per rule, where the policy gives one: `major-ladder` → `county` →
   * `县级挂牌督办`. Per rule, since two ladders may both have a `county` level for different acts.
   */
  readonly levels: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Where labels come from: the checked policy itself, or labels kept from it (a record's). */
export type LabelSource = CheckedPolicy | PolicyLabels;

const fromPolicy = new WeakMap<CheckedPolicy, PolicyLabels>();

/**
 * The labels a policy gives its subjects and escalation levels, to keep beside its findings.
 * @example
 * ```ts
 * import { compile, policyLabels } from "@remit/engine";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are escalated"
 * collection hazards "火灾隐患" { foundOn: date  rectifiedOn: optional date }
 * escalation ladder "hazards climb" must cites 1 for each h in hazards holder "grid"
 *   starts h.foundOn
 *   level grid "网格"
 *   level county "县级挂牌督办" after 10 days holder "county"
 *   closes h.rectifiedOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const labels = policyLabels(compiled.policy.checked);
 * console.log(labels.subjects.hazards, labels.levels.ladder?.county); // 火灾隐患 县级挂牌督办
 * ```
 */
export function policyLabels(policy: CheckedPolicy): PolicyLabels {
  const known = fromPolicy.get(policy);
  if (known !== undefined) return known;
  const subjects: Record<string, string> = {};
  for (const [name, info] of [...policy.collections, ...policy.records]) {
    if (info.label !== undefined) subjects[name] = info.label;
  }
  const levels: Record<string, Record<string, string>> = {};
  for (const rule of policy.rules) {
    if (rule.kind !== "escalation") continue;
    const labelled = rule.rule.levels.flatMap((level) =>
      level.label === undefined ? [] : [[level.name.name, level.label.value] as const],
    );
    if (labelled.length > 0) levels[rule.id] = Object.fromEntries(labelled);
  }
  const labels: PolicyLabels = { readers: policy.info.readers, subjects, levels };
  fromPolicy.set(policy, labels);
  return labels;
}

/** The labels of either source. */
export function labelsOf(source: LabelSource): PolicyLabels {
  return "levels" in source ? source : policyLabels(source);
}

/** A subject kind's label (a collection's or a record's), its name where the policy gives none. */
export function subjectLabel(source: LabelSource | undefined, collection: string): string {
  return (source && labelsOf(source).subjects[collection]) ?? collection;
}

/**
 * An escalation level as its own rule labels it (`level county "县级挂牌督办"`), never by another
 * ladder's level of the same name; its name where the rule gives no label.
 */
export function levelLabel(source: LabelSource | undefined, rule: string, level: string): string {
  return (source && labelsOf(source).levels[rule]?.[level]) ?? level;
}

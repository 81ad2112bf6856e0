import type { Context } from "../compile/expr.js";
import type { Finding } from "../result.js";
import type { CompiledRule } from "./common.js";

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The findings of one rule over all its subjects, by subject id. */
export function evaluateRule(rule: CompiledRule, ctx: Context): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const subjects = rule.subjects(ctx);
  for (const subject of subjects) {
    const findings = rule.evaluate(ctx, subject);
    if (findings.length > 0) out.set(rule.subjectId(subject), findings);
  }
  return out;
}

/** Stable order: rules in policy order, then subject id, then period (already chronological). */
export function orderFindings(perRule: readonly ReadonlyMap<string, readonly Finding[]>[]): Finding[] {
  const findings: Finding[] = [];
  for (const bySubject of perRule) {
    // Subjects usually come in id order already (facts listed by id): then no sort is needed.
    let sorted = true;
    let previous: string | undefined;
    for (const id of bySubject.keys()) {
      if (previous !== undefined && previous > id) {
        sorted = false;
        break;
      }
      previous = id;
    }
    const lists = sorted
      ? bySubject.values()
      : [...bySubject.keys()].sort(compareIds).map((id) => bySubject.get(id)!);
    for (const list of lists) for (let i = 0; i < list.length; i++) findings.push(list[i]!);
  }
  return findings;
}

export function evaluateAll(rules: readonly CompiledRule[], ctx: Context): Map<string, Finding[]>[] {
  return rules.map((rule) => evaluateRule(rule, ctx));
}

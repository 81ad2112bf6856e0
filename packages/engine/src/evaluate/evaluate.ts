import type { Context } from "../compile/expr.js";
import { DEFAULT_EVALUATION_LIMITS, tooManyFindings } from "../limits.js";
import type { Finding } from "../result.js";
import type { CompiledRule } from "./common.js";

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The findings of one rule for one subject, in period order. */
export function findingsOf(
  rule: CompiledRule,
  ctx: Context,
  subject: Parameters<CompiledRule["evaluate"]>[1],
): Finding[] {
  const out: Finding[] = [];
  rule.evaluate(ctx, subject, out);
  return out;
}

/** The findings of one rule over all its subjects, by subject id (what sessions keep). */
export function evaluateRule(rule: CompiledRule, ctx: Context): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const subjects = rule.subjects(ctx);
  for (const subject of subjects) {
    const findings = findingsOf(rule, ctx, subject);
    if (findings.length > 0) out.set(rule.subjectId(subject), findings);
  }
  return out;
}

export function evaluateAll(rules: readonly CompiledRule[], ctx: Context): Map<string, Finding[]>[] {
  const maxFindings = (ctx.limits ?? DEFAULT_EVALUATION_LIMITS).findings;
  let count = 0;
  return rules.map((rule) => {
    const bySubject = evaluateRule(rule, ctx);
    for (const findings of bySubject.values()) count += findings.length;
    if (count > maxFindings) throw tooManyFindings(maxFindings);
    return bySubject;
  });
}

/** How many findings the per-rule maps hold. */
export function countFindings(perRule: readonly ReadonlyMap<string, readonly Finding[]>[]): number {
  let count = 0;
  for (const bySubject of perRule) for (const findings of bySubject.values()) count += findings.length;
  return count;
}

/** Stable order: rules in policy order, then subject id, then period (already chronological). */
export function orderFindings(perRule: readonly ReadonlyMap<string, readonly Finding[]>[]): Finding[] {
  const findings: Finding[] = [];
  for (const bySubject of perRule) {
    const ids = [...bySubject.keys()];
    if (!isSorted(ids)) ids.sort(compareIds);
    for (const id of ids) {
      const list = bySubject.get(id)!;
      for (let i = 0; i < list.length; i++) findings.push(list[i]!);
    }
  }
  return findings;
}

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return false;
  return true;
}

const bySubjectId = (a: Finding, b: Finding): number => compareIds(a.subject.id, b.subject.id);

/**
 * Every rule's findings in the order of {@link orderFindings}, straight into one list: no
 * per-subject lists or maps (a one-off evaluation keeps nothing but the findings). Subjects
 * usually come in id order already (facts listed by id); a rule whose subjects do not is sorted
 * by subject id, stably, so each subject's periods stay in order.
 */
export function evaluateInOrder(
  rules: readonly CompiledRule[],
  ctx: Context,
  onProgress?: (progress: EvaluationProgress) => void,
): Finding[] {
  const findings: Finding[] = [];
  const maxFindings = (ctx.limits ?? DEFAULT_EVALUATION_LIMITS).findings;
  const subjectLists = rules.map((rule) => rule.subjects(ctx));
  const total = subjectLists.reduce((sum, subjects) => sum + subjects.length, 0);
  let evaluated = 0;
  onProgress?.({ evaluated, total });
  for (const [r, rule] of rules.entries()) {
    const first = findings.length;
    let previous: string | undefined;
    let sorted = true;
    for (const subject of subjectLists[r]!) {
      if (onProgress !== undefined && ++evaluated % progressEvery === 0) onProgress({ evaluated, total });
      const before = findings.length;
      rule.evaluate(ctx, subject, findings);
      if (findings.length > maxFindings) throw tooManyFindings(maxFindings);
      if (findings.length === before || !sorted) continue;
      const id = findings[before]!.subject.id;
      if (previous !== undefined && previous > id) sorted = false;
      previous = id;
    }
    if (!sorted) {
      const own = findings.splice(first).sort(bySubjectId);
      for (let i = 0; i < own.length; i++) findings.push(own[i]!);
    }
  }
  if (onProgress !== undefined && total % progressEvery !== 0) onProgress({ evaluated: total, total });
  return findings;
}

/** How far an evaluation has come: rule–subject pairs evaluated of all there are. */
export interface EvaluationProgress {
  readonly evaluated: number;
  readonly total: number;
}

/** Progress is told every this many pairs (and at the start and end): often enough for a bar, rarely enough to cost nothing. */
const progressEvery = 256;

/**
 * What each rule can read, found once from its expressions (and the definitions they call): the
 * reference and inverse links it navigates, and the collections it reads whole. An incremental
 * update follows only those links back from a changed element to the subjects that can see it.
 */
import type { CheckedPolicy, Expr, Rule } from "@remit/lang";
import { stripType } from "../compile/expr.js";

export interface Link {
  /** The collection holding the reference field. */
  readonly source: string;
  readonly field: string;
  readonly target: string;
}

export interface RuleDependencies {
  /** `a.field` navigated from source to target: a changed target is read by its sources. */
  readonly forward: readonly Link[];
  /** `t.sources` navigated from target to sources: a changed source is read by its target. */
  readonly backward: readonly Link[];
  /** Collections read whole (`count(h in hazards …)`), apart from the rule's own subjects. */
  readonly wholeCollections: ReadonlySet<string>;
  /** Top-level records read (a change to one re-evaluates everything anyway). */
  readonly records: ReadonlySet<string>;
  /** Whether the subjects are exactly the elements of one collection. */
  readonly plainSubject: boolean;
}

function children(expr: Expr): Expr[] {
  switch (expr.kind) {
    case "ListLiteral":
      return [...expr.elements];
    case "MemberExpr":
      return [expr.object];
    case "CallExpr":
      return [...expr.args];
    case "UnaryExpr":
      return [expr.operand];
    case "BinaryExpr":
      return [expr.left, expr.right];
    case "IsSetExpr":
      return [expr.operand];
    case "IfExpr":
      return [expr.condition, expr.then, expr.else];
    case "AggregateExpr":
      return [expr.source, ...(expr.filter ? [expr.filter] : []), ...(expr.value ? [expr.value] : [])];
    case "ParenExpr":
      return [expr.inner];
    default:
      return [];
  }
}

export function ruleExpressions(rule: Rule): Expr[] {
  const out: Expr[] = [];
  const add = (e: Expr | undefined): void => {
    if (e) out.push(e);
  };
  if (rule.subject?.filter) out.push(rule.subject.filter);
  for (const l of rule.lets) out.push(l.value);
  add(rule.holder);
  switch (rule.kind) {
    case "DutyRule":
      add(rule.requirement);
      if (rule.deadline?.kind === "ByDeadline") add(rule.deadline.date);
      if (rule.deadline?.kind === "WithinDeadline") {
        add(rule.deadline.duration);
        add(rule.deadline.from);
      }
      if (rule.deadline?.kind === "RecurringDeadline") {
        add(rule.deadline.from);
        add(rule.deadline.until);
      }
      break;
    case "EscalationRule":
      add(rule.start);
      for (const level of rule.levels) {
        add(level.after);
        add(level.when);
        add(level.holder);
      }
      add(rule.closes);
      add(rule.overdueAfter);
      break;
    case "AccountabilityRule":
      add(rule.asAt);
      for (const c of rule.causes) out.push(c.condition, ...c.targets);
      out.push(...rule.targets);
      break;
  }
  return out;
}

export function ruleDependencies(
  policy: CheckedPolicy,
  rule: Rule,
  subjectCollection: string | undefined,
): RuleDependencies {
  const forward = new Map<string, Link>();
  const backward = new Map<string, Link>();
  const wholeCollections = new Set<string>();
  const records = new Set<string>();
  const visitedDefines = new Set<string>();
  const subjectSource = rule.subject?.source;
  let plainSubject = false;
  if (
    subjectSource &&
    subjectCollection !== undefined &&
    (subjectSource.kind === "NameExpr" || subjectSource.kind === "MemberExpr")
  ) {
    const resolution = policy.resolve(subjectSource);
    plainSubject = resolution.kind === "collection" && resolution.name === subjectCollection;
  }

  const visit = (expr: Expr): void => {
    if (expr.kind === "NameExpr" || expr.kind === "MemberExpr" || expr.kind === "CallExpr") {
      const resolution = policy.resolve(expr);
      switch (resolution.kind) {
        case "collection":
          wholeCollections.add(resolution.name);
          break;
        case "record":
          records.add(resolution.name);
          break;
        case "define": {
          const info = policy.defines.get(resolution.key);
          if (info && !visitedDefines.has(info.key)) {
            visitedDefines.add(info.key);
            visit(info.body);
          }
          break;
        }
        case "reference": {
          const objectType = stripType(policy.typeOf((expr as { object: Expr }).object));
          if (objectType.kind === "entity") {
            const link = {
              source: objectType.collection,
              field: resolution.field,
              target: resolution.target,
            };
            forward.set(`${link.source}.${link.field}`, link);
          }
          break;
        }
        case "inverse": {
          const objectType = stripType(policy.typeOf((expr as { object: Expr }).object));
          if (objectType.kind === "entity") {
            const link = {
              source: resolution.source,
              field: resolution.field,
              target: objectType.collection,
            };
            backward.set(`${link.source}.${link.field}`, link);
          }
          break;
        }
        default:
          break;
      }
    }
    if (expr.kind === "MemberExpr" || expr.kind === "NameExpr") {
      // A qualified name (`gb.superiorSupervisionAfter`) has no resolution of its own prefix.
      const kind = policy.resolve(expr).kind;
      if (kind !== "field" && kind !== "reference" && kind !== "inverse") return;
    }
    for (const child of children(expr)) visit(child);
  };
  for (const e of ruleExpressions(rule)) visit(e);
  if (!plainSubject && subjectSource) visit(subjectSource);

  // The finding's township is found through reference fields: a change along them moves it.
  const addTownshipPath = (
    fields: readonly { name: string; reference: { target: string } | undefined }[],
    source: string,
    seen: Set<string>,
  ): void => {
    for (const field of fields) {
      if (!field.reference || seen.has(field.reference.target)) continue;
      seen.add(field.reference.target);
      forward.set(`${source}.${field.name}`, { source, field: field.name, target: field.reference.target });
      const next = policy.collections.get(field.reference.target);
      if (next) addTownshipPath(next.fields, next.name, seen);
    }
  };
  if (subjectCollection) {
    const info = policy.collections.get(subjectCollection);
    if (info) addTownshipPath(info.fields, info.name, new Set([info.name]));
  }
  return {
    forward: [...forward.values()],
    backward: [...backward.values()],
    wholeCollections,
    records,
    plainSubject,
  };
}

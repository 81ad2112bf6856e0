/**
 * What each rule can read, found once from its expressions (and the definitions they call): the
 * reference and inverse links it navigates, and the collections it reads whole. An incremental
 * update follows only those links back from a changed element to the subjects that can see it.
 */
import { type CheckedPolicy, type Expr, forEachChild, isExpression, type Node, type Rule } from "@remit/lang";
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
    forEachChild(expr, visitNode);
  };
  // Every expression of the rule; a plain subject's source is the subject collection itself.
  const visitNode = (node: Node): void => {
    if (plainSubject && node === subjectSource) return;
    if (isExpression(node)) visit(node);
    else forEachChild(node, visitNode);
  };
  visitNode(rule);

  // The finding's group is found through reference fields: a change along them moves it.
  const addReferencePaths = (
    fields: readonly { name: string; reference: { target: string } | undefined }[],
    source: string,
    seen: Set<string>,
  ): void => {
    for (const field of fields) {
      if (!field.reference || seen.has(field.reference.target)) continue;
      seen.add(field.reference.target);
      forward.set(`${source}.${field.name}`, { source, field: field.name, target: field.reference.target });
      const next = policy.collections.get(field.reference.target);
      if (next) addReferencePaths(next.fields, next.name, seen);
    }
  };
  if (subjectCollection) {
    const info = policy.collections.get(subjectCollection);
    if (info) addReferencePaths(info.fields, info.name, new Set([info.name]));
  }
  return {
    forward: [...forward.values()],
    backward: [...backward.values()],
    wholeCollections,
    records,
    plainSubject,
  };
}

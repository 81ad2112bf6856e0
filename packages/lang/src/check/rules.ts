/**
 * Rules: what every kind shares (cited clauses, the subject, `let`s, the holder) is checked here;
 * each kind's own parts in its file (duty.ts, escalation.ts, accountability.ts).
 */
import * as codes from "../diagnostics/check-codes.js";
import { suggest } from "../diagnostics/suggest.js";
import type { Expr, NameExpr, Rule } from "../syntax/ast.js";
import { checkAccountability } from "./accountability.js";
import { checkDuty } from "./duty.js";
import { checkEscalation } from "./escalation.js";
import type { Checker } from "./expressions.js";
import type { RuleInfo, Type } from "./model.js";
import type { ModuleScope } from "./scope.js";
import { type Context, type Local, typeArgs } from "./state.js";
import { elementOf, errorType } from "./types.js";

/** What a rule kind's check starts from: the rule's head, checked. */
export interface RuleHead {
  readonly scope: ModuleScope;
  /** The subject variable in scope; no `let`s, no `period`. */
  readonly base: Context;
  /** `base` with the `let`s, and `period` in a recurring duty. */
  readonly context: Context;
  /** The rule's fields every kind has, but its frame size (read once the kind is checked). */
  readonly common: Omit<RuleInfo, "kind" | "rule" | "frameSize">;
}

export function checkRule(checker: Checker, rule: Rule, scope: ModuleScope): RuleInfo {
  const head = checkHead(checker, rule, scope);
  switch (rule.kind) {
    case "DutyRule":
      return checkDuty(checker, rule, head);
    case "EscalationRule":
      return checkEscalation(checker, rule, head);
    case "AccountabilityRule":
      return checkAccountability(checker, rule, head);
  }
}

/** A bare name that names nothing: after `for each x in` it is a collection, so it is told as one. */
function isUndeclared(source: Expr, context: Context): source is NameExpr {
  if (source.kind !== "NameExpr") return false;
  const name = source.name.name;
  return !context.locals.has(name) && !context.scope.declared.has(name) && !context.scope.aliases.has(name);
}

/** Reports `source` as an unknown collection, with the collections there are. */
function unknownCollection(checker: Checker, source: NameExpr, context: Context): Type {
  const collections = [...context.scope.declared]
    .filter(([, declared]) => declared.kind === "collection")
    .map(([name]) => name);
  const name = source.name.name;
  checker.reportUnknown(
    codes.unknownCollection,
    source.span,
    { name, collections: collections.join(", "), collectionsZh: collections.join("、") },
    suggest(name, collections),
  );
  return errorType;
}

function checkHead(checker: Checker, rule: Rule, scope: ModuleScope): RuleHead {
  const id = rule.id.text;
  if (rule.cites.length === 0) checker.report(codes.missingCites, rule.id.span, { id });
  for (const cite of rule.cites) {
    if (!scope.clauses.has(cite.id)) {
      checker.reportUnknown(
        codes.unknownClause,
        cite.span,
        { id: cite.id },
        suggest(cite.id, scope.clauses.keys()),
      );
    }
  }
  const frame = { size: 0 };
  const locals = new Map<string, Local>();
  const base: Context = { scope, locals, frame, periodAllowed: false, inDefine: undefined };
  let subject: RuleInfo["subject"];

  if (rule.subject !== undefined) {
    const { variable, source, filter } = rule.subject;
    const sourceType =
      variable !== undefined && isUndeclared(source, base)
        ? unknownCollection(checker, source, base)
        : checker.expr(source, base);
    const resolution =
      source.kind === "NameExpr" || source.kind === "MemberExpr"
        ? checker.resolutions.get(source)
        : undefined;
    if (variable !== undefined) {
      if (resolution?.kind === "collection") {
        subject = { kind: "collection", name: resolution.name };
      } else if (sourceType.kind !== "error") {
        checker.report(codes.badSubject, source.span, {
          expected: "a collection",
          expectedZh: "集合",
          ...typeArgs("found", sourceType),
        });
      }
      const slot = frame.size++;
      checker.slots.set(variable, slot);
      locals.set(variable.name, { slot, type: elementOf(sourceType) ?? errorType });
    } else if (resolution?.kind === "record") {
      subject = { kind: "record", name: resolution.name };
    } else if (sourceType.kind !== "error") {
      checker.report(codes.badSubject, source.span, {
        expected: "a record",
        expectedZh: "记录",
        ...typeArgs("found", sourceType),
      });
    }
    if (filter !== undefined)
      checker.expectBool(checker.expr(filter, base), filter.span, ["the 'where' filter", "“满足”条件"]);
  }

  const recurring = rule.kind === "DutyRule" && rule.deadline?.kind === "RecurringDeadline";
  const context: Context = { ...base, periodAllowed: recurring };
  for (const binding of rule.lets) {
    const type = checker.expr(binding.value, context);
    if (locals.has(binding.name.name)) {
      checker.report(codes.duplicateLocal, binding.name.span, { name: binding.name.name });
    }
    const slot = frame.size++;
    checker.slots.set(binding.name, slot);
    locals.set(binding.name.name, { slot, type });
  }
  if (rule.holder !== undefined) checker.expectText(rule.holder, context, ["the holder", "责任主体"]);

  if (rule.kind !== "DutyRule" && rule.modality?.value === "mustNot")
    checker.report(codes.prohibitionMismatch, rule.modality.span, { id });
  const common = {
    id,
    title: rule.title.value,
    modality: rule.modality?.value ?? "must",
    cites: rule.cites.map((cite) => scope.prefix + cite.id),
    subject,
  } as const;
  return { scope, base, context, common };
}

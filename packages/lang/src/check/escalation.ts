/** Escalations: a start date, levels whose constant thresholds strictly increase, and closing. */
import * as codes from "../diagnostics/check-codes.js";
import type { EscalationRule } from "../syntax/ast.js";
import type { Checker } from "./expressions.js";
import type { EscalationInfo } from "./model.js";
import type { RuleHead } from "./rules.js";
import { typeArgs } from "./state.js";
import { type DurationMeasure, stripOptional } from "./types.js";

export function checkEscalation(checker: Checker, rule: EscalationRule, head: RuleHead): EscalationInfo {
  const { scope, context, common } = head;
  const { id } = common;
  if (rule.start === undefined) checker.report(codes.escalationWithoutStart, rule.id.span, { id });
  else checker.expectDate(rule.start, context, ["the 'starts' date", "“起算”日期"]);
  if (rule.levels.length === 0) checker.report(codes.escalationWithoutLevels, rule.id.span, { id });
  const names = new Set<string>();
  let previous: { name: string; amount: number; measure: DurationMeasure } | undefined;
  for (const level of rule.levels) {
    if (names.has(level.name.name))
      checker.report(codes.duplicateLevel, level.name.span, { name: level.name.name });
    names.add(level.name.name);
    if (level.after !== undefined) {
      const type = checker.expr(level.after, context);
      checker.expectKind(type, "duration", level.after.span, ["a level's 'after' time", "级别的“超过”时长"]);
      const constant = checker.constantDuration(level.after, scope);
      if (constant !== undefined) {
        if (previous !== undefined && previous.measure !== constant.measure) {
          checker.report(codes.durationMeasureMismatch, level.after.span, { operator: "after" });
        } else if (previous !== undefined && constant.amount <= previous.amount) {
          checker.report(codes.levelsNotIncreasing, level.after.span, {
            level: level.name.name,
            previous: previous.name,
          });
        }
        previous = { name: level.name.name, ...constant };
      }
    }
    if (level.when !== undefined) {
      checker.expectBool(checker.expr(level.when, context), level.when.span, [
        "a level's 'when' condition",
        "级别的“当”条件",
      ]);
    }
    if (level.holder !== undefined)
      checker.expectText(level.holder, context, ["a level's holder", "级别的责任主体"]);
  }
  let closesKind: "date" | "bool" | undefined;
  if (rule.closes !== undefined) {
    const type = stripOptional(checker.expr(rule.closes, context));
    if (type.kind === "date") closesKind = "date";
    else if (type.kind === "bool") closesKind = "bool";
    else if (type.kind !== "error" && type.kind !== "none") {
      checker.report(codes.typeMismatch, rule.closes.span, {
        what: "'closes'",
        whatZh: "“办结”",
        expected: "a date or a condition",
        expectedZh: "日期或条件",
        ...typeArgs("found", type),
      });
    }
  }
  if (rule.overdueAfter !== undefined) {
    checker.expectDate(rule.overdueAfter, context, ["the 'overdue after' date", "“逾期”日期"]);
  }
  return {
    ...common,
    kind: "escalation",
    levels: rule.levels.map((level) => level.name.name),
    closesKind,
    rule,
    frameSize: context.frame.size,
  };
}

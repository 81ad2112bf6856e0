/** Duties: a requirement (a date done or a condition) and a deadline. */
import * as codes from "../diagnostics/check-codes.js";
import type { DutyRule, PauseClause } from "../syntax/ast.js";
import type { Checker } from "./expressions.js";
import type { DutyInfo } from "./model.js";
import type { RuleHead } from "./rules.js";
import { type Context, typeArgs } from "./state.js";
import { elementOf, errorType, stripOptional } from "./types.js";

/** `excluding a to b [for each c in xs]`: two dates, with `c` bound to each element of the list. */
function checkPause(checker: Checker, pause: PauseClause, context: Context): void {
  let inner = context;
  if (pause.variable !== undefined && pause.source !== undefined) {
    const sourceType = checker.expr(pause.source, context);
    let element = elementOf(sourceType);
    if (element === undefined) {
      checker.report(codes.aggregateOverNonList, pause.source.span, {
        operator: "excluding",
        ...typeArgs("found", sourceType),
      });
      element = errorType;
    }
    inner = checker.bind(context, pause.variable, stripOptional(element));
  }
  checker.expectDate(pause.from, inner, ["the first day not counted", "不计算的第一日"]);
  checker.expectDate(pause.to, inner, ["the last day not counted", "不计算的最后一日"]);
}

export function checkDuty(checker: Checker, rule: DutyRule, head: RuleHead): DutyInfo {
  const { base, context, common } = head;
  const { id } = common;
  if (rule.holder === undefined) checker.report(codes.dutyWithoutHolder, rule.id.span, { id });
  const prohibition = rule.forbidden !== undefined;
  if (prohibition !== (common.modality === "mustNot"))
    checker.report(codes.prohibitionMismatch, rule.modality?.span ?? rule.id.span, { id });
  if (rule.deadline === undefined && !prohibition)
    checker.report(codes.dutyWithoutDeadline, rule.id.span, { id });
  let requirementKind: "date" | "bool" = "bool";
  // A requirement is the date it was done or a condition; so is what a prohibition forbids.
  const condition = rule.requirement ?? rule.forbidden;
  if (condition !== undefined) {
    const type = stripOptional(checker.expr(condition, context));
    if (type.kind === "date") requirementKind = "date";
    else if (type.kind !== "bool" && type.kind !== "error" && type.kind !== "none") {
      checker.report(codes.badRequirement, condition.span, typeArgs("found", type));
    }
  }
  const deadline = rule.deadline;
  if (deadline?.kind === "ByDeadline") {
    checker.expectDate(deadline.date, context, ["the 'by' date", "“截止”日期"]);
  } else if (deadline?.kind === "WithinDeadline") {
    checker.expectKind(checker.expr(deadline.duration, context), "duration", deadline.duration.span, [
      "the 'within' time",
      "“以内”时长",
    ]);
    checker.expectDate(deadline.from, context, ["the 'of' date", "“自”日期"]);
    for (const pause of deadline.pauses) checkPause(checker, pause, context);
  } else if (deadline?.kind === "RecurringDeadline") {
    // The period's bounds come from these dates, so they cannot refer to the period.
    checker.expectDate(deadline.from, base, ["the 'from' date", "“从”日期"]);
    if (deadline.until !== undefined)
      checker.expectDate(deadline.until, base, ["the 'until' date", "“直到”日期"]);
    if (deadline.afterEnd !== undefined)
      checker.expectKind(checker.expr(deadline.afterEnd, base), "duration", deadline.afterEnd.span, [
        "the time after the period's end",
        "“终了后”时长",
      ]);
  }
  return { ...common, kind: "duty", requirementKind, rule, frameSize: context.frame.size };
}

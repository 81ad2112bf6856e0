/** Accountability: an 'as at' date, causes with conditions, and targets naming who answers. */
import * as codes from "../diagnostics/check-codes.js";
import type { AccountabilityRule, Expr } from "../syntax/ast.js";
import type { Checker } from "./expressions.js";
import type { AccountabilityInfo } from "./model.js";
import type { RuleHead } from "./rules.js";
import { typeArgs, whatArgs } from "./state.js";
import { elementOf, isTextLike } from "./types.js";

export function checkAccountability(
  checker: Checker,
  rule: AccountabilityRule,
  head: RuleHead,
): AccountabilityInfo {
  const { context, common } = head;
  const { id } = common;
  if (rule.asAt === undefined) checker.report(codes.accountabilityWithoutAsAt, rule.id.span, { id });
  else checker.expectDate(rule.asAt, context, ["the 'as at' date", "“截至”日期"]);
  if (rule.causes.length === 0) checker.report(codes.accountabilityWithoutCause, rule.id.span, { id });
  // Cause targets are checked like the rule's: each is text, an enum or a list of them.
  const targets: Expr[] = [];
  for (const cause of rule.causes) {
    checker.expectBool(checker.expr(cause.condition, context), cause.condition.span, [
      "a cause's condition",
      "原因的条件",
    ]);
    targets.push(...cause.targets);
  }
  targets.push(...rule.targets);
  for (const target of targets) {
    const type = checker.expr(target, context);
    const element = elementOf(type);
    if (!isTextLike(element ?? type) && !checker.silent(element ?? type)) {
      checker.report(codes.holderNotText, target.span, {
        ...whatArgs(["a target", "问责对象"]),
        ...typeArgs("found", type),
      });
    }
  }
  return { ...common, kind: "accountability", rule, frameSize: context.frame.size };
}

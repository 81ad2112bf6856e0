/**
 * Duties: one finding per subject (and per period for recurring deadlines). Status on `asOf`:
 * met when the requirement holds; else advisory for a `may` duty; else overdue when asOf > due,
 * due-soon when asOf ≥ due − warning, pending otherwise. A duty without a deadline is due at once
 * (unmet is overdue, with no overdue days); one whose deadline reads `none` is pending.
 */
import type { DutyInfo } from "@remit/lang";
import {
  addDays,
  addMonths,
  type EpochDay,
  formatIsoDate,
  type Period,
  parseIsoDate,
  periodCount,
  periodEndingOn,
  periodsBetween,
} from "../calendar/index.js";
import type { Compiled, Context } from "../compile/expr.js";
import type { Duration, Value } from "../compile/values.js";
import { type ExplanationSource, sourcesFor } from "../explain/lazy.js";
import { topLevelOperands } from "../explain/tree.js";
import { DEFAULT_EVALUATION_LIMITS, tooManyPeriods } from "../limits.js";
import type { Because, DutyStatus, Explanation, Finding } from "../result.js";
import {
  bindLets,
  type CompiledRule,
  enter,
  explainerOf,
  planSubject,
  type RuleEnv,
  ruleOver,
  ruleWords,
} from "./common.js";
import { DutyFinding } from "./findings.js";

function minus(date: EpochDay, duration: Duration): EpochDay {
  return duration.unit === "day" ? addDays(date, -duration.amount) : addMonths(date, -duration.amount);
}

export function dutyStatus(
  met: boolean,
  modality: DutyInfo["modality"],
  due: EpochDay | null,
  hasDeadline: boolean,
  asOf: EpochDay,
  warning: Duration,
): DutyStatus {
  if (met) return "met";
  if (modality === "may") return "advisory";
  if (!hasDeadline) return "overdue";
  if (due === null) return "pending";
  if (asOf > due) return "overdue";
  if (asOf >= minus(due, warning)) return "due-soon";
  return "pending";
}

export function compileDuty(info: DutyInfo, env: RuleEnv): CompiledRule {
  const { compiler, source } = env;
  const rule = info.rule;
  const plan = planSubject(info, env);
  const requirementExpr = rule.requirement;
  const requirement: Compiled = requirementExpr ? compiler.compile(requirementExpr) : () => true;
  const requirementText = requirementExpr ? source(requirementExpr.span) : "";
  const isDate = info.requirementKind === "date";
  const operands = requirementExpr && !isDate ? topLevelOperands(requirementExpr) : [];
  // Texts built once per rule, shared by every finding.
  const isSetText = ruleWords(info, source).isSet(requirementText);
  const noDateYet = { en: `no date yet for ${requirementText}`, zh: `${requirementText} 尚无日期` };
  const doesNotHold = operands.map((operand) => {
    const test = source(operand.span);
    return { en: `${test} does not hold`, zh: `${test} 不成立` };
  });
  let dueTest = "";
  const deadline = rule.deadline;
  let dueOf: ((ctx: Context) => EpochDay | null) | undefined;
  let dueText = "";
  let recurring: { unit: Period["unit"]; from: Compiled; until: Compiled | undefined } | undefined;
  if (deadline?.kind === "ByDeadline") {
    const date = compiler.compile(deadline.date);
    dueOf = (ctx) => date(ctx) as EpochDay | null;
    dueText = source(deadline.date.span);
  } else if (deadline?.kind === "WithinDeadline") {
    const duration = compiler.compile(deadline.duration);
    const from = compiler.compile(deadline.from);
    dueOf = (ctx) => {
      const start = from(ctx) as EpochDay | null;
      const d = duration(ctx) as Duration | null;
      if (start === null || d === null) return null;
      return d.unit === "day" ? addDays(start, d.amount) : addMonths(start, d.amount);
    };
    dueText = `${source(deadline.from.span)} + ${source(deadline.duration.span)}`;
  } else if (deadline?.kind === "RecurringDeadline") {
    recurring = {
      unit: deadline.unit,
      from: compiler.compile(deadline.from),
      until: deadline.until ? compiler.compile(deadline.until) : undefined,
    };
    dueText = "period.end";
  }
  const hasDeadline = deadline !== undefined;
  dueTest = `${requirementText} ≤ ${dueText}`;

  const judge = (
    ctx: Context,
    subject: Value,
    due: EpochDay | null,
    period: Period | null,
    source: ExplanationSource,
  ): DutyFinding => {
    bindLets(plan, ctx);
    const asOf = ctx.asAt;
    const value = requirement(ctx);
    const metOn = isDate ? (value as EpochDay | null) : null;
    const met = isDate ? metOn !== null : value === true;
    const status = dutyStatus(met, info.modality, due, hasDeadline, asOf, env.warning(ctx) as Duration);
    return new DutyFinding(
      info,
      status,
      plan.subjectRef(subject),
      plan.township(ctx, subject),
      plan.holder?.(ctx),
      due === null ? undefined : formatIsoDate(due),
      period?.label,
      metOn === null ? undefined : formatIsoDate(metOn),
      metOn !== null && due !== null && metOn > due ? true : undefined,
      status === "overdue" && due !== null ? asOf - due : undefined,
      source,
      subject,
    );
  };

  const explainer = explainerOf(env);
  /** The conditions that decided a finding, judged again in its own period. */
  const explain = (ctx: Context, subject: Value, finding: Finding): Explanation => {
    enter(plan, info, ctx, subject, false);
    bindLets(plan, ctx);
    if (recurring && finding.period !== undefined && finding.due !== undefined) {
      // The finding's period ends on its due date: found directly, so that explaining period
      // 1,000 costs what explaining period 1 does.
      const from = recurring.from(ctx) as EpochDay | null;
      const end = parseIsoDate(finding.due);
      if (from !== null && end !== undefined) ctx.period = periodEndingOn(recurring.unit, from, end);
      bindLets(plan, ctx);
    }
    const met = finding.status === "met";
    const because: Because[] = [];
    const missing: { en: string; zh: string }[] = [];
    if (requirementExpr && isDate) {
      const explained = explainer.explain(requirementExpr, ctx, plan.letScope);
      because.push({ ...explained, test: isSetText });
      if (finding.due !== undefined) {
        because.push({
          test: dueTest,
          value: finding.metOn === undefined ? null : finding.metOn <= finding.due,
          values: { [dueText]: finding.due },
        });
      }
      if (!met) missing.push(noDateYet);
    } else {
      for (let i = 0; i < operands.length; i++) {
        const explained = explainer.explain(operands[i]!, ctx, plan.letScope);
        because.push(explained);
        if (!met && explained.value !== true) missing.push(doesNotHold[i]!);
      }
    }
    return missing.length > 0 ? { holds: met, because, missing } : { holds: met, because };
  };
  const sourceOf = sourcesFor(explain);

  return ruleOver(info, plan, (ctx, subject, out) => {
    if (!enter(plan, info, ctx, subject)) return;
    const explanations = sourceOf(ctx);
    if (!recurring) {
      out.push(judge(ctx, subject, dueOf ? dueOf(ctx) : null, null, explanations));
      return;
    }
    bindLets(plan, ctx);
    const from = recurring.from(ctx) as EpochDay | null;
    if (from === null) return;
    const until = recurring.until ? (recurring.until(ctx) as EpochDay | null) : null;
    const through = until === null ? ctx.asAt : Math.min(until, ctx.asAt);
    const limit = (ctx.limits ?? DEFAULT_EVALUATION_LIMITS).periods;
    const count = periodCount(recurring.unit, from, through);
    if (count > limit) throw tooManyPeriods(info.id, count, limit);
    for (const period of periodsBetween(recurring.unit, from, through)) {
      ctx.period = period;
      out.push(judge(ctx, subject, period.end, period, explanations));
    }
    ctx.period = null;
  });
}

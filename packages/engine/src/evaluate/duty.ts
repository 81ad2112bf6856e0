/**
 * Duties: one finding per subject (and per period for recurring deadlines). Status on `asOf`:
 * met when the requirement holds; else advisory for a `may` duty; else overdue when asOf > due
 * (missed, for a recurring period: it cannot be made up later), due-soon when asOf ≥ due − warning,
 * pending otherwise. A duty without a deadline is due at once (unmet is overdue, with no overdue
 * days); one whose deadline reads `none` is pending. A `must not` duty is violated when what it
 * forbids holds, or happened on or before asOf; met otherwise.
 */
import type { DutyInfo } from "@remit/lang";
import {
  type EpochDay,
  formatIsoDate,
  type Period,
  parseIsoDate,
  periodCount,
  periodEndingOn,
  periodsBetween,
} from "../calendar/index.js";
import { addDuration, type CalendarState, countBetween } from "../compile/durations.js";
import type { Compiled, Context } from "../compile/expr.js";
import type { Duration, Value } from "../compile/values.js";
import { type ExplanationSource, sourcesFor } from "../explain/lazy.js";
import { topLevelOperands } from "../explain/tree.js";
import { DEFAULT_EVALUATION_LIMITS, tooManyPeriods } from "../limits.js";
import type { Because, DutyStatus, Explanation, Finding, FindingWarning } from "../result.js";
import {
  bindLets,
  type CompiledRule,
  enter,
  explainerOf,
  narratorOf,
  planSubject,
  type RuleEnv,
  ruleOver,
  ruleWords,
} from "./common.js";
import { compileWithin, type DueDate, type DueDateOf, derivationValues } from "./deadline.js";
import { DutyFinding } from "./findings.js";

/** The warning of a finding whose dates the calendar could not count. */
export function uncoveredWarning(uncovered: CalendarState["uncovered"]): FindingWarning[] | undefined {
  if (uncovered === undefined) return undefined;
  const date = formatIsoDate(uncovered.date);
  const years = `${uncovered.firstYear}–${uncovered.lastYear}`;
  return [
    {
      code: "calendar-not-covering",
      message: {
        en: `the calendar "${uncovered.calendar}" covers ${years}; ${date} lies outside it, so the working days there are not counted and the dates that need them are left unknown`,
        zh: `日历“${uncovered.calendar}”覆盖 ${years} 年；${date} 不在其内，无法计算工作日，依赖它的日期暂不确定`,
      },
    },
  ];
}

export function dutyStatus(
  met: boolean,
  modality: DutyInfo["modality"],
  due: EpochDay | null,
  hasDeadline: boolean,
  asOf: EpochDay,
  warning: Duration,
  calendar: CalendarState,
  recurring = false,
): DutyStatus {
  if (met) return "met";
  if (modality === "may") return "advisory";
  if (!hasDeadline) return "overdue";
  if (due === null) return "pending";
  if (asOf > due) return recurring ? "missed" : "overdue";
  // A window in working days is counted back on the calendar, one in days or months as such.
  const windowOpens = addDuration(due, warning, -1, calendar);
  if (windowOpens !== null && asOf >= windowOpens) return "due-soon";
  return "pending";
}

export function compileDuty(info: DutyInfo, env: RuleEnv): CompiledRule {
  const { compiler, source } = env;
  const rule = info.rule;
  const plan = planSubject(info, env);
  // What a prohibition forbids is judged like a requirement (a date or a condition), then inverted.
  const prohibition = rule.forbidden !== undefined;
  const requirementExpr = rule.requirement ?? rule.forbidden;
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
  let dueOf: DueDateOf | undefined;
  let dueText = "";
  let recurring:
    | { unit: Period["unit"]; from: Compiled; until: Compiled | undefined; afterEnd: Compiled | undefined }
    | undefined;
  if (deadline?.kind === "ByDeadline") {
    const date = compiler.compile(deadline.date);
    dueOf = (ctx) => {
      const due = date(ctx) as EpochDay | null;
      return due === null ? null : { due, unit: "day", steps: [] };
    };
    dueText = source(deadline.date.span);
  } else if (deadline?.kind === "WithinDeadline") {
    dueOf = compileWithin(deadline, compiler, env.policy);
    dueText = `${source(deadline.from.span)} + ${source(deadline.duration.span)}`;
  } else if (deadline?.kind === "RecurringDeadline") {
    recurring = {
      unit: deadline.unit,
      from: compiler.compile(deadline.from),
      until: deadline.until ? compiler.compile(deadline.until) : undefined,
      afterEnd: deadline.afterEnd ? compiler.compile(deadline.afterEnd) : undefined,
    };
    dueText = deadline.afterEnd ? `period.end + ${source(deadline.afterEnd.span)}` : "period.end";
  }
  const hasDeadline = deadline !== undefined;
  dueTest = `${requirementText} ≤ ${dueText}`;

  const judge = (
    ctx: Context,
    subject: Value,
    dueDate: DueDate | null,
    period: Period | null,
    source: ExplanationSource,
  ): DutyFinding => {
    bindLets(plan, ctx);
    const asOf = ctx.asAt;
    const due = dueDate?.due ?? null;
    const value = requirement(ctx);
    if (prohibition) {
      const happenedOn = isDate ? (value as EpochDay | null) : null;
      const violated = isDate ? happenedOn !== null && happenedOn <= asOf : value === true;
      return new DutyFinding(
        info,
        violated ? "violated" : "met",
        plan.subjectRef(subject),
        plan.group(ctx, subject),
        plan.holder?.(ctx),
        undefined,
        undefined,
        undefined,
        violated && happenedOn !== null ? formatIsoDate(happenedOn) : undefined,
        undefined,
        undefined,
        undefined,
        source,
        subject,
      );
    }
    const metOn = isDate ? (value as EpochDay | null) : null;
    const met = isDate ? metOn !== null : value === true;
    const calendar = ctx.calendar;
    const status = dutyStatus(
      met,
      info.modality,
      due,
      hasDeadline,
      asOf,
      env.warning(ctx) as Duration,
      calendar,
      period !== null,
    );
    const overdueDays =
      status === "overdue" && dueDate !== null
        ? countBetween(dueDate.due, asOf, dueDate.unit, calendar)
        : null;
    return new DutyFinding(
      info,
      status,
      plan.subjectRef(subject, ctx.data),
      plan.group(ctx, subject),
      plan.holder?.(ctx),
      due === null ? undefined : formatIsoDate(due),
      period?.label,
      metOn === null ? undefined : formatIsoDate(metOn),
      undefined,
      metOn !== null && due !== null && metOn > due ? true : undefined,
      overdueDays ?? undefined,
      uncoveredWarning(calendar.uncovered),
      source,
      subject,
    );
  };

  const explainer = explainerOf(env);
  const derivedDue = deadline?.kind === "WithinDeadline" ? dueOf : undefined;
  const chinese = /^\p{Script=Han}/u.test(source(rule.span));
  const narrator = narratorOf(env);
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
    if (prohibition && requirementExpr) {
      // Holds while the forbidden thing has not happened; what decided it is the one test.
      const explained = explainer.explain(requirementExpr, ctx, plan.letScope);
      return {
        holds: met,
        because: [isDate ? { ...explained, test: isSetText } : explained],
        text: narrator.duty(info, ctx, finding),
      };
    }
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
    if (derivedDue !== undefined && finding.due !== undefined) {
      ctx.calendar.uncovered = undefined;
      const dueDate = derivedDue(ctx);
      if (dueDate !== null && dueDate.steps.length > 0) {
        because.push({
          test: dueText,
          value: finding.due,
          values: derivationValues(dueDate, { zh: chinese }),
        });
      }
    }
    const text = narrator.duty(info, ctx, finding);
    const explanation: Explanation =
      missing.length > 0 ? { holds: met, because, missing, text } : { holds: met, because, text };
    return finding.warnings === undefined
      ? explanation
      : { ...explanation, warnings: finding.warnings.map((w) => w.message) };
  };
  const sourceOf = sourcesFor(explain);

  return ruleOver(info, plan, (ctx, subject, out) => {
    if (!enter(plan, info, ctx, subject)) return;
    const explanations = sourceOf(ctx);
    ctx.calendar.uncovered = undefined;
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
    if (count > limit) throw tooManyPeriods(info, count, limit);
    const afterEnd = recurring.afterEnd ? (recurring.afterEnd(ctx) as Duration | null) : null;
    for (const period of periodsBetween(recurring.unit, from, through)) {
      ctx.period = period;
      ctx.calendar.uncovered = undefined;
      // A period due some time after its end (`within 15 days after end`) is due then.
      const due =
        afterEnd === null ? period.end : (addDuration(period.end, afterEnd, 1, ctx.calendar) ?? period.end);
      out.push(judge(ctx, subject, { due, unit: "day", steps: [] }, period, explanations));
    }
    ctx.period = null;
  });
}

/**
 * Facts preparation: what one evaluation needs once its facts, parameter overrides and date are
 * accepted (or every reason they are not), shared by `evaluate` and incremental sessions.
 */
import type { CheckedPolicy } from "@remit/lang";
import {
  type Calendar,
  type CalendarDays,
  calendarIndex,
  type EpochDay,
  parseIsoDate,
  withCalendarDays,
} from "./calendar/index.js";
import { Data } from "./compile/data.js";
import type { CalendarState } from "./compile/durations.js";
import type { Context } from "./compile/expr.js";
import type { FactObject } from "./compile/values.js";
import { type FactsSchema, factsCalendarDaysKey, validateFacts } from "./facts/index.js";
import { DEFAULT_EVALUATION_LIMITS, type EvaluationLimits, maxErrorsPerAnswer } from "./limits.js";
import { type CompiledParameters, parseParamOverrides } from "./parameters.js";
import type { FactError, JsonValue } from "./result.js";

/** What evaluation needs once facts and options are accepted: shared by `evaluate` and sessions. */
export interface Prepared {
  readonly ctx: Context;
  readonly asOf: EpochDay;
  readonly params: Readonly<Record<string, JsonValue>>;
}

/** The compiled parts of a policy that preparing facts reads. */
export interface PreparationPlan {
  readonly checked: CheckedPolicy;
  readonly schema: FactsSchema;
  readonly parameters: CompiledParameters;
  /** The calendar the policy names, as the host provided it. */
  readonly calendar: Calendar | undefined;
}

/**
 * The evaluation date as written: `asOf` when given, else the facts' own `asOf` when it is text.
 * Whether it is a date is decided later (by {@link prepareEvaluation}); a host asks this only to
 * tell "no date at all" apart before evaluating.
 */
export function requestedAsOf(facts: unknown, asOf: string | undefined): string | undefined {
  if (asOf !== undefined) return asOf;
  if (facts !== null && typeof facts === "object" && typeof (facts as FactObject).asOf === "string")
    return (facts as FactObject).asOf as string;
  return undefined;
}

/** Validates facts, parameter overrides and the evaluation date; every problem is reported. */
export function prepareEvaluation(
  plan: PreparationPlan,
  facts: unknown,
  options:
    | {
        readonly asOf?: string;
        readonly params?: Record<string, unknown>;
        readonly calendarDays?: CalendarDays;
        readonly limits?: Partial<EvaluationLimits>;
      }
    | undefined,
): Prepared | { readonly errors: readonly FactError[] } {
  const { checked, schema } = plan;
  const validated = validateFacts(checked, schema, facts);
  const errors: FactError[] = "errors" in validated ? [...validated.errors] : [];
  const overrides = parseParamOverrides(checked, options?.params);
  if ("errors" in overrides)
    for (const error of overrides.errors) if (errors.length < maxErrorsPerAnswer) errors.push(error);
  const asOfText = requestedAsOf(facts, options?.asOf);
  const asOf = asOfText === undefined ? undefined : parseIsoDate(asOfText);
  if (asOfText === undefined) {
    errors.push({
      path: "asOf",
      code: "missing-as-of",
      message: {
        en: "no evaluation date: pass asOf or put it in the facts",
        zh: "缺少评估日：请传入 asOf 或在事实数据中提供",
      },
    });
  } else if (asOf === undefined && options?.asOf !== undefined) {
    errors.push({
      path: "options.asOf",
      code: "invalid-date",
      message: {
        en: `expected a date YYYY-MM-DD, got "${asOfText}"`,
        zh: `应为日期（YYYY-MM-DD），实际为“${asOfText}”`,
      },
    });
  }
  const calendar = calendarOfEvaluation(plan, facts, options?.calendarDays, errors);
  if (errors.length > 0 || "errors" in validated || "errors" in overrides || asOf === undefined)
    return { errors };
  const calendarState: CalendarState = {
    index: calendar === undefined ? undefined : calendarIndex(calendar),
    rollOver: checked.info.rollOver,
    uncovered: undefined,
  };
  const params = plan.parameters.resolve(overrides.values);
  const misordered = plan.parameters.orderErrors(params, overrides.values);
  if (misordered.length > 0) return { errors: misordered };
  const data = new Data(checked, validated.facts.document, validated.facts.collections, validated.facts.byId);
  const limits: EvaluationLimits = { ...DEFAULT_EVALUATION_LIMITS, ...options?.limits };
  const ctx: Context = { frame: [], asAt: asOf, period: null, data, params, calendar: calendarState, limits };
  return { ctx, asOf, params: plan.parameters.json(params) };
}

/**
 * The policy's calendar with the days the facts add (`calendarDays` at the top of the facts
 * document: a county's own 放假 notice kept with its data), then the days the host adds
 * (`options.calendarDays`), later days winning; each added day's errors carry its JSON path.
 */
function calendarOfEvaluation(
  plan: PreparationPlan,
  facts: unknown,
  hostDays: CalendarDays | undefined,
  errors: FactError[],
): Calendar | undefined {
  // A collection or record the policy itself names `calendarDays` keeps the key.
  const declared =
    plan.checked.collections.has(factsCalendarDaysKey) || plan.checked.records.has(factsCalendarDaysKey);
  const factsDays =
    !declared && facts !== null && typeof facts === "object" && Object.hasOwn(facts, factsCalendarDaysKey)
      ? (facts as FactObject)[factsCalendarDaysKey]
      : undefined;
  let calendar = plan.calendar;
  const additions: [unknown, string, string][] = [];
  if (factsDays !== undefined) additions.push([factsDays, "facts.calendarDays", factsCalendarDaysKey]);
  if (hostDays !== undefined) additions.push([hostDays, "options.calendarDays", "options.calendarDays"]);
  for (const [days, source, path] of additions) {
    if (calendar === undefined) {
      // Host days without a calendar were always ignored; days in the facts are the data's own claim.
      if (path === factsCalendarDaysKey)
        errors.push({
          path,
          code: "no-calendar",
          message: {
            en: 'the policy names no calendar to add these days to: name one in its header (calendar "cn-mainland")',
            zh: '政策未指定日历，无法加入这些日期：请在政策头部指定日历（日历 "cn-mainland"）',
          },
        });
      continue;
    }
    const added = withCalendarDays(calendar, days, source, path);
    if ("errors" in added) errors.push(...added.errors);
    else calendar = added.calendar;
  }
  return calendar;
}

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
import { type FactsSchema, validateFacts } from "./facts/index.js";
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
  let calendar = plan.calendar;
  if (calendar !== undefined && options?.calendarDays !== undefined) {
    const added = withCalendarDays(
      calendar,
      options.calendarDays,
      "options.calendarDays",
      "options.calendarDays",
    );
    if ("errors" in added) errors.push(...added.errors);
    else calendar = added.calendar;
  }
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

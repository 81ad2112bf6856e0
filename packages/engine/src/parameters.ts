/**
 * Parameters: overrides read from JSON (`{ gridDays: "20 days", "gbt.minMembersFirstClass": 15 }`)
 * and defaults resolved once, in the checker's dependency order (`CheckedPolicy.paramOrder`), so
 * a default that names another parameter always sees that parameter's value. A duration is given
 * as text with a unit (`"15 days"`, `"1 quarter"`, `"15 天"`) or as a number of days; a date as
 * `YYYY-MM-DD`.
 */
import { type CheckedPolicy, type EscalationInfo, type Expr, suggest, type Type } from "@remit/lang";
import { parseIsoDate } from "./calendar/index.js";
import { noCalendar } from "./compile/durations.js";
import { type Compiled, type Context, ExpressionCompiler } from "./compile/expr.js";
import { jsonOf } from "./compile/json.js";
import {
  type Duration,
  durationOf,
  isDuration,
  maxDurationDays,
  maxDurationMonths,
  parseDuration,
  type Value,
} from "./compile/values.js";
import { describeType } from "./facts/describe.js";
import { maxErrorsPerAnswer } from "./limits.js";
import type { FactError, JsonValue } from "./result.js";

/** A parameter as a policy describes it: its key, its default (resolved) and its description. */
export interface ParamSummary {
  readonly key: string;
  readonly default: JsonValue;
  readonly description: string | undefined;
}

/** Parameter values given by the caller, by key, already converted to their types. */
export type ParamOverrides = ReadonlyMap<string, Value>;

/** Every parameter's value, by key. */
export type ParamValues = ReadonlyMap<string, Value>;

/**
 * The largest value an integer parameter takes: integer parameters count things (members,
 * inspections, days), so they are whole numbers from 0 to this. A decimal parameter is finite and
 * at most {@link maxNumberParam} in size, either sign.
 */
export const maxIntegerParam = 1_000_000;
export const maxNumberParam = 1_000_000_000;

/**
 * A parameter value given as JSON, converted to the parameter's type; undefined when it does not fit.
 * @example
 * ```ts
 * import { paramFromJson } from "@remit/engine";
 * const count = { kind: "number", integer: true, unit: undefined } as const;
 * console.log(paramFromJson(count, 3), paramFromJson(count, 2.5), paramFromJson(count, "3")); // 3 undefined undefined
 * console.log(paramFromJson({ kind: "optional", inner: { kind: "text" } }, null)); // null
 * ```
 */
export function paramFromJson(type: Type, input: unknown): Value | undefined {
  switch (type.kind) {
    case "optional":
      return input === null ? null : paramFromJson(type.inner, input);
    case "text":
      return typeof input === "string" ? input : undefined;
    case "number":
      if (typeof input !== "number") return undefined;
      if (type.integer)
        return Number.isInteger(input) && input >= 0 && input <= maxIntegerParam ? input : undefined;
      return Number.isFinite(input) && Math.abs(input) <= maxNumberParam ? input : undefined;
    case "bool":
      return typeof input === "boolean" ? input : undefined;
    case "date":
      return typeof input === "string" ? parseIsoDate(input) : undefined;
    case "duration": {
      // Every duration parameter is a delay or a threshold: a negative one is refused.
      const duration = parseDuration(input);
      return duration !== undefined && duration.amount >= 0 ? duration : undefined;
    }
    case "enum":
      return typeof input === "string" && type.values.includes(input) ? input : undefined;
    case "list": {
      if (!Array.isArray(input)) return undefined;
      const out: Value[] = [];
      for (const element of input) {
        const converted = paramFromJson(type.element, element);
        if (converted === undefined) return undefined;
        out.push(converted);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Unknown keys longer than this are named cut short and get no suggestions (edit distance is quadratic). */
const maxKeyShown = 64;

/** The caller's overrides, checked against the declared parameters: the errors (at most 100), or the values. */
export function parseParamOverrides(
  checked: CheckedPolicy,
  overrides: Record<string, unknown> | undefined,
): { readonly values: ParamOverrides } | { readonly errors: readonly FactError[] } {
  const values = new Map<string, Value>();
  const errors: FactError[] = [];
  if (overrides === undefined) return { values };
  if (overrides === null || typeof overrides !== "object" || Array.isArray(overrides)) {
    return {
      errors: [
        {
          path: "params",
          code: "invalid-params",
          message: { en: "expected an object of parameter values", zh: "参数应为对象" },
        },
      ],
    };
  }
  let failed = false;
  for (const key of Object.keys(overrides).sort()) {
    const info = checked.params.get(key);
    const path = `params.${key}`;
    if (!info) {
      failed = true;
      if (errors.length < maxErrorsPerAnswer) errors.push(unknownParam(checked, key, path));
      continue;
    }
    const converted = paramFromJson(info.type, overrides[key]);
    if (converted === undefined) {
      failed = true;
      if (errors.length < maxErrorsPerAnswer) errors.push(invalidParam(info.type, overrides[key], path));
      continue;
    }
    values.set(key, converted);
  }
  return failed ? { errors } : { values };
}

function unknownParam(checked: CheckedPolicy, key: string, path: string): FactError {
  const shown = key.length > maxKeyShown ? `${key.slice(0, maxKeyShown)}…` : key;
  // The closest names only, never the whole list: one error stays small however many keys fail.
  const close = key.length > maxKeyShown ? [] : suggest(key, checked.params.keys());
  const named = close.map((k) => `"${k}"`).join(", ");
  const count = checked.params.size;
  return {
    path,
    code: "unknown-param",
    message:
      named.length > 0
        ? {
            en: `unknown parameter "${shown}" (did you mean ${named}?)`,
            zh: `未声明的参数“${shown}”（是否指 ${named}？）`,
          }
        : {
            en: `unknown parameter "${shown}" (the policy declares ${count})`,
            zh: `未声明的参数“${shown}”（政策声明了 ${count} 个参数）`,
          },
  };
}

function invalidParam(type: Type, value: unknown, path: string): FactError {
  const json = JSON.stringify(value) ?? "nothing";
  const got = json.length > maxKeyShown ? `${json.slice(0, maxKeyShown)}…` : json;
  const base = type.kind === "optional" ? type.inner : type;
  if (base.kind === "duration") {
    return {
      path,
      code: "invalid-param",
      message: {
        en: `expected a whole, non-negative duration of at most ${maxDurationDays} days or ${maxDurationMonths} months, got ${got}`,
        zh: `应为不超过 ${maxDurationDays} 天或 ${maxDurationMonths} 个月的非负整数时长，实际为 ${got}`,
      },
    };
  }
  if (base.kind === "number") {
    return {
      path,
      code: "invalid-param",
      message: base.integer
        ? {
            en: `expected a whole number from 0 to ${maxIntegerParam}, got ${got}`,
            zh: `应为 0 到 ${maxIntegerParam} 之间的整数，实际为 ${got}`,
          }
        : {
            en: `expected a number from -${maxNumberParam} to ${maxNumberParam}, got ${got}`,
            zh: `应为 -${maxNumberParam} 到 ${maxNumberParam} 之间的数，实际为 ${got}`,
          },
    };
  }
  const expected = describeType(type);
  return {
    path,
    code: "invalid-param",
    message: { en: `expected ${expected.en}, got ${got}`, zh: `应为${expected.zh}，实际为 ${got}` },
  };
}

/** One escalation level whose threshold is a literal or a parameter: known before any facts. */
interface Threshold {
  readonly level: string;
  readonly param: string | undefined;
  readonly literal: Duration | undefined;
}

/** Each escalation's levels with a threshold known from parameters alone, in level order. */
function thresholdChains(checked: CheckedPolicy): { readonly rule: string; readonly levels: Threshold[] }[] {
  const chains: { rule: string; levels: Threshold[] }[] = [];
  for (const info of checked.rules) {
    if (info.kind !== "escalation") continue;
    const levels: Threshold[] = [];
    for (const level of (info as EscalationInfo).rule.levels) {
      const threshold = thresholdOf(checked, level.after);
      if (threshold !== undefined) levels.push({ level: level.name.name, ...threshold });
    }
    if (levels.some((l) => l.param !== undefined)) chains.push({ rule: info.id, levels });
  }
  return chains;
}

function thresholdOf(
  checked: CheckedPolicy,
  after: Expr | undefined,
): { param: string | undefined; literal: Duration | undefined } | undefined {
  if (after === undefined) return undefined;
  if (after.kind === "DurationLiteral")
    return { param: undefined, literal: durationOf(after.amount, after.unit) };
  if (after.kind === "NameExpr" || after.kind === "MemberExpr") {
    const resolution = checked.resolve(after);
    if (resolution.kind === "param") return { param: resolution.key, literal: undefined };
  }
  return undefined;
}

/**
 * The checker requires each escalation's thresholds to increase; overrides must keep them so
 * (`gridDays` 40 above `townshipDays` 30 would reach the higher level first).
 */
function thresholdErrors(
  chains: ReturnType<typeof thresholdChains>,
  values: ParamValues,
  overrides: ParamOverrides,
): FactError[] {
  const errors: FactError[] = [];
  for (const chain of chains) {
    let previous: { readonly threshold: Threshold; readonly value: Duration } | undefined;
    for (const threshold of chain.levels) {
      const value = threshold.literal ?? values.get(threshold.param ?? "");
      if (!isDuration(value)) continue;
      const overridden =
        (threshold.param !== undefined && overrides.has(threshold.param)) ||
        (previous?.threshold.param !== undefined && overrides.has(previous.threshold.param));
      if (
        previous !== undefined &&
        overridden &&
        previous.value.unit === value.unit &&
        value.amount <= previous.value.amount
      ) {
        const key =
          threshold.param !== undefined && overrides.has(threshold.param)
            ? threshold.param
            : previous.threshold.param;
        errors.push({
          path: `params.${key}`,
          code: "levels-not-increasing",
          message: {
            en: `escalation "${chain.rule}": level "${threshold.level}" would be reached no later than level "${previous.threshold.level}"; thresholds must increase`,
            zh: `升级规则“${chain.rule}”：级别“${threshold.level}”不晚于级别“${previous.threshold.level}”到达；各级时限必须递增`,
          },
        });
      }
      previous = { threshold, value };
    }
  }
  return errors;
}

/** A policy's parameters, their defaults compiled once. */
export interface CompiledParameters {
  /** Every parameter's value: the override where one is given, its default otherwise. */
  resolve(overrides: ParamOverrides): ParamValues;
  /** Values as JSON, by key in sorted order (an evaluation result's `params`). */
  json(values: ParamValues): Record<string, JsonValue>;
  /** Every parameter with its default value, in declaration order. */
  summaries(): readonly ParamSummary[];
  /** Escalation thresholds that overrides made stop increasing: none when the values are usable. */
  orderErrors(values: ParamValues, overrides: ParamOverrides): FactError[];
}

export function compileParameters(checked: CheckedPolicy, compiler: ExpressionCompiler): CompiledParameters {
  const defaults: readonly { readonly key: string; readonly value: Compiled }[] = checked.paramOrder.map(
    (key) => {
      const info = checked.params.get(key);
      if (info === undefined) throw new Error(`parameter '${key}' is ordered but not declared`);
      return { key, value: compiler.compile(info.default) };
    },
  );
  const toJson = [...checked.params.values()]
    .map((p) => ({ key: p.key, json: jsonOf(p.type) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const resolve = (overrides: ParamOverrides): ParamValues => {
    const values = new Map<string, Value>();
    // Defaults are constants over literals and parameters: nothing else of the context is read.
    const ctx: Context = {
      frame: [],
      asAt: 0,
      period: null,
      data: undefined as never,
      params: values,
      calendar: noCalendar(),
    };
    for (const { key, value } of defaults) {
      values.set(key, overrides.has(key) ? (overrides.get(key) ?? null) : value(ctx));
    }
    return values;
  };

  const chains = thresholdChains(checked);

  return {
    resolve,
    orderErrors: (values, overrides) =>
      overrides.size === 0 ? [] : thresholdErrors(chains, values, overrides),
    json: (values) => Object.fromEntries(toJson.map((p) => [p.key, p.json(values.get(p.key) ?? null)])),
    summaries() {
      const values = resolve(new Map());
      return [...checked.params.values()].map((p) => ({
        key: p.key,
        default: jsonOf(p.type)(values.get(p.key) ?? null),
        description: p.description,
      }));
    },
  };
}

/**
 * Every parameter's value for a checked policy: the overrides given, the defaults for the rest.
 * @example
 * ```ts
 * import { resolveParams } from "@remit/engine";
 * import { analyze, memoryHost } from "@remit/lang";
 * const source = 'policy "P"\nparam visits: integer = 2 "visits a quarter"\nparam listingDays: integer = 7 "days to list"\n';
 * const analyzed = analyze("p.remit", memoryHost({ "p.remit": source }));
 * if (analyzed.policy === undefined) throw new Error("the policy does not check");
 * const values = resolveParams(analyzed.policy, new Map([["visits", 4]]));
 * console.log(values.get("visits"), values.get("listingDays")); // 4 7
 * ```
 */
export function resolveParams(checked: CheckedPolicy, overrides: ParamOverrides = new Map()): ParamValues {
  return compileParameters(checked, new ExpressionCompiler(checked)).resolve(overrides);
}

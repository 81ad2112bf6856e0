/**
 * Parameters: overrides read from JSON (`{ gridDays: "20 days", "gbt.minMembersFirstClass": 15 }`)
 * and defaults resolved once, in the checker's dependency order (`CheckedPolicy.paramOrder`), so
 * a default that names another parameter always sees that parameter's value. A duration is given
 * as text with a unit (`"15 days"`, `"1 quarter"`, `"15 天"`) or as a number of days; a date as
 * `YYYY-MM-DD`.
 */
import type { CheckedPolicy, Type } from "@remit/lang";
import { parseIsoDate } from "./calendar/index.js";
import { noCalendar } from "./compile/durations.js";
import { type Compiled, type Context, ExpressionCompiler } from "./compile/expr.js";
import { jsonOf } from "./compile/json.js";
import { parseDuration, type Value } from "./compile/values.js";
import { describeType } from "./facts/describe.js";
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

/** A parameter value given as JSON, converted to the parameter's type; undefined when it does not fit. */
export function paramFromJson(type: Type, input: unknown): Value | undefined {
  switch (type.kind) {
    case "optional":
      return input === null ? null : paramFromJson(type.inner, input);
    case "text":
      return typeof input === "string" ? input : undefined;
    case "number":
      return typeof input === "number" && Number.isFinite(input) && (!type.integer || Number.isInteger(input))
        ? input
        : undefined;
    case "bool":
      return typeof input === "boolean" ? input : undefined;
    case "date":
      return typeof input === "string" ? parseIsoDate(input) : undefined;
    case "duration":
      return parseDuration(input);
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

/** The caller's overrides, checked against the declared parameters: every error, or the values. */
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
  for (const key of Object.keys(overrides).sort()) {
    const info = checked.params.get(key);
    const path = `params.${key}`;
    if (!info) {
      const known = [...checked.params.keys()]
        .sort()
        .map((k) => `"${k}"`)
        .join(", ");
      errors.push({
        path,
        code: "unknown-param",
        message: {
          en: `unknown parameter "${key}" (known: ${known || "none"})`,
          zh: `未声明的参数“${key}”（已声明：${known || "无"}）`,
        },
      });
      continue;
    }
    const converted = paramFromJson(info.type, overrides[key]);
    if (converted === undefined) {
      const expected = describeType(info.type);
      const got = JSON.stringify(overrides[key]) ?? "nothing";
      errors.push({
        path,
        code: "invalid-param",
        message: { en: `expected ${expected.en}, got ${got}`, zh: `应为${expected.zh}，实际为 ${got}` },
      });
      continue;
    }
    values.set(key, converted);
  }
  return errors.length > 0 ? { errors } : { values };
}

/** A policy's parameters, their defaults compiled once. */
export interface CompiledParameters {
  /** Every parameter's value: the override where one is given, its default otherwise. */
  resolve(overrides: ParamOverrides): ParamValues;
  /** Values as JSON, by key in sorted order (an evaluation result's `params`). */
  json(values: ParamValues): Record<string, JsonValue>;
  /** Every parameter with its default value, in declaration order. */
  summaries(): readonly ParamSummary[];
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

  return {
    resolve,
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

/** Every parameter's value for a checked policy: the overrides given, the defaults for the rest. */
export function resolveParams(checked: CheckedPolicy, overrides: ParamOverrides = new Map()): ParamValues {
  return compileParameters(checked, new ExpressionCompiler(checked)).resolve(overrides);
}

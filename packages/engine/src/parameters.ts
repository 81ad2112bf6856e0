/**
 * Parameter overrides: `{ gridDays: "20 days", "gbt.minMembersFirstClass": 15 }`. A duration is
 * given as text with a unit (`"15 days"`, `"1 quarter"`, `"15 天"`) or as a number of days; a
 * date as `YYYY-MM-DD`.
 */
import type { ParamInfo, Type } from "@remit/lang";
import { parseIsoDate } from "../calendar/index.js";
import { parseDuration, type Value } from "../compile/values.js";
import type { FactError } from "../result.js";
import { describeType } from "./describe.js";

const invalid = Symbol("invalid");

function convert(type: Type, input: unknown): Value | typeof invalid {
  switch (type.kind) {
    case "optional":
      return input === null ? null : convert(type.inner, input);
    case "text":
      return typeof input === "string" ? input : invalid;
    case "number":
      return typeof input === "number" && Number.isFinite(input) && (!type.integer || Number.isInteger(input))
        ? input
        : invalid;
    case "bool":
      return typeof input === "boolean" ? input : invalid;
    case "date":
      return typeof input === "string" ? (parseIsoDate(input) ?? invalid) : invalid;
    case "duration":
      return parseDuration(input) ?? invalid;
    case "enum":
      return typeof input === "string" && type.values.includes(input) ? input : invalid;
    case "list": {
      if (!Array.isArray(input)) return invalid;
      const out: Value[] = [];
      for (const element of input) {
        const converted = convert(type.element, element);
        if (converted === invalid) return invalid;
        out.push(converted);
      }
      return out;
    }
    default:
      return invalid;
  }
}

export type ParamOverrides = ReadonlyMap<string, Value>;

export function parseParamOverrides(
  params: ReadonlyMap<string, ParamInfo>,
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
    const info = params.get(key);
    const path = `params.${key}`;
    if (!info) {
      const known = [...params.keys()]
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
    const converted = convert(info.type, overrides[key]);
    if (converted === invalid) {
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

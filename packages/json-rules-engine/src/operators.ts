/**
 * The custom operators exported rules use, and the runtime that installs them into a
 * json-rules-engine `Engine`: `registerRemitOperators(engine, exported.operators)`.
 *
 * Every operator is false when either side is missing (`null`/`undefined`) or of the wrong kind,
 * as Remit's comparisons with `none` never hold. Date operators read ISO dates (`YYYY-MM-DD`) and
 * may shift either side by days or calendar months before comparing, the way Remit computes
 * `h.foundOn + 15 days` or a due date minus the warning window; the shifts are part of the
 * operator's name (`dateGreaterThan(;+15d)`: the fact is later than the value plus 15 days).
 */
import { addDays, addMonths, parseIsoDate } from "@remit/engine";

export type Comparison = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** A calendar shift: exact days, or calendar months (which clamp to the month's end). */
export interface Shift {
  readonly amount: number;
  readonly unit: "day" | "month";
}

export type OperatorSpec =
  /** `isSet`: the fact has a value. */
  | { readonly name: string; readonly kind: "presence" }
  /** `textLessThan` …: text ordering by UTF-16 code units, as Remit orders text. */
  | { readonly name: string; readonly kind: "text"; readonly comparison: Comparison }
  /** `dateLessThanOrEqual`, `dateGreaterThan(;+15d)` …: ISO dates, each side optionally shifted. */
  | {
      readonly name: string;
      readonly kind: "date";
      readonly comparison: Comparison;
      readonly factShifts: readonly Shift[];
      readonly valueShifts: readonly Shift[];
    };

/** The smallest part of json-rules-engine's `Engine` the runtime needs. */
export interface OperatorHost {
  addOperator<A, B>(name: string, callback: (factValue: A, jsonValue: B) => boolean): void;
}

const comparisonWords: Readonly<Record<Comparison, string>> = {
  "=": "Equal",
  "!=": "NotEqual",
  "<": "LessThan",
  "<=": "LessThanOrEqual",
  ">": "GreaterThan",
  ">=": "GreaterThanOrEqual",
};

const comparisonOfWord = new Map<string, Comparison>(
  Object.entries(comparisonWords).map(([c, w]) => [w, c as Comparison]),
);

export const isSetOperator = "isSet";

function formatShifts(shifts: readonly Shift[]): string {
  return shifts
    .map((s) => `${s.amount < 0 ? "-" : "+"}${Math.abs(s.amount)}${s.unit === "day" ? "d" : "m"}`)
    .join("");
}

function parseShifts(text: string): Shift[] | undefined {
  const shifts: Shift[] = [];
  const pattern = /([+-])(\d+(?:\.\d+)?)([dm])/gy;
  let consumed = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    shifts.push({
      amount: (match[1] === "-" ? -1 : 1) * Number(match[2]),
      unit: match[3] === "d" ? "day" : "month",
    });
    consumed = pattern.lastIndex;
  }
  return consumed === text.length ? shifts : undefined;
}

/**
 * @example
 * ```ts
 * import { operatorEvaluator, textOperator } from "@remit/json-rules-engine";
 * const before = textOperator("<");
 * console.log(before.name, operatorEvaluator(before)("A-07", "B-01"), operatorEvaluator(before)("A-07", null)); // textLessThan true false
 * ```
 */
export function textOperator(comparison: Comparison): OperatorSpec {
  return { name: `text${comparisonWords[comparison]}`, kind: "text", comparison };
}

/**
 * @example
 * ```ts
 * import { dateOperator, operatorEvaluator } from "@remit/json-rules-engine";
 * // The fact is later than the value plus 15 days: `h.listedOn > h.foundOn + 15 days`.
 * const late = dateOperator(">", [], [{ amount: 15, unit: "day" }]);
 * console.log(late.name); // dateGreaterThan(;+15d)
 * console.log(operatorEvaluator(late)("2026-10-20", "2026-10-01"), operatorEvaluator(late)("2026-10-10", "2026-10-01")); // true false
 * ```
 */
export function dateOperator(
  comparison: Comparison,
  factShifts: readonly Shift[] = [],
  valueShifts: readonly Shift[] = [],
): OperatorSpec {
  const base = `date${comparisonWords[comparison]}`;
  const name =
    factShifts.length === 0 && valueShifts.length === 0
      ? base
      : `${base}(${formatShifts(factShifts)};${formatShifts(valueShifts)})`;
  return { name, kind: "date", comparison, factShifts, valueShifts };
}

/**
 * The operator a name stands for, or undefined when it is not one of Remit's.
 * @example
 * ```ts
 * import { parseOperatorName } from "@remit/json-rules-engine";
 * const spec = parseOperatorName("dateLessThanOrEqual(+1m;)");
 * console.log(spec?.kind === "date" && spec.comparison, spec?.kind === "date" && spec.factShifts); // <= [ { amount: 1, unit: 'month' } ]
 * console.log(parseOperatorName("isSet")?.kind, parseOperatorName("greaterThan")); // presence undefined
 * ```
 */
export function parseOperatorName(name: string): OperatorSpec | undefined {
  if (name === isSetOperator) return { name, kind: "presence" };
  const text = /^text([A-Za-z]+)$/.exec(name);
  if (text) {
    const comparison = comparisonOfWord.get(text[1]!);
    return comparison === undefined ? undefined : textOperator(comparison);
  }
  const date = /^date([A-Za-z]+)(?:\(([^;()]*);([^;()]*)\))?$/.exec(name);
  if (!date) return undefined;
  const comparison = comparisonOfWord.get(date[1]!);
  const factShifts = parseShifts(date[2] ?? "");
  const valueShifts = parseShifts(date[3] ?? "");
  if (comparison === undefined || factShifts === undefined || valueShifts === undefined) return undefined;
  const spec = dateOperator(comparison, factShifts, valueShifts);
  // Only the canonical spelling names an operator, so a name maps to one behaviour.
  return spec.name === name ? spec : undefined;
}

/** Whether a comparison holds, given the sign of `left − right`. */
export function comparisonHolds(comparison: Comparison, c: number): boolean {
  switch (comparison) {
    case "=":
      return c === 0;
    case "!=":
      return c !== 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
  }
}

/** A day moved by each shift in turn (days exactly, months clamped to the month's end). */
export function shiftDay(day: number, shifts: readonly Shift[]): number {
  let d = day;
  for (const s of shifts) d = s.unit === "day" ? addDays(d, s.amount) : addMonths(d, s.amount);
  return d;
}

function dayOf(value: unknown): number | undefined {
  return typeof value === "string" ? parseIsoDate(value) : undefined;
}

/**
 * The evaluator of an operator: a plain function of the fact's value and the condition's value.
 * @example
 * ```ts
 * import { operatorEvaluator, parseOperatorName } from "@remit/json-rules-engine";
 * const spec = parseOperatorName("dateGreaterThanOrEqual(;+1m)");
 * if (spec === undefined) throw new Error("not a Remit operator");
 * const dueMonthAfter = operatorEvaluator(spec);
 * // 31 January plus a month is 28 February: months clamp to the month's end.
 * console.log(dueMonthAfter("2026-02-28", "2026-01-31"), dueMonthAfter("2026-02-27", "2026-01-31")); // true false
 * console.log(dueMonthAfter(null, "2026-01-31")); // false
 * ```
 */
export function operatorEvaluator(spec: OperatorSpec): (factValue: unknown, jsonValue: unknown) => boolean {
  switch (spec.kind) {
    case "presence":
      return (factValue) => factValue !== null && factValue !== undefined;
    case "text": {
      const comparison = spec.comparison;
      return (a, b) =>
        typeof a === "string" &&
        typeof b === "string" &&
        comparisonHolds(comparison, a < b ? -1 : a > b ? 1 : 0);
    }
    case "date": {
      const { comparison, factShifts, valueShifts } = spec;
      return (a, b) => {
        const left = dayOf(a);
        const right = dayOf(b);
        if (left === undefined || right === undefined) return false;
        return comparisonHolds(comparison, shiftDay(left, factShifts) - shiftDay(right, valueShifts));
      };
    }
  }
}

/**
 * The operators every exported rule set may use without listing them.
 * @example
 * ```ts
 * import { baseOperators } from "@remit/json-rules-engine";
 * console.log(baseOperators.length, baseOperators.slice(0, 3).map((op) => op.name)); // 13 [ 'isSet', 'textEqual', 'dateEqual' ]
 * ```
 */
export const baseOperators: readonly OperatorSpec[] = [
  { name: isSetOperator, kind: "presence" },
  ...(Object.keys(comparisonWords) as Comparison[]).flatMap((c) => [textOperator(c), dateOperator(c)]),
];

/**
 * Installs Remit's operators into a json-rules-engine engine: the base set, plus the shifted date
 * operators an export lists (given as specs or by name). Throws on a name that is not Remit's.
 * @example
 * ```ts
 * import { registerRemitOperators } from "@remit/json-rules-engine";
 * // Any object with json-rules-engine's `addOperator` will do (an `Engine`); here, a list of names.
 * const installed: string[] = [];
 * registerRemitOperators({ addOperator: (name) => void installed.push(name) }, ["dateGreaterThan(;+15d)"]);
 * console.log(installed.length, installed.at(-1)); // 14 dateGreaterThan(;+15d)
 * try {
 *   registerRemitOperators({ addOperator: () => {} }, ["regex"]);
 * } catch (error) {
 *   console.log(String(error)); // Error: unknown remit operator "regex"
 * }
 * ```
 */
export function registerRemitOperators(
  engine: OperatorHost,
  operators: readonly (OperatorSpec | string)[] = [],
): void {
  const seen = new Set<string>();
  for (const entry of [...baseOperators, ...operators]) {
    const spec = typeof entry === "string" ? parseOperatorName(entry) : entry;
    if (spec === undefined) throw new Error(`unknown remit operator "${String(entry)}"`);
    if (seen.has(spec.name)) continue;
    seen.add(spec.name);
    engine.addOperator<unknown, unknown>(spec.name, operatorEvaluator(spec));
  }
}

/**
 * Runtime values. Facts stay the caller's JSON objects (no copy): an entity is its JSON object,
 * a date read from the facts is turned into an epoch day when read. `null` is `none`.
 */
import { type DurationUnit, durationUnitKeywords, type UnitMeasure } from "@remit/lang";
import type { EpochDay, Period } from "../calendar/index.js";

/**
 * Days and weeks are exact (`day`), months, quarters and years are calendar units (`month`),
 * working days are counted on the calendar (`working day`).
 */
export interface Duration {
  readonly amount: number;
  readonly unit: UnitMeasure["unit"];
}

export type FactObject = { readonly [key: string]: unknown };

export type Value =
  | null
  | boolean
  | number
  | string
  | EpochDay
  | Duration
  | Period
  | FactObject
  | readonly Value[];

/** Every spelling of a duration unit (`days`, `个季度`) → what it measures, from the keyword table. */
const unitNames: ReadonlyMap<string, UnitMeasure> = new Map(
  Object.values(durationUnitKeywords).flatMap((keyword) =>
    [...keyword.en, ...keyword.zh].map((spelling): [string, UnitMeasure] => [spelling, keyword.measure]),
  ),
);

export function durationOf(amount: number, unit: DurationUnit): Duration {
  const spec = durationUnitKeywords[unit].measure;
  return { amount: amount * spec.factor, unit: spec.unit };
}

/**
 * The longest duration facts or parameters may give: a century, counted in days or in months.
 * Longer ones (`"1000000 years"`, `"2147483648 days"`) would carry dates past year 9999.
 */
export const maxDurationDays = 36_525;
export const maxDurationMonths = 1_200;

/**
 * Reads a duration given in facts or parameters: a whole number of days (`15`), or a whole number
 * and a unit (`"15 days"`, `"1 quarter"`, `"15 天"`, `"6 个月"`), at most a century either way
 * (`maxDurationDays`: 100 years of days, `maxDurationMonths`: 100 years of months). A fraction (`"1.5 days"`) is refused:
 * dates are whole days.
 * @example
 * ```ts
 * import { parseDuration } from "@remit/engine";
 * console.log(parseDuration("2 weeks"), parseDuration("6 个月"), parseDuration("1.5 days")); // { amount: 14, unit: 'day' } { amount: 6, unit: 'month' } undefined
 * ```
 */
export function parseDuration(input: unknown): Duration | undefined {
  // Whole units only, as in the language (R4030): `1.5 days` has no due date.
  if (typeof input === "number")
    return Number.isInteger(input) ? withinRange({ amount: input, unit: "day" }) : undefined;
  if (typeof input !== "string") return undefined;
  const match = /^\s*(-?\d+)\s*([a-z\u4e00-\u9fff]+(?: [a-z]+)?)\s*$/u.exec(input);
  if (!match) return undefined;
  const spec = unitNames.get(match[2]!);
  if (!spec) return undefined;
  return withinRange({ amount: Number(match[1]) * spec.factor, unit: spec.unit });
}

function withinRange(duration: Duration): Duration | undefined {
  const max = duration.unit === "day" ? maxDurationDays : maxDurationMonths;
  return Number.isInteger(duration.amount) && Math.abs(duration.amount) <= max ? duration : undefined;
}

export function formatDuration(duration: Duration): string {
  const one = duration.amount === 1;
  switch (duration.unit) {
    case "day":
      return `${duration.amount} ${one ? "day" : "days"}`;
    case "month":
      return `${duration.amount} ${one ? "month" : "months"}`;
    case "working day":
      return `${duration.amount} ${one ? "working day" : "working days"}`;
    default: {
      const unknown: never = duration.unit;
      throw new Error(`unknown duration unit ${String(unknown)}`);
    }
  }
}

export function isDuration(value: unknown): value is Duration {
  return (
    typeof value === "object" && value !== null && "unit" in value && "amount" in value && !("label" in value)
  );
}

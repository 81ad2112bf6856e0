import { assertNever } from "@remit/lang";
import {
  endOfMonth,
  endOfQuarter,
  endOfWeek,
  endOfYear,
  isoWeekOf,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from "./arithmetic.js";
import { civilOf, type EpochDay, epochDayOf } from "./dates.js";

export type PeriodUnit = "week" | "month" | "quarter" | "halfYear" | "year";

/** Whether `date` is in the second half of its year (July to December). */
function inSecondHalf(date: EpochDay): boolean {
  return civilOf(date).month > 6;
}

/** A calendar period, inclusive at both ends. */
export interface Period {
  readonly unit: PeriodUnit;
  readonly start: EpochDay;
  readonly end: EpochDay;
  /** `2026-Q3`, `2026-07`, `2026-H2`, `2026`, `2026-W27`. */
  readonly label: string;
}

export function periodStart(unit: PeriodUnit, date: EpochDay): EpochDay {
  switch (unit) {
    case "week":
      return startOfWeek(date);
    case "month":
      return startOfMonth(date);
    case "quarter":
      return startOfQuarter(date);
    case "halfYear":
      return epochDayOf(civilOf(date).year, inSecondHalf(date) ? 7 : 1, 1);
    case "year":
      return startOfYear(date);
  }
}

export function periodEnd(unit: PeriodUnit, date: EpochDay): EpochDay {
  switch (unit) {
    case "week":
      return endOfWeek(date);
    case "month":
      return endOfMonth(date);
    case "quarter":
      return endOfQuarter(date);
    case "halfYear":
      return inSecondHalf(date) ? endOfYear(date) : epochDayOf(civilOf(date).year, 6, 30);
    case "year":
      return endOfYear(date);
  }
}

export function periodLabel(unit: PeriodUnit, date: EpochDay): string {
  const { year, month } = civilOf(date);
  switch (unit) {
    case "week": {
      const iso = isoWeekOf(date);
      return `${iso.year}-W${String(iso.week).padStart(2, "0")}`;
    }
    case "month":
      return `${year}-${String(month).padStart(2, "0")}`;
    case "quarter":
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case "halfYear":
      return `${year}-H${month > 6 ? 2 : 1}`;
    case "year":
      return String(year);
  }
}

/**
 * The calendar period holding `date`.
 * @example
 * ```ts
 * import { formatIsoDate, parseIsoDate, periodOf } from "@remit/engine";
 * const day = parseIsoDate("2026-08-15");
 * if (day !== undefined) {
 *   const quarter = periodOf("quarter", day);
 *   console.log(quarter.label, formatIsoDate(quarter.start), formatIsoDate(quarter.end)); // 2026-Q3 2026-07-01 2026-09-30
 * }
 * ```
 */
export function periodOf(unit: PeriodUnit, date: EpochDay): Period {
  return { unit, start: periodStart(unit, date), end: periodEnd(unit, date), label: periodLabel(unit, date) };
}

/**
 * The periods from the one holding `from` (which starts on `from` itself) through the one holding
 * `through`; empty when `through` is before `from`. Bounded by the number of periods between them.
 * @example
 * ```ts
 * import { parseIsoDate, periodsBetween } from "@remit/engine";
 * const from = parseIsoDate("2026-05-10");
 * const through = parseIsoDate("2026-08-01");
 * if (from !== undefined && through !== undefined)
 *   console.log(periodsBetween("month", from, through).map((p) => p.label)); // [ '2026-05', '2026-06', '2026-07', '2026-08' ]
 * ```
 */
export function periodsBetween(unit: PeriodUnit, from: EpochDay, through: EpochDay): Period[] {
  const periods: Period[] = [];
  if (through < from) return periods;
  let cursor = from;
  let first = true;
  while (cursor <= through) {
    const period = periodOf(unit, cursor);
    periods.push(first ? { ...period, start: from } : period);
    first = false;
    cursor = period.end + 1;
  }
  return periods;
}

/**
 * How many periods {@link periodsBetween} would return, computed without building them, so that
 * a caller can refuse a range before doing work proportional to it.
 */
export function periodCount(unit: PeriodUnit, from: EpochDay, through: EpochDay): number {
  if (through < from) return 0;
  const a = civilOf(from);
  const b = civilOf(through);
  switch (unit) {
    case "week":
      return (startOfWeek(through) - startOfWeek(from)) / 7 + 1;
    case "month":
      return b.year * 12 + b.month - (a.year * 12 + a.month) + 1;
    case "quarter":
      return b.year * 4 + Math.floor((b.month - 1) / 3) - (a.year * 4 + Math.floor((a.month - 1) / 3)) + 1;
    case "halfYear":
      return b.year * 2 + (b.month > 6 ? 1 : 0) - (a.year * 2 + (a.month > 6 ? 1 : 0)) + 1;
    case "year":
      return b.year - a.year + 1;
    default:
      return assertNever(unit, "period unit");
  }
}

/** The period of a recurring series that ends on `end`, its start clipped to the series' `from`. */
export function periodEndingOn(unit: PeriodUnit, from: EpochDay, end: EpochDay): Period {
  const period = periodOf(unit, end);
  return period.start < from ? { ...period, start: from } : period;
}

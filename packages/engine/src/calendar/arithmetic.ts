/**
 * Calendar arithmetic on epoch days. Month, quarter and year steps go through date-fns (which
 * clamps to the month's end: 2026-01-31 + 1 month = 2026-02-28); days and weeks stay integers.
 */
import {
  addMonths as addMonthsFns,
  endOfMonth as endOfMonthFns,
  endOfQuarter as endOfQuarterFns,
  getISOWeek,
  getISOWeekYear,
  startOfISOWeek,
  startOfQuarter as startOfQuarterFns,
} from "date-fns";
import { civilOf, type EpochDay, epochDayOf } from "./dates.js";

/** date-fns works on local-time Dates; a local midnight round-trips the civil date exactly. */
function toLocalDate(epochDay: EpochDay): Date {
  const { year, month, day } = civilOf(epochDay);
  const date = new Date(2000, month - 1, day);
  date.setFullYear(year);
  return date;
}

function fromLocalDate(date: Date): EpochDay {
  return epochDayOf(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * The day `days` days after `date` (before it when negative).
 * @example
 * ```ts
 * import { addDays, formatIsoDate, parseIsoDate } from "@remit/engine";
 * const day = parseIsoDate("2026-12-30");
 * if (day !== undefined) console.log(formatIsoDate(addDays(day, 3))); // 2027-01-02
 * ```
 */
export function addDays(date: EpochDay, days: number): EpochDay {
  return date + days;
}

/**
 * The same day `months` months later, or the month's last day when it has no such day.
 * @example
 * ```ts
 * import { addMonths, formatIsoDate, parseIsoDate } from "@remit/engine";
 * const day = parseIsoDate("2026-01-31");
 * if (day !== undefined) console.log(formatIsoDate(addMonths(day, 1))); // 2026-02-28
 * ```
 */
export function addMonths(date: EpochDay, months: number): EpochDay {
  return fromLocalDate(addMonthsFns(toLocalDate(date), months));
}

export function startOfMonth(date: EpochDay): EpochDay {
  const { year, month } = civilOf(date);
  return epochDayOf(year, month, 1);
}

export function endOfMonth(date: EpochDay): EpochDay {
  return fromLocalDate(endOfMonthFns(toLocalDate(date)));
}

export function startOfQuarter(date: EpochDay): EpochDay {
  return fromLocalDate(startOfQuarterFns(toLocalDate(date)));
}

export function endOfQuarter(date: EpochDay): EpochDay {
  return fromLocalDate(endOfQuarterFns(toLocalDate(date)));
}

export function startOfYear(date: EpochDay): EpochDay {
  return epochDayOf(civilOf(date).year, 1, 1);
}

export function endOfYear(date: EpochDay): EpochDay {
  return epochDayOf(civilOf(date).year, 12, 31);
}

/** ISO weeks start on Monday. */
export function startOfWeek(date: EpochDay): EpochDay {
  return fromLocalDate(startOfISOWeek(toLocalDate(date)));
}

export function endOfWeek(date: EpochDay): EpochDay {
  return startOfWeek(date) + 6;
}

export function isoWeekOf(date: EpochDay): { readonly year: number; readonly week: number } {
  const local = toLocalDate(date);
  return { year: getISOWeekYear(local), week: getISOWeek(local) };
}

export function yearOf(date: EpochDay): number {
  return civilOf(date).year;
}

export function monthOf(date: EpochDay): number {
  return civilOf(date).month;
}

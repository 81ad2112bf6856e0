/**
 * The one reader of `YYYY-MM-DD` dates: date literals in policies, dates in facts, parameters,
 * the request's and the command line's evaluation date all go through it, so they accept the
 * same days. Years 0001 to 9999 of the proleptic Gregorian calendar; no `Date` object is
 * involved, since `Date.UTC` reads years 0–99 as 1900–1999.
 */

/** A day of the proleptic Gregorian calendar. */
export interface CalendarDate {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to the month's length. */
  readonly day: number;
}

/**
 * @example
 * ```ts
 * import { isLeapYear } from "@remit/lang";
 * console.log(isLeapYear(2028), isLeapYear(2100), isLeapYear(2000)); // true false true
 * ```
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * @example
 * ```ts
 * import { daysInMonth } from "@remit/lang";
 * console.log(daysInMonth(2026, 2), daysInMonth(2028, 2), daysInMonth(2026, 9)); // 28 29 30
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The digit at `index` (ASCII only), or -1. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** The number written by the ASCII digits `text[from..to)`, or -1 when one is not a digit. */
function numberAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = digitAt(text, i);
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The day `text` names when it is exactly `YYYY-MM-DD` with a real month and day and a year from
 * 0001 to 9999; otherwise undefined (`2026/08/02`, `2026-02-30`, `0000-01-01`, `+02026-01-01`).
 * @example
 * ```ts
 * import { parseCalendarDate } from "@remit/lang";
 * console.log(parseCalendarDate("2026-08-02")); // { year: 2026, month: 8, day: 2 }
 * console.log(parseCalendarDate("2026-02-30"), parseCalendarDate("2026/08/02")); // undefined undefined
 * ```
 */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = numberAt(text, 0, 4);
  const month = numberAt(text, 5, 7);
  const day = numberAt(text, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Whether `text` is a real calendar date written `YYYY-MM-DD` (see {@link parseCalendarDate}).
 * @example
 * ```ts
 * import { isCalendarDate } from "@remit/lang";
 * console.log(isCalendarDate("2028-02-29"), isCalendarDate("2026-02-29")); // true false
 * ```
 */
export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}

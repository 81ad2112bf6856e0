/**
 * Calendar dates as epoch-day integers (days since 1970-01-01): comparisons and day arithmetic
 * are integer operations, and no time zone can shift a civil date.
 */
import { isCalendarDate, parseCalendarDate } from "@remit/lang";

export { daysInMonth, isLeapYear } from "@remit/lang";

export type EpochDay = number;

/** Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian; m 1..12). */
export function epochDayOf(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilOf(epochDay: EpochDay): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Parses `YYYY-MM-DD`; `undefined` when the text is not a real calendar date (`2026/08/02`,
 * `2026-02-30`). The language's reader decides, so policies, facts, parameters and evaluation
 * dates accept the same days.
 * @example
 * ```ts
 * import { formatIsoDate, parseIsoDate } from "@remit/engine";
 * const day = parseIsoDate("2026-02-28");
 * console.log(day === undefined ? "not a date" : formatIsoDate(day + 1)); // 2026-03-01
 * console.log(parseIsoDate("2026-02-30")); // undefined
 * ```
 */
export function parseIsoDate(text: string): EpochDay | undefined {
  const date = parseCalendarDate(text);
  return date === undefined ? undefined : epochDayOf(date.year, date.month, date.day);
}

/**
 * Whether text is a real calendar date written `YYYY-MM-DD`.
 * @example
 * ```ts
 * import { isIsoDate } from "@remit/engine";
 * console.log(isIsoDate("2026-12-31"), isIsoDate("2026-13-01")); // true false
 * ```
 */
export function isIsoDate(text: string): boolean {
  return isCalendarDate(text);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function formatUncached(epochDay: EpochDay): string {
  const { year, month, day } = civilOf(epochDay);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Texts of the days 1900-01-01 to 2199-12-31, filled on first use: findings repeat the same few
 * hundred dates, and one shared string each saves both the formatting and the memory.
 */
const cacheFrom = epochDayOf(1900, 1, 1);
const cacheSize = epochDayOf(2200, 1, 1) - cacheFrom;
let cache: (string | undefined)[] | undefined;

/**
 * An epoch day (days since 1970-01-01) written `YYYY-MM-DD`.
 * @example
 * ```ts
 * import { formatIsoDate } from "@remit/engine";
 * console.log(formatIsoDate(0), formatIsoDate(20_454)); // 1970-01-01 2026-01-01
 * ```
 */
export function formatIsoDate(epochDay: EpochDay): string {
  const slot = epochDay - cacheFrom;
  if (slot >= 0 && slot < cacheSize && Number.isInteger(slot)) {
    cache ??= new Array<string | undefined>(cacheSize);
    const cached = cache[slot];
    if (cached !== undefined) return cached;
    const text = formatUncached(epochDay);
    cache[slot] = text;
    return text;
  }
  return formatUncached(epochDay);
}

/**
 * Whole days from `a` to `b` (negative when `b` is earlier).
 * @example
 * ```ts
 * import { daysBetween, parseIsoDate } from "@remit/engine";
 * const from = parseIsoDate("2026-01-01");
 * const to = parseIsoDate("2026-03-01");
 * if (from !== undefined && to !== undefined) console.log(daysBetween(from, to), daysBetween(to, from)); // 59 -59
 * ```
 */
export function daysBetween(a: EpochDay, b: EpochDay): number {
  return b - a;
}

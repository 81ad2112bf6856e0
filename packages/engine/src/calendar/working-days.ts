/**
 * Working-day arithmetic over a calendar's covered years, in O(1) per call: an index built once
 * per calendar holds, for every covered day, how many working days precede it, and the list of
 * working days in order. Counting follows the Civil Code (第二百零一条): the starting day is not
 * counted, and day N of a period is the N-th working day after it.
 */
import { type Calendar, coveredYears } from "./calendars.js";
import { type EpochDay, epochDayOf, parseIsoDate } from "./dates.js";

/** The calendar has no say on `date`: it lies outside the years the calendar covers. */
export interface Uncovered {
  readonly uncovered: {
    readonly date: EpochDay;
    readonly calendar: string;
    readonly firstYear: number;
    readonly lastYear: number;
  };
}

/** An answer of the calendar, or the date it does not cover (never a guess). */
export type CalendarAnswer<T> = { readonly value: T } | Uncovered;

/** 1970-01-01 was a Thursday: (day + 4) mod 7 is 0 on Sundays and 6 on Saturdays. */
export function isWeekend(day: EpochDay): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

/**
 * @example
 * ```ts
 * import { builtInCalendars, calendarIndex, formatIsoDate, parseIsoDate } from "@remit/engine";
 * const calendar = builtInCalendars.get("cn-mainland");
 * if (calendar === undefined) throw new Error("no such calendar");
 * const index = calendarIndex(calendar);
 * const eve = parseIsoDate("2026-09-30");
 * if (eve === undefined) throw new Error("not a date");
 * const next = index.addWorkingDays(eve, 1);
 * console.log("value" in next && formatIsoDate(next.value)); // 2026-10-08
 * console.log(index.isWorkingDay(eve + 10)); // { value: true }
 * ```
 */
export class CalendarIndex {
  readonly calendar: Calendar;
  readonly firstYear: number;
  readonly lastYear: number;
  /** First and last covered day. */
  readonly firstDay: EpochDay;
  readonly lastDay: EpochDay;
  /** `workingBefore[i]`: working days in [firstDay, firstDay + i), for i in 0 … span. */
  private readonly workingBefore: Int32Array;
  /** The covered working days in order. */
  private readonly workingDays: Int32Array;

  constructor(calendar: Calendar) {
    this.calendar = calendar;
    const { first, last } = coveredYears(calendar);
    this.firstYear = first;
    this.lastYear = last;
    this.firstDay = epochDayOf(first, 1, 1);
    this.lastDay = epochDayOf(last, 12, 31);
    const span = this.lastDay - this.firstDay + 1;
    const working = new Uint8Array(span);
    for (let i = 0; i < span; i++) working[i] = isWeekend(this.firstDay + i) ? 0 : 1;
    for (const year of Object.values(calendar.years)) {
      for (const iso of Object.keys(year.daysOff)) working[parseIsoDate(iso)! - this.firstDay] = 0;
      for (const iso of Object.keys(year.workingDays)) working[parseIsoDate(iso)! - this.firstDay] = 1;
    }
    this.workingBefore = new Int32Array(span + 1);
    let count = 0;
    for (let i = 0; i < span; i++) {
      this.workingBefore[i] = count;
      count += working[i]!;
    }
    this.workingBefore[span] = count;
    this.workingDays = new Int32Array(count);
    for (let i = 0, k = 0; i < span; i++) if (working[i] === 1) this.workingDays[k++] = this.firstDay + i;
  }

  /** The answer for a date outside the covered years. */
  uncovered(date: EpochDay): Uncovered {
    return {
      uncovered: { date, calendar: this.calendar.name, firstYear: this.firstYear, lastYear: this.lastYear },
    };
  }

  covers(date: EpochDay): boolean {
    return date >= this.firstDay && date <= this.lastDay;
  }

  /** Working days in [firstDay, date]; `date` from firstDay − 1 to lastDay. */
  private workingThrough(date: EpochDay): number {
    return this.workingBefore[date - this.firstDay + 1]!;
  }

  isWorkingDay(date: EpochDay): CalendarAnswer<boolean> {
    if (!this.covers(date)) return this.uncovered(date);
    const i = date - this.firstDay;
    return { value: this.workingBefore[i + 1]! > this.workingBefore[i]! };
  }

  /**
   * Day N of a period of `n` working days from `start`: the n-th working day after `start`
   * (`start` itself not counted), or before it for a negative `n`; `start` for 0.
   */
  addWorkingDays(start: EpochDay, n: number): CalendarAnswer<EpochDay> {
    requireInteger(n, "a number of working days");
    if (n === 0) return { value: start };
    if (n > 0) {
      // Days start + 1 … are judged, so the day before the first covered day is a valid start.
      if (start < this.firstDay - 1 || start > this.lastDay) return this.uncovered(start);
      const k = this.workingThrough(start) + n - 1;
      return k < this.workingDays.length ? { value: this.workingDays[k]! } : this.uncovered(this.lastDay + 1);
    }
    if (start < this.firstDay || start > this.lastDay + 1) return this.uncovered(start);
    const k = this.workingThrough(start - 1) + n;
    return k >= 0 ? { value: this.workingDays[k]! } : this.uncovered(this.firstDay - 1);
  }

  /**
   * Working days in (a, b], as `daysBetween` counts days: 0 when equal, negative when `b` is
   * earlier. `addWorkingDays(a, workingDaysBetween(a, b))` is `b` when `b` is a working day.
   */
  workingDaysBetween(a: EpochDay, b: EpochDay): CalendarAnswer<number> {
    for (const date of [a, b])
      if (date < this.firstDay - 1 || date > this.lastDay) return this.uncovered(date);
    return { value: this.workingThrough(b) - this.workingThrough(a) };
  }

  /**
   * 第二百零三条: a period whose last day is a day off ends on the next working day, so this is
   * the first working day on or after `lastDay`. Applies to calendar-day periods as well.
   */
  rollOver(lastDay: EpochDay): CalendarAnswer<EpochDay> {
    if (!this.covers(lastDay)) return this.uncovered(lastDay);
    const k = this.workingThrough(lastDay - 1);
    return k < this.workingDays.length ? { value: this.workingDays[k]! } : this.uncovered(this.lastDay + 1);
  }
}

const indexes = new WeakMap<Calendar, CalendarIndex>();

/**
 * The index of `calendar`, built on first use and kept while the calendar lives.
 * @example
 * ```ts
 * import { builtInCalendars, calendarIndex, parseIsoDate } from "@remit/engine";
 * const calendar = builtInCalendars.get("cn-mainland");
 * const [from, to] = [parseIsoDate("2026-09-30"), parseIsoDate("2026-10-31")];
 * if (calendar === undefined || from === undefined || to === undefined) throw new Error("bad input");
 * const index = calendarIndex(calendar);
 * console.log(index === calendarIndex(calendar)); // true
 * console.log(index.workingDaysBetween(from, to)); // { value: 18 }
 * ```
 */
export function calendarIndex(calendar: Calendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (index === undefined) {
    index = new CalendarIndex(calendar);
    indexes.set(calendar, index);
  }
  return index;
}

/**
 * Date arithmetic with durations of every measure: days, calendar months, and working days on the
 * evaluation's calendar. A working day the calendar cannot judge (a date outside its covered
 * years) is never guessed: the result is `none` and the first such date is kept on the state, for
 * the finding to carry as a warning.
 */
import {
  addDays,
  addMonths,
  type CalendarAnswer,
  type CalendarIndex,
  type EpochDay,
  type Uncovered,
} from "../calendar/index.js";
import type { Duration } from "./values.js";

/** The calendar of one evaluation and the first date it could not judge since last cleared. */
export interface CalendarState {
  readonly index: CalendarIndex | undefined;
  /** 第二百零三条: a period whose last day is a day off ends on the next working day. */
  readonly rollOver: boolean;
  uncovered: Uncovered["uncovered"] | undefined;
}

/**
 * A state without a calendar: for parameter defaults, which never count working days.
 * @example
 * ```ts
 * import { builtinImplementations, noCalendar, parseIsoDate } from "@remit/engine";
 * const [found, listed] = [parseIsoDate("2026-10-01"), parseIsoDate("2026-10-09")];
 * if (found === undefined || listed === undefined) throw new Error("not a date");
 * const state = noCalendar();
 * console.log(builtinImplementations.daysBetween([])([found, listed], state)); // 8
 * console.log(state.index, state.uncovered); // undefined undefined
 * ```
 */
export function noCalendar(): CalendarState {
  return { index: undefined, rollOver: false, uncovered: undefined };
}

/** The answer's value, or null with the uncovered date noted on the state. */
export function answered<T>(state: CalendarState, answer: CalendarAnswer<T>): T | null {
  if ("value" in answer) return answer.value;
  state.uncovered ??= answer.uncovered;
  return null;
}

/** `date ± duration`; `none` for working days the calendar cannot count. */
export function addDuration(
  date: EpochDay,
  duration: Duration,
  sign: 1 | -1,
  calendar: CalendarState,
): EpochDay | null {
  switch (duration.unit) {
    case "day":
      return addDays(date, sign * duration.amount);
    case "month":
      return addMonths(date, sign * duration.amount);
    case "working day":
      if (calendar.index === undefined) return null;
      return answered(calendar, calendar.index.addWorkingDays(date, sign * duration.amount));
    default: {
      const unknown: never = duration.unit;
      throw new Error(`unknown duration unit ${String(unknown)}`);
    }
  }
}

/**
 * How far `to` lies after `from` in the duration's unit: calendar days for days and months,
 * working days for working days (overdue days of a working-day deadline count working days).
 */
export function countBetween(
  from: EpochDay,
  to: EpochDay,
  unit: Duration["unit"],
  calendar: CalendarState,
): number | null {
  if (unit !== "working day") return to - from;
  if (calendar.index === undefined) return null;
  return answered(calendar, calendar.index.workingDaysBetween(from, to));
}

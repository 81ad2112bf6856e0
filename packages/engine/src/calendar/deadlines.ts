/**
 * A deadline of N days or working days from a start date, with paused intervals that are not
 * counted (不计算在内: a third party's consultation, 听证, 鉴定) and, optionally, the Civil Code's
 * rollover of a last day that is a day off (第二百零三条). It returns the due date and the steps
 * that derived it, for explanations. Cost: O(k log k) for k pauses, O(1) per pause after sorting.
 */
import type { EpochDay } from "./dates.js";
import type { CalendarAnswer, CalendarIndex } from "./working-days.js";

export type CountUnit = "days" | "working days";

/** Days `from` through `to`, both included, are not counted. */
export interface PausedInterval {
  readonly from: EpochDay;
  readonly to: EpochDay;
}

export interface DeadlineSpec {
  readonly start: EpochDay;
  /** A whole number, at least 0. */
  readonly amount: number;
  readonly unit: CountUnit;
  /** In any order; overlapping or adjacent intervals count as one. */
  readonly pauses?: readonly PausedInterval[];
  /** 第二百零三条: a last day that is a day off moves to the next working day. */
  readonly rollOver?: boolean;
}

export type DeadlineStep =
  | { readonly kind: "start"; readonly date: EpochDay }
  | { readonly kind: "count"; readonly amount: number; readonly unit: CountUnit; readonly due: EpochDay }
  /** A pause the period ran into: `excluded` days (in the deadline's unit) not counted, the new due date. */
  | {
      readonly kind: "pause";
      readonly from: EpochDay;
      readonly to: EpochDay;
      readonly excluded: number;
      readonly due: EpochDay;
    }
  | { readonly kind: "roll-over"; readonly from: EpochDay; readonly due: EpochDay };

export interface Deadline {
  readonly due: EpochDay;
  /** start, count, each pause that moved the due date, roll-over when it moved it. */
  readonly steps: readonly DeadlineStep[];
}

/** Sorted, with overlapping and adjacent intervals joined. */
export function mergePauses(pauses: readonly PausedInterval[]): PausedInterval[] {
  for (const pause of pauses) {
    if (!Number.isInteger(pause.from) || !Number.isInteger(pause.to) || pause.from > pause.to) {
      throw new RangeError(
        `a paused interval must run forward over whole days, got ${pause.from}–${pause.to}`,
      );
    }
  }
  const sorted = [...pauses].sort((a, b) => a.from - b.from);
  const merged: PausedInterval[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && pause.from <= last.to + 1) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, pause.to) };
    } else {
      merged.push(pause);
    }
  }
  return merged;
}

/** The unit's arithmetic: day N after a date, and the days counted in (a, b]. */
interface Counter {
  add(start: EpochDay, n: number): CalendarAnswer<EpochDay>;
  between(a: EpochDay, b: EpochDay): CalendarAnswer<number>;
}

const calendarDays: Counter = {
  add: (start, n) => ({ value: start + n }),
  between: (a, b) => ({ value: b - a }),
};

function counterOf(unit: CountUnit, calendar: CalendarIndex | undefined): Counter {
  switch (unit) {
    case "days":
      return calendarDays;
    case "working days":
      if (calendar === undefined)
        throw new Error("working days are counted on a calendar, and none was given");
      return {
        add: (start, n) => calendar.addWorkingDays(start, n),
        between: (a, b) => calendar.workingDaysBetween(a, b),
      };
    default: {
      const unknown: never = unit;
      throw new Error(`unknown unit ${String(unknown)}`);
    }
  }
}

/**
 * The due date of `spec`: day `amount` after `start` (not counted), each paused day not counted,
 * then rolled over when asked. A calendar-day deadline without rollover never consults the
 * calendar (and may be given none); otherwise a date the calendar does not cover is reported,
 * not guessed.
 * @example
 * ```ts
 * import { builtInCalendars, calendarIndex, computeDeadline, formatIsoDate, parseIsoDate } from "@remit/engine";
 * const calendar = builtInCalendars.get("cn-mainland");
 * const start = parseIsoDate("2026-09-21");
 * if (calendar === undefined || start === undefined) throw new Error("bad input");
 * const index = calendarIndex(calendar);
 * const working = computeDeadline({ start, amount: 5, unit: "working days" }, index);
 * console.log("value" in working && formatIsoDate(working.value.due)); // 2026-09-29
 * // Ten calendar days end on 1 October, a holiday: 第二百零三条 moves the end to the next working day.
 * const rolled = computeDeadline({ start, amount: 10, unit: "days", rollOver: true }, index);
 * console.log("value" in rolled && rolled.value.steps.map((s) => s.kind).join(" → ")); // start → count → roll-over
 * console.log("value" in rolled && formatIsoDate(rolled.value.due)); // 2026-10-08
 * ```
 */
export function computeDeadline(
  spec: DeadlineSpec,
  calendar: CalendarIndex | undefined,
): CalendarAnswer<Deadline> {
  const { start, amount, unit } = spec;
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(`a deadline counts a whole number of days, at least 0, got ${amount}`);
  }
  const counter = counterOf(unit, calendar);
  const first = counter.add(start, amount);
  if (!("value" in first)) return first;
  let due = first.value;
  const steps: DeadlineStep[] = [
    { kind: "start", date: start },
    { kind: "count", amount, unit, due },
  ];
  let cursor = start;
  let remaining = amount;
  for (const pause of mergePauses(spec.pauses ?? [])) {
    // Only a pause that meets the counted days (cursor, due] moves the due date.
    if (remaining === 0 || pause.from > due) break;
    if (pause.to <= cursor) continue;
    const pauseStart = Math.max(cursor, pause.from - 1);
    const countedBefore = counter.between(cursor, pauseStart);
    const excluded = counter.between(pauseStart, pause.to);
    if (!("value" in countedBefore)) return countedBefore;
    if (!("value" in excluded)) return excluded;
    remaining -= countedBefore.value;
    cursor = pause.to;
    const moved = counter.add(cursor, remaining);
    if (!("value" in moved)) return moved;
    due = moved.value;
    steps.push({ kind: "pause", from: pause.from, to: pause.to, excluded: excluded.value, due });
  }
  if (spec.rollOver === true) {
    if (calendar === undefined)
      throw new Error("a last day is rolled over on a calendar, and none was given");
    const rolled = calendar.rollOver(due);
    if (!("value" in rolled)) return rolled;
    if (rolled.value !== due) steps.push({ kind: "roll-over", from: due, due: rolled.value });
    due = rolled.value;
  }
  return { value: { due, steps } };
}

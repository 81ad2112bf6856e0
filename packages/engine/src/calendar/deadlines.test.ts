import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { naiveCalendar, naiveCount } from "../testing/naive-calendar.js";
import { builtInCalendars } from "./calendars.js";
import { formatIsoDate, parseIsoDate } from "./dates.js";
import {
  type CountUnit,
  computeDeadline,
  type DeadlineStep,
  mergePauses,
  type PausedInterval,
} from "./deadlines.js";
import { calendarIndex } from "./working-days.js";

const index = calendarIndex(builtInCalendars.get("cn-mainland")!);
const naive = naiveCalendar(builtInCalendars.get("cn-mainland")!);
const day = (iso: string): number => parseIsoDate(iso)!;

/** Steps with ISO dates, as an explanation would show them. */
function readable(steps: readonly DeadlineStep[]) {
  return steps.map((step) => {
    switch (step.kind) {
      case "start":
        return `start ${formatIsoDate(step.date)}`;
      case "count":
        return `+ ${step.amount} ${step.unit} → ${formatIsoDate(step.due)}`;
      case "pause":
        return `paused ${formatIsoDate(step.from)}–${formatIsoDate(step.to)}, ${step.excluded} not counted → ${formatIsoDate(step.due)}`;
      case "roll-over":
        return `roll-over ${formatIsoDate(step.from)} → ${formatIsoDate(step.due)}`;
      default: {
        const unknown: never = step;
        return unknown;
      }
    }
  });
}

/** The due date counted one day at a time, or "uncovered" when a day on the way cannot be judged. */
function naiveDue(
  start: number,
  amount: number,
  unit: CountUnit,
  pauses: readonly PausedInterval[],
  rollOver: boolean,
): number | "uncovered" {
  const paused = (d: number) => pauses.some((p) => p.from <= d && d <= p.to);
  const counts = (d: number): boolean | undefined => {
    if (paused(d)) return false;
    return unit === "days" ? true : naive.isWorking(d);
  };
  const due = naiveCount(start, amount, counts);
  if (due === undefined) return "uncovered";
  if (!rollOver) return due;
  if (naive.isWorking(due) === undefined) return "uncovered";
  if (naive.isWorking(due)) return due;
  return naiveCount(due, 1, naive.isWorking) ?? "uncovered";
}

describe("deadlines with paused intervals", () => {
  it("shows the derivation: start, + N, each pause, roll-over → due", () => {
    const deadline = computeDeadline(
      {
        start: day("2026-09-15"),
        amount: 20,
        unit: "working days",
        pauses: [{ from: day("2026-09-18"), to: day("2026-09-22") }],
        rollOver: true,
      },
      index,
    );
    if (!("value" in deadline)) throw new Error("uncovered");
    // 2026-09-20 is a make-up Sunday: 18, 20, 21 and 22 are the four working days paused.
    expect(readable(deadline.value.steps)).toEqual([
      "start 2026-09-15",
      "+ 20 working days → 2026-10-19",
      "paused 2026-09-18–2026-09-22, 4 not counted → 2026-10-23",
    ]);
    expect(deadline.value.due).toBe(day("2026-10-23"));
  });

  it("rolls a calendar-day deadline ending on a day off over to the next working day", () => {
    const deadline = computeDeadline(
      { start: day("2026-09-16"), amount: 15, unit: "days", rollOver: true },
      index,
    );
    if (!("value" in deadline)) throw new Error("uncovered");
    expect(readable(deadline.value.steps)).toEqual([
      "start 2026-09-16",
      "+ 15 days → 2026-10-01",
      "roll-over 2026-10-01 → 2026-10-08",
    ]);
    const plain = computeDeadline({ start: day("2026-09-16"), amount: 15, unit: "days" }, index);
    expect(plain).toEqual({ value: { due: day("2026-10-01"), steps: deadline.value.steps.slice(0, 2) } });
  });

  it("merges overlapping and adjacent pauses, in any order", () => {
    const merged = mergePauses([
      { from: 20, to: 25 },
      { from: 1, to: 3 },
      { from: 4, to: 6 },
      { from: 22, to: 30 },
      { from: 10, to: 10 },
    ]);
    expect(merged).toEqual([
      { from: 1, to: 6 },
      { from: 10, to: 10 },
      { from: 20, to: 30 },
    ]);
    expect(() => mergePauses([{ from: 5, to: 4 }])).toThrow(RangeError);
  });

  it("never consults the calendar for calendar days without roll-over", () => {
    const far = day("2100-01-01");
    const deadline = computeDeadline(
      { start: far, amount: 30, unit: "days", pauses: [{ from: far + 3, to: far + 4 }] },
      index,
    );
    expect(deadline).toEqual({
      value: {
        due: far + 32,
        steps: [
          { kind: "start", date: far },
          { kind: "count", amount: 30, unit: "days", due: far + 30 },
          { kind: "pause", from: far + 3, to: far + 4, excluded: 2, due: far + 32 },
        ],
      },
    });
    const rolled = computeDeadline({ start: far, amount: 30, unit: "days", rollOver: true }, index);
    expect(rolled).toEqual(index.uncovered(far + 30));
  });

  it("reports a working-day deadline that runs past the covered years", () => {
    const deadline = computeDeadline({ start: day("2026-12-20"), amount: 20, unit: "working days" }, index);
    expect(deadline).toEqual(index.uncovered(day("2027-01-01")));
  });

  const pause = fc
    .tuple(fc.integer({ min: day("2024-12-01"), max: day("2026-12-31") }), fc.integer({ min: 0, max: 40 }))
    .map(([from, length]): PausedInterval => ({ from, to: from + length }));
  const spec = fc.record({
    start: fc.integer({ min: day("2025-01-01"), max: day("2026-12-31") }),
    amount: fc.integer({ min: 0, max: 300 }),
    unit: fc.constantFrom<CountUnit>("days", "working days"),
    pauses: fc.array(pause, { maxLength: 6 }),
    rollOver: fc.boolean(),
  });

  it("finds the due date the day-by-day count finds", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const deadline = computeDeadline(s, index);
        const expected = naiveDue(s.start, s.amount, s.unit, s.pauses, s.rollOver);
        expect("value" in deadline ? deadline.value.due : "uncovered").toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("accounts for every day between start and due in its steps", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const deadline = computeDeadline({ ...s, rollOver: false }, index);
        if (!("value" in deadline)) return;
        const { due, steps } = deadline.value;
        const excluded = steps.reduce((sum, step) => sum + (step.kind === "pause" ? step.excluded : 0), 0);
        const counted = s.unit === "days" ? { value: due - s.start } : index.workingDaysBetween(s.start, due);
        expect(counted).toEqual({ value: s.amount + excluded });
        expect(steps.at(-1)).toMatchObject({ due });
        expect(steps[0]).toEqual({ kind: "start", date: s.start });
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses a fractional or negative amount", () => {
    expect(() => computeDeadline({ start: 0, amount: 1.5, unit: "days" }, index)).toThrow(RangeError);
    expect(() => computeDeadline({ start: 0, amount: -1, unit: "days" }, index)).toThrow(RangeError);
  });
});

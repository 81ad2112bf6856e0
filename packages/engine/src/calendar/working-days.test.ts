import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { naiveCalendar, naiveCount } from "../testing/naive-calendar.js";
import { builtInCalendars, type Calendar, parseCalendar, withCalendarDays } from "./calendars.js";
import { formatIsoDate, parseIsoDate } from "./dates.js";
import { type CalendarAnswer, calendarIndex, isWeekend } from "./working-days.js";

const cnMainland = builtInCalendars.get("cn-mainland")!;
const index = calendarIndex(cnMainland);
const naive = naiveCalendar(cnMainland);
const day = (iso: string): number => parseIsoDate(iso)!;
const MAX_N = 400;

/** The answer as the naive model gives it: the value, or "uncovered". */
const plain = <T>(answer: CalendarAnswer<T>): T | "uncovered" =>
  "value" in answer ? answer.value : "uncovered";

describe("working days of cn-mainland against a day-by-day count", () => {
  it("builds one index per calendar", () => {
    expect(calendarIndex(cnMainland)).toBe(index);
  });

  it("tells working days on every covered day", () => {
    for (let d = naive.firstDay; d <= naive.lastDay; d++) {
      if (plain(index.isWorkingDay(d)) !== naive.isWorking(d))
        throw new Error(`differs on ${formatIsoDate(d)}`);
    }
  });

  it(`adds 1…${MAX_N} working days forwards and backwards from every covered day`, () => {
    for (let start = naive.firstDay - 1; start <= naive.lastDay; start++) {
      // One walk per start: the k-th counted day is the answer for N = k.
      let ahead = start;
      let behind = start;
      for (let n = 1; n <= MAX_N; n++) {
        const next = naiveCount(ahead, 1, naive.isWorking);
        const expected = next ?? "uncovered";
        if (plain(index.addWorkingDays(start, n)) !== expected) {
          throw new Error(`${formatIsoDate(start)} + ${n} working days`);
        }
        if (next === undefined) break;
        ahead = next;
      }
      if (start < naive.firstDay) continue;
      for (let n = 1; n <= MAX_N; n++) {
        const previous = naiveCount(behind, 1, naive.isWorking, -1);
        if (plain(index.addWorkingDays(start, -n)) !== (previous ?? "uncovered")) {
          throw new Error(`${formatIsoDate(start)} - ${n} working days`);
        }
        if (previous === undefined) break;
        behind = previous;
      }
    }
  });

  it("counts working days between any two covered dates as the day-by-day count does", () => {
    // Working days in (firstDay - 1, d], counted once day by day.
    const through = new Map<number, number>([[naive.firstDay - 1, 0]]);
    for (let d = naive.firstDay, count = 0; d <= naive.lastDay; d++) {
      if (naive.isWorking(d)) count++;
      through.set(d, count);
    }
    const covered = fc.integer({ min: naive.firstDay - 1, max: naive.lastDay });
    fc.assert(
      fc.property(covered, covered, (a, b) => {
        expect(index.workingDaysBetween(a, b)).toEqual({ value: through.get(b)! - through.get(a)! });
      }),
      { numRuns: 5000 },
    );
  });

  it("inverts adding with counting between", () => {
    const start = fc.integer({ min: naive.firstDay, max: day("2025-06-30") });
    fc.assert(
      fc.property(start, fc.integer({ min: -MAX_N, max: MAX_N }), (d, n) => {
        const added = index.addWorkingDays(d, n);
        if (!("value" in added)) return;
        // Backwards, the start is not counted either: |n| - 1 working days lie strictly between.
        if (n >= 0) expect(index.workingDaysBetween(d, added.value)).toEqual({ value: n });
        else expect(index.workingDaysBetween(added.value, d - 1)).toEqual({ value: -n - 1 });
        if (n !== 0) expect(index.isWorkingDay(added.value)).toEqual({ value: true });
      }),
      { numRuns: 3000 },
    );
  });

  it("rolls a last day over to the first working day on or after it, on every covered day", () => {
    for (let d = naive.firstDay; d <= naive.lastDay; d++) {
      const expected = naive.isWorking(d) ? d : (naiveCount(d, 1, naive.isWorking) ?? "uncovered");
      if (plain(index.rollOver(d)) !== expected) throw new Error(`roll-over of ${formatIsoDate(d)}`);
    }
    expect(index.rollOver(day("2026-10-01"))).toEqual({ value: day("2026-10-08") });
    expect(index.rollOver(day("2026-02-14"))).toEqual({ value: day("2026-02-14") });
    expect(index.rollOver(day("2026-02-15"))).toEqual({ value: day("2026-02-24") });
  });

  it("knows weekends from 1970 on, before and after the epoch", () => {
    expect(isWeekend(0)).toBe(false); // Thursday 1970-01-01
    expect(isWeekend(2)).toBe(true);
    expect(isWeekend(-5)).toBe(true); // Saturday 1969-12-27
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        const weekday = new Date(d * 86_400_000).getUTCDay();
        expect(isWeekend(d)).toBe(weekday === 0 || weekday === 6);
      }),
    );
  });
});

describe("dates outside the covered years", () => {
  const only2026 = parseCalendar({
    name: "test-2026",
    source: "test",
    years: { "2026": { daysOff: { "2026-12-31": "test" }, workingDays: {} } },
  });
  if (!("calendar" in only2026)) throw new Error("test calendar rejected");
  const small = calendarIndex(only2026.calendar);
  const uncovered = (iso: string) => ({
    uncovered: { date: day(iso), calendar: "test-2026", firstYear: 2026, lastYear: 2026 },
  });

  it("reports the date asked about, or the first day past the covered years", () => {
    expect(small.isWorkingDay(day("2027-01-04"))).toEqual(uncovered("2027-01-04"));
    expect(small.isWorkingDay(day("2025-12-31"))).toEqual(uncovered("2025-12-31"));
    // 2026-12-30 is the last working day of 2026 here: one more needs 2027.
    expect(small.addWorkingDays(day("2026-12-29"), 1)).toEqual({ value: day("2026-12-30") });
    expect(small.addWorkingDays(day("2026-12-29"), 2)).toEqual(uncovered("2027-01-01"));
    expect(small.addWorkingDays(day("2027-01-05"), 1)).toEqual(uncovered("2027-01-05"));
    expect(small.addWorkingDays(day("2026-01-02"), -2)).toEqual(uncovered("2025-12-31"));
    expect(small.rollOver(day("2026-12-31"))).toEqual(uncovered("2027-01-01"));
    expect(small.workingDaysBetween(day("2026-06-01"), day("2027-01-01"))).toEqual(uncovered("2027-01-01"));
    expect(small.workingDaysBetween(day("2025-12-30"), day("2026-06-01"))).toEqual(uncovered("2025-12-30"));
  });

  it("counts from the day before the first covered day, which is itself never counted", () => {
    expect(small.addWorkingDays(day("2025-12-31"), 1)).toEqual({ value: day("2026-01-01") });
    expect(small.workingDaysBetween(day("2025-12-31"), day("2026-01-02"))).toEqual({ value: 2 });
    expect(small.addWorkingDays(day("2027-01-01"), -1)).toEqual({ value: day("2026-12-30") });
  });

  it("adds nothing for N = 0, covered or not", () => {
    expect(small.addWorkingDays(day("2030-05-05"), 0)).toEqual({ value: day("2030-05-05") });
  });

  it("refuses a fractional number of working days", () => {
    expect(() => small.addWorkingDays(day("2026-05-05"), 1.5)).toThrow(RangeError);
  });
});

describe("calendars with added days", () => {
  const notice = fc.record({
    daysOff: fc.uniqueArray(fc.integer({ min: day("2025-01-01"), max: day("2026-12-31") }), {
      maxLength: 12,
    }),
    workingDays: fc.uniqueArray(fc.integer({ min: day("2025-01-01"), max: day("2026-12-31") }), {
      maxLength: 12,
    }),
  });

  it("agrees with the day-by-day count after a county notice adds days", () => {
    fc.assert(
      fc.property(notice, fc.integer({ min: day("2025-01-01"), max: day("2026-06-30") }), (extra, start) => {
        const daysOff = extra.daysOff.filter((d) => !extra.workingDays.includes(d));
        const added = withCalendarDays(
          cnMainland,
          {
            daysOff: Object.fromEntries(daysOff.map((d) => [formatIsoDate(d), "县通知"])),
            workingDays: Object.fromEntries(extra.workingDays.map((d) => [formatIsoDate(d), "县通知"])),
          },
          "a county notice",
        );
        if (!("calendar" in added)) throw new Error(JSON.stringify(added.errors));
        const merged: Calendar = added.calendar;
        const mergedIndex = calendarIndex(merged);
        const mergedNaive = naiveCalendar(merged);
        for (const d of daysOff) expect(mergedIndex.isWorkingDay(d)).toEqual({ value: false });
        for (const d of extra.workingDays) expect(mergedIndex.isWorkingDay(d)).toEqual({ value: true });
        for (const n of [1, 7, 20, 100]) {
          expect(plain(mergedIndex.addWorkingDays(start, n))).toBe(
            naiveCount(start, n, mergedNaive.isWorking) ?? "uncovered",
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("moves the first working day after National Day when the county closes 2026-10-08", () => {
    const added = withCalendarDays(cnMainland, { daysOff: { "2026-10-08": "县放假通知" } }, "资源县放假通知");
    if (!("calendar" in added)) throw new Error("notice rejected");
    expect(added.calendar.source).toBe(`${cnMainland.source}; 资源县放假通知`);
    const county = calendarIndex(added.calendar);
    expect(county.addWorkingDays(day("2026-09-30"), 1)).toEqual({ value: day("2026-10-09") });
    expect(index.addWorkingDays(day("2026-09-30"), 1)).toEqual({ value: day("2026-10-08") });
  });
});

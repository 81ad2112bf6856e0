import chineseDays from "chinese-days";
import chineseDaysPackage from "chinese-days/package.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { builtInCalendars, coveredYears } from "./calendars.js";
import { cnMainlandCalendarData } from "./data/cn-mainland.js";
import { epochDayOf, formatIsoDate, parseIsoDate } from "./dates.js";
import { calendarIndex } from "./working-days.js";

const calendar = builtInCalendars.get("cn-mainland")!;
const index = calendarIndex(calendar);
const { first, last } = coveredYears(calendar);

const day = (iso: string): number => parseIsoDate(iso)!;

describe("the shipped cn-mainland calendar", () => {
  it("is the data file, validated", () => {
    expect(calendar).toEqual(cnMainlandCalendarData);
  });

  it("names its source and the version it was built from", () => {
    expect(calendar.source).toContain(`chinese-days ${chineseDaysPackage.version}`);
  });

  it("covers 2025 and 2026, and every year the package knows up to its last", () => {
    expect(first).toBeLessThanOrEqual(2025);
    expect(last).toBeGreaterThanOrEqual(2026);
    // The package answers for years it has no notice for by the weekend rule alone; its last
    // notice year is the last year with a make-up working day, which must be ours too.
    const nextYear = `${last + 1}`;
    const workedWeekends = chineseDays
      .getWorkdaysInRange(`${nextYear}-01-01`, `${nextYear}-12-31`, true)
      .filter((iso) => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay()));
    expect(workedWeekends).toEqual([]);
  });

  it("agrees with the package on every day of every covered year", () => {
    const disagreements: string[] = [];
    for (let d = epochDayOf(first, 1, 1); d <= epochDayOf(last, 12, 31); d++) {
      const iso = formatIsoDate(d);
      const answer = index.isWorkingDay(d);
      if (!("value" in answer) || answer.value !== chineseDays.isWorkday(iso)) disagreements.push(iso);
    }
    expect(disagreements).toEqual([]);
  });

  it("lists as days off exactly the package's holidays, as working days its worked weekends", () => {
    for (let year = first; year <= last; year++) {
      const listed = calendar.years[String(year)]!;
      expect(Object.keys(listed.daysOff).sort()).toEqual(
        chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false),
      );
      for (const iso of Object.keys(listed.workingDays)) expect(chineseDays.isWorkday(iso)).toBe(true);
    }
  });

  it("knows 2026's make-up working days and its holidays", () => {
    for (const iso of ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]) {
      expect(index.isWorkingDay(day(iso))).toEqual({ value: true });
      expect(calendar.years["2026"]!.workingDays[iso]).toBeDefined();
    }
    expect(calendar.years["2026"]!.workingDays["2026-02-14"]).toBe("春节");
    expect(calendar.years["2026"]!.workingDays["2026-10-10"]).toBe("国庆节");
    for (const iso of ["2026-02-15", "2026-02-23", "2026-10-01", "2026-10-07"]) {
      expect(index.isWorkingDay(day(iso))).toEqual({ value: false });
    }
    // An ordinary weekend and an ordinary weekday.
    expect(index.isWorkingDay(day("2026-03-07"))).toEqual({ value: false });
    expect(index.isWorkingDay(day("2026-03-09"))).toEqual({ value: true });
  });

  it("counts across the 2026 Spring Festival and National Day", () => {
    // Friday 2026-02-13, then the make-up Saturday, nine days off, and Tuesday the 24th.
    expect(index.addWorkingDays(day("2026-02-13"), 1)).toEqual({ value: day("2026-02-14") });
    expect(index.addWorkingDays(day("2026-02-13"), 2)).toEqual({ value: day("2026-02-24") });
    expect(index.addWorkingDays(day("2026-09-30"), 1)).toEqual({ value: day("2026-10-08") });
    expect(index.addWorkingDays(day("2026-09-30"), 3)).toEqual({ value: day("2026-10-10") });
    expect(index.workingDaysBetween(day("2026-09-30"), day("2026-10-12"))).toEqual({ value: 4 });
  });
});

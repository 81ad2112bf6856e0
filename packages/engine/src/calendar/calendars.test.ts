import { describe, expect, it } from "vitest";
import { builtInCalendars, coveredYears, parseCalendar, withCalendarDays } from "./calendars.js";

const valid = {
  name: "county",
  source: "资源县人民政府放假通知",
  years: {
    "2026": { daysOff: { "2026-10-08": "县庆" }, workingDays: { "2026-10-11": "补班" } },
    "2027": { daysOff: {}, workingDays: {} },
  },
};

const errorsOf = (outcome: ReturnType<typeof parseCalendar>) =>
  "errors" in outcome ? outcome.errors.map((e) => `${e.code} ${e.path}`) : [];

describe("calendars handed in by a host", () => {
  it("accepts a well-formed calendar and tells its covered years", () => {
    const outcome = parseCalendar(valid);
    if (!("calendar" in outcome)) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.calendar).toEqual(valid);
    expect(coveredYears(outcome.calendar)).toEqual({ first: 2026, last: 2027 });
  });

  it("rejects malformed shapes with their JSON path", () => {
    expect(errorsOf(parseCalendar({ ...valid, name: "" }))).toEqual(["invalid-value calendar.name"]);
    expect(errorsOf(parseCalendar({ ...valid, extra: 1 }))).toEqual(["unknown-field calendar.extra"]);
    expect(errorsOf(parseCalendar({ name: "x", years: {} }))).toEqual(["missing calendar.source"]);
    expect(
      errorsOf(parseCalendar({ ...valid, years: { "2026": { daysOff: [], workingDays: {} } } })),
    ).toEqual(['invalid-type calendar.years["2026"].daysOff']);
    expect(errorsOf(parseCalendar("cn-mainland"))).toEqual(["invalid-type calendar"]);
  });

  it("rejects bad years and dates, with messages in English and Chinese", () => {
    const outcome = parseCalendar({
      name: "bad",
      source: "test",
      years: {
        "2026": { daysOff: { "2026-02-30": "", "2025-12-31": "" }, workingDays: {} },
        "2028": { daysOff: { "2028-01-01": "" }, workingDays: { "2028-01-01": "" } },
      },
    });
    expect(errorsOf(outcome)).toEqual([
      "years-not-contiguous calendar.years",
      'invalid-date calendar.years["2026"].daysOff["2026-02-30"]',
      'date-outside-year calendar.years["2026"].daysOff["2025-12-31"]',
      'day-off-and-working-day calendar.years["2028"].workingDays["2028-01-01"]',
    ]);
    if (!("errors" in outcome)) throw new Error("accepted");
    expect(outcome.errors[2]!.message).toEqual({
      en: "2025-12-31 is not in the year 2026",
      zh: "2025-12-31 不在 2026 年内",
    });
    expect(errorsOf(parseCalendar({ name: "x", source: "y", years: {} }))).toEqual([
      "invalid-value calendar.years",
    ]);
    expect(errorsOf(parseCalendar({ name: "x", source: "y", years: { "26": valid.years["2027"] } }))).toEqual(
      ['invalid-value calendar.years["26"]'],
    );
  });
});

describe("days added to a calendar", () => {
  const cnMainland = builtInCalendars.get("cn-mainland")!;

  it("turns a make-up working day into a day off and a weekday into a working day's opposite", () => {
    const outcome = withCalendarDays(
      cnMainland,
      { daysOff: { "2026-10-10": "县通知" }, workingDays: { "2026-10-03": "县通知" } },
      "县通知",
    );
    if (!("calendar" in outcome)) throw new Error(JSON.stringify(outcome.errors));
    const year = outcome.calendar.years["2026"]!;
    expect(year.daysOff["2026-10-10"]).toBe("县通知");
    expect(year.workingDays["2026-10-10"]).toBeUndefined();
    expect(year.workingDays["2026-10-03"]).toBe("县通知");
    expect(year.daysOff["2026-10-03"]).toBeUndefined();
    // The calendar handed in is left as it was.
    expect(cnMainland.years["2026"]!.workingDays["2026-10-10"]).toBe("国庆节");
  });

  it("rejects days outside the covered years, conflicting days and malformed input", () => {
    const { last } = coveredYears(cnMainland);
    const outside = `${last + 1}-01-04`;
    expect(
      errorsOf(withCalendarDays(cnMainland, { daysOff: { [outside]: "" } }, "x", "params.holidays")),
    ).toEqual([`date-outside-year params.holidays.daysOff["${outside}"]`]);
    expect(
      errorsOf(
        withCalendarDays(
          cnMainland,
          { daysOff: { "2026-05-06": "" }, workingDays: { "2026-05-06": "" } },
          "x",
        ),
      ),
    ).toEqual(['day-off-and-working-day calendarDays.workingDays["2026-05-06"]']);
    expect(errorsOf(withCalendarDays(cnMainland, { holidays: {} }, "x"))).toEqual([
      "unknown-field calendarDays.holidays",
    ]);
  });
});

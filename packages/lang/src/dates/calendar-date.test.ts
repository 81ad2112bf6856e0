import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate, parseCalendarDate } from "./calendar-date.js";

const text = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

describe("parseCalendarDate", () => {
  it("reads years 0001 to 0099 as themselves, not as 1900 to 1999", () => {
    expect(parseCalendarDate("0050-01-01")).toEqual({ year: 50, month: 1, day: 1 });
    expect(parseCalendarDate("0001-01-01")).toEqual({ year: 1, month: 1, day: 1 });
    // 1900 is not a leap year, year 4 is: a Date.UTC reading would get both wrong.
    expect(isCalendarDate("0004-02-29")).toBe(true);
    expect(isCalendarDate("0100-02-29")).toBe(false);
    expect(isCalendarDate("9999-12-31")).toBe(true);
  });

  it("refuses year 0000, other lengths, signs, spaces and non-ASCII digits", () => {
    for (const bad of [
      "0000-01-01",
      "+02026-01-01",
      "2026-1-01",
      "2026-01-1",
      " 2026-01-01",
      "2026-01-01 ",
      "2026/01/01",
      "２０２６-01-01",
      "2026-00-10",
      "2026-01-00",
      "",
    ]) {
      expect(parseCalendarDate(bad), bad).toBeUndefined();
    }
  });

  it("agrees with the proleptic Gregorian calendar on every year 0001-9999 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          // setUTCFullYear, unlike Date.UTC, takes years below 100 literally.
          const date = new Date(Date.UTC(2000, 0, 1));
          date.setUTCFullYear(y, m - 1, d);
          const real =
            m >= 1 && m <= 12 && d >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1;
          expect(parseCalendarDate(text(y, m, d))).toEqual(real ? { year: y, month: m, day: d } : undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  civilOf,
  daysInMonth,
  endOfMonth,
  endOfQuarter,
  epochDayOf,
  formatIsoDate,
  parseIsoDate,
  periodCount,
  periodEndingOn,
  periodOf,
  periodsBetween,
  startOfQuarter,
} from "./index.js";

const day = (iso: string): number => {
  const parsed = parseIsoDate(iso);
  if (parsed === undefined) throw new Error(`bad date "${iso}"`);
  return parsed;
};

/** Dates from 1900 to 2200 as epoch days. */
const anyDay = fc.integer({ min: epochDayOf(1900, 1, 1), max: epochDayOf(2200, 12, 31) });

describe("dates", () => {
  it("parses and formats real calendar dates only", () => {
    expect(parseIsoDate("1970-01-01")).toBe(0);
    expect(formatIsoDate(day("2028-02-29"))).toBe("2028-02-29");
    expect(parseIsoDate("2026-02-29")).toBeUndefined();
    expect(parseIsoDate("2026-02-30")).toBeUndefined();
    expect(parseIsoDate("2026/08/02")).toBeUndefined();
    expect(parseIsoDate("2026-8-2")).toBeUndefined();
    expect(parseIsoDate("2026-13-01")).toBeUndefined();
    expect(parseIsoDate("2026-00-10")).toBeUndefined();
  });

  it("round-trips format and parse", () => {
    fc.assert(fc.property(anyDay, (d) => parseIsoDate(formatIsoDate(d)) === d));
  });

  it("formats the same text twice, inside and outside the cached centuries", () => {
    const wide = fc.integer({ min: epochDayOf(1, 1, 1), max: epochDayOf(9999, 12, 31) });
    fc.assert(
      fc.property(wide, (d) => {
        const first = formatIsoDate(d);
        return formatIsoDate(d) === first && parseIsoDate(first) === d;
      }),
    );
    expect(formatIsoDate(epochDayOf(1899, 12, 31))).toBe("1899-12-31");
    expect(formatIsoDate(epochDayOf(2200, 1, 1))).toBe("2200-01-01");
  });

  it("agrees with the JavaScript UTC calendar", () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const utc = new Date(d * 86_400_000);
        const { year, month, day: dom } = civilOf(d);
        return utc.getUTCFullYear() === year && utc.getUTCMonth() + 1 === month && utc.getUTCDate() === dom;
      }),
    );
  });

  it("adds and subtracts days as inverses", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -5000, max: 5000 }), (d, n) => addDays(addDays(d, n), -n) === d),
    );
  });

  it("knows the leap day 2028-02-29", () => {
    expect(addDays(day("2028-02-28"), 1)).toBe(day("2028-02-29"));
    expect(addDays(day("2028-02-29"), 1)).toBe(day("2028-03-01"));
    expect(addDays(day("2026-02-28"), 1)).toBe(day("2026-03-01"));
  });
});

describe("months", () => {
  it("clamps to the month's end", () => {
    expect(formatIsoDate(addMonths(day("2026-01-31"), 1))).toBe("2026-02-28");
    expect(formatIsoDate(addMonths(day("2028-01-31"), 1))).toBe("2028-02-29");
    expect(formatIsoDate(addMonths(day("2028-02-29"), 12))).toBe("2029-02-28");
    expect(formatIsoDate(addMonths(day("2026-03-31"), -1))).toBe("2026-02-28");
  });

  it("keeps the day of month when it exists, else takes the last day", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -60, max: 60 }), (d, n) => {
        const before = civilOf(d);
        const after = civilOf(addMonths(d, n));
        const monthIndex = before.year * 12 + before.month - 1 + n;
        const expectedYear = Math.floor(monthIndex / 12);
        const expectedMonth = monthIndex - expectedYear * 12 + 1;
        const expectedDay = Math.min(before.day, daysInMonth(expectedYear, expectedMonth));
        return after.year === expectedYear && after.month === expectedMonth && after.day === expectedDay;
      }),
    );
  });

  it("round-trips when the day of month is at most 28", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -60, max: 60 }), (d, n) => {
        fc.pre(civilOf(d).day <= 28);
        return addMonths(addMonths(d, n), -n) === d;
      }),
    );
  });

  it("ends months on their last day", () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const end = civilOf(endOfMonth(d));
        return end.day === daysInMonth(end.year, end.month) && end.month === civilOf(d).month;
      }),
    );
  });
});

describe("periods", () => {
  it("labels periods", () => {
    expect(periodOf("quarter", day("2026-07-01")).label).toBe("2026-Q3");
    expect(periodOf("quarter", day("2026-09-30")).label).toBe("2026-Q3");
    expect(periodOf("quarter", day("2026-10-01")).label).toBe("2026-Q4");
    expect(periodOf("month", day("2026-07-15")).label).toBe("2026-07");
    expect(periodOf("year", day("2026-07-15")).label).toBe("2026");
    expect(periodOf("week", day("2026-07-01")).label).toBe("2026-W27");
    expect(periodOf("week", day("2027-01-01")).label).toBe("2026-W53");
  });

  it("bounds quarters", () => {
    expect(formatIsoDate(startOfQuarter(day("2026-08-15")))).toBe("2026-07-01");
    expect(formatIsoDate(endOfQuarter(day("2026-08-15")))).toBe("2026-09-30");
    expect(formatIsoDate(endOfQuarter(day("2028-01-15")))).toBe("2028-03-31");
  });

  it("a period holds the date it was made from", () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom("week", "month", "quarter", "year" as const), (d, unit) => {
        const p = periodOf(unit, d);
        return (
          p.start <= d &&
          d <= p.end &&
          periodOf(unit, p.start).label === p.label &&
          periodOf(unit, p.end).label === p.label
        );
      }),
    );
  });

  it("consecutive periods tile the range without gaps", () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom("week", "month", "quarter", "year" as const),
        (d, span, unit) => {
          const periods = periodsBetween(unit, d, d + span);
          if (periods[0]?.start !== d) return false;
          for (let i = 1; i < periods.length; i++) {
            if (periods[i]!.start !== periods[i - 1]!.end + 1) return false;
          }
          const last = periods[periods.length - 1]!;
          return last.start <= d + span && d + span <= last.end;
        },
      ),
    );
  });

  it("counts and finds periods exactly as periodsBetween lists them", () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: -3, max: 2000 }),
        fc.constantFrom("week", "month", "quarter", "year" as const),
        (d, span, unit) => {
          const periods = periodsBetween(unit, d, d + span);
          if (periodCount(unit, d, d + span) !== periods.length) return false;
          return periods.every((p) => {
            const found = periodEndingOn(unit, d, p.end);
            return found.start === p.start && found.end === p.end && found.label === p.label;
          });
        },
      ),
    );
  });

  it("gives no period before the start", () => {
    expect(periodsBetween("quarter", day("2026-02-13"), day("2026-02-12"))).toEqual([]);
    const ps = periodsBetween("quarter", day("2026-02-13"), day("2026-11-28"));
    expect(ps.map((p) => p.label)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(formatIsoDate(ps[0]!.start)).toBe("2026-02-13");
  });
});

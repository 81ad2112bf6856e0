/**
 * Calendars as data: per covered year, the official days off and the make-up working days
 * (调休上班); a weekend day is a day off unless listed as a working day, a weekday a working day
 * unless listed as a day off. A host hands a calendar in, or adds days to one (a county's own
 * 放假 notice), as plain JSON; both go through zod here and come back as a `Calendar` or as errors.
 */
// zod/mini, as in facts/schema.ts: classic zod would bring its message locales into browser bundles.
import * as z from "zod/mini";
import type { FactError } from "../result.js";
import { cnMainlandCalendarData } from "./data/cn-mainland.js";
import { civilOf, parseIsoDate } from "./dates.js";

/** ISO date → the occasion, e.g. `"2026-10-01": "国庆节"` (the text may be empty). */
export type CalendarDayLabels = Readonly<Record<string, string>>;

export interface CalendarYearData {
  readonly daysOff: CalendarDayLabels;
  readonly workingDays: CalendarDayLabels;
}

/** A calendar as written in JSON: its name, where its days come from, and its years. */
export interface CalendarData {
  readonly name: string;
  readonly source: string;
  /** Keyed by the four-digit year; the years must follow one another without a gap. */
  readonly years: Readonly<Record<string, CalendarYearData>>;
}

declare const validCalendar: unique symbol;

/** A calendar that passed `parseCalendar`: only such calendars can be indexed. */
export type Calendar = CalendarData & { readonly [validCalendar]: true };

/** Days a host, the facts or the parameters add to a calendar. */
export interface CalendarDays {
  readonly daysOff?: CalendarDayLabels;
  readonly workingDays?: CalendarDayLabels;
}

export type CalendarOutcome = { readonly calendar: Calendar } | { readonly errors: readonly FactError[] };

const dayLabelsSchema = z.record(z.string(), z.string());
const yearSchema = z.strictObject({ daysOff: dayLabelsSchema, workingDays: dayLabelsSchema });
const nonEmptyText = z.string().check(z.minLength(1));
const calendarSchema = z.strictObject({
  name: nonEmptyText,
  source: nonEmptyText,
  years: z.record(z.string(), yearSchema),
});
const calendarDaysSchema = z.strictObject({
  daysOff: z.optional(dayLabelsSchema),
  workingDays: z.optional(dayLabelsSchema),
});

/** `calendar.years["2026"].daysOff["2026-10-01"]`: keys that are not identifiers are quoted. */
function pathOf(base: string, segments: readonly PropertyKey[]): string {
  let path = base;
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

function shapeErrors(error: z.core.$ZodError, base: string): FactError[] {
  return error.issues.map((issue): FactError => {
    const path = pathOf(base, issue.path);
    switch (issue.code) {
      case "unrecognized_keys":
        return {
          path: pathOf(path, [issue.keys[0] ?? ""]),
          code: "unknown-field",
          message: { en: `unknown field "${issue.keys[0]}"`, zh: `未声明的字段“${issue.keys[0]}”` },
        };
      case "too_small":
        return {
          path,
          code: "invalid-value",
          message: { en: "expected a non-empty text", zh: "应为非空文本" },
        };
      case "invalid_type": {
        const expected =
          issue.expected === "string" ? { en: "a text", zh: "文本" } : { en: "an object", zh: "对象" };
        return issue.input === undefined
          ? {
              path,
              code: "missing",
              message: { en: `missing: expected ${expected.en}`, zh: `缺少此项：应为${expected.zh}` },
            }
          : {
              path,
              code: "invalid-type",
              message: { en: `expected ${expected.en}`, zh: `应为${expected.zh}` },
            };
      }
      default:
        return { path, code: "invalid-value", message: { en: issue.message, zh: "取值无效" } };
    }
  });
}

/** Checks the dates of one list: real dates, inside the year they are filed under or `inYear`. */
function checkDays(
  labels: CalendarDayLabels,
  path: string,
  inYear: (year: number) => boolean,
  yearText: { en: string; zh: string },
  errors: FactError[],
): void {
  for (const iso of Object.keys(labels)) {
    const day = parseIsoDate(iso);
    const at = pathOf(path, [iso]);
    if (day === undefined) {
      errors.push({
        path: at,
        code: "invalid-date",
        message: {
          en: `"${iso}" is not a calendar date (YYYY-MM-DD)`,
          zh: `“${iso}”不是有效日期（YYYY-MM-DD）`,
        },
      });
    } else if (!inYear(civilOf(day).year)) {
      errors.push({
        path: at,
        code: "date-outside-year",
        message: { en: `${iso} is not in ${yearText.en}`, zh: `${iso} 不在${yearText.zh}内` },
      });
    }
  }
}

function checkDisjoint(
  daysOff: CalendarDayLabels,
  workingDays: CalendarDayLabels,
  path: string,
  errors: FactError[],
) {
  for (const iso of Object.keys(workingDays)) {
    if (Object.hasOwn(daysOff, iso)) {
      errors.push({
        path: pathOf(path, ["workingDays", iso]),
        code: "day-off-and-working-day",
        message: {
          en: `${iso} is listed both as a day off and as a working day`,
          zh: `${iso} 同时列为休息日和工作日`,
        },
      });
    }
  }
}

/** The first and last year a valid calendar covers (every year between them too). */
export function coveredYears(calendar: Calendar): { readonly first: number; readonly last: number } {
  const years = Object.keys(calendar.years).map(Number);
  return { first: Math.min(...years), last: Math.max(...years) };
}

/**
 * Validates a calendar handed in as JSON; `path` prefixes the errors' JSON paths.
 * @example
 * ```ts
 * import { parseCalendar } from "@remit/engine";
 * const county = parseCalendar({
 *   name: "county",
 *   source: "county notice",
 *   years: { "2026": { daysOff: { "2026-10-01": "国庆节" }, workingDays: {} } },
 * });
 * console.log("calendar" in county && county.calendar.name); // county
 * const gap = parseCalendar({
 *   name: "gap",
 *   source: "typo",
 *   years: { "2025": { daysOff: {}, workingDays: {} }, "2027": { daysOff: {}, workingDays: {} } },
 * });
 * console.log("errors" in gap && gap.errors.map((e) => `${e.path}: ${e.code}`)); // [ 'calendar.years: years-not-contiguous' ]
 * ```
 */
export function parseCalendar(input: unknown, path = "calendar"): CalendarOutcome {
  const parsed = calendarSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { errors: shapeErrors(parsed.error, path) };
  const data = parsed.data;
  const errors: FactError[] = [];
  const yearKeys = Object.keys(data.years);
  if (yearKeys.length === 0) {
    errors.push({
      path: pathOf(path, ["years"]),
      code: "invalid-value",
      message: { en: "a calendar covers at least one year", zh: "日历至少覆盖一年" },
    });
  }
  for (const key of yearKeys) {
    if (!/^\d{4}$/.test(key)) {
      errors.push({
        path: pathOf(path, ["years", key]),
        code: "invalid-value",
        message: { en: `"${key}" is not a four-digit year`, zh: `“${key}”不是四位数年份` },
      });
    }
  }
  if (errors.length > 0) return { errors };
  const years = yearKeys.map(Number).sort((a, b) => a - b);
  for (let i = 1; i < years.length; i++) {
    if (years[i] !== years[i - 1]! + 1) {
      errors.push({
        path: pathOf(path, ["years"]),
        code: "years-not-contiguous",
        message: {
          en: `the covered years must follow one another: ${years[i - 1]! + 1} is missing`,
          zh: `覆盖的年份须连续：缺少 ${years[i - 1]! + 1} 年`,
        },
      });
      break;
    }
  }
  for (const key of yearKeys) {
    const year = data.years[key]!;
    const yearPath = pathOf(path, ["years", key]);
    const text = { en: `the year ${key}`, zh: ` ${key} 年` };
    checkDays(year.daysOff, pathOf(yearPath, ["daysOff"]), (y) => y === Number(key), text, errors);
    checkDays(year.workingDays, pathOf(yearPath, ["workingDays"]), (y) => y === Number(key), text, errors);
    checkDisjoint(year.daysOff, year.workingDays, yearPath, errors);
  }
  if (errors.length > 0) return { errors };
  return { calendar: data as Calendar };
}

/**
 * The calendar with `days` added (a county's own 放假 notice, days from the facts or the
 * parameters): an added day off stops being a working day and the reverse; `source` is appended
 * to the calendar's own. Every added day must lie in a covered year.
 * @example
 * ```ts
 * import { builtInCalendars, calendarIndex, parseIsoDate, withCalendarDays } from "@remit/engine";
 * const national = builtInCalendars.get("cn-mainland");
 * const day = parseIsoDate("2026-11-02");
 * if (national === undefined || day === undefined) throw new Error("bad input");
 * const county = withCalendarDays(national, { daysOff: { "2026-11-02": "县庆" } }, "county notice");
 * if ("errors" in county) throw new Error("the days do not fit the calendar");
 * console.log(calendarIndex(national).isWorkingDay(day), calendarIndex(county.calendar).isWorkingDay(day)); // { value: true } { value: false }
 * const outside = withCalendarDays(national, { daysOff: { "2031-01-02": "" } }, "too late");
 * console.log("errors" in outside && outside.errors[0]?.path); // calendarDays.daysOff["2031-01-02"]
 * ```
 */
export function withCalendarDays(
  calendar: Calendar,
  days: unknown,
  source: string,
  path = "calendarDays",
): CalendarOutcome {
  const parsed = calendarDaysSchema.safeParse(days, { reportInput: true });
  if (!parsed.success) return { errors: shapeErrors(parsed.error, path) };
  const daysOff = parsed.data.daysOff ?? {};
  const workingDays = parsed.data.workingDays ?? {};
  const errors: FactError[] = [];
  const { first, last } = coveredYears(calendar);
  const covered = (year: number) => Object.hasOwn(calendar.years, String(year));
  const text = {
    en: `the years ${first}–${last} that "${calendar.name}" covers`,
    zh: `日历“${calendar.name}”覆盖的 ${first}–${last} 年`,
  };
  checkDays(daysOff, pathOf(path, ["daysOff"]), covered, text, errors);
  checkDays(workingDays, pathOf(path, ["workingDays"]), covered, text, errors);
  checkDisjoint(daysOff, workingDays, path, errors);
  if (errors.length > 0) return { errors };

  const years: Record<string, { daysOff: Record<string, string>; workingDays: Record<string, string> }> = {};
  for (const [key, year] of Object.entries(calendar.years)) {
    years[key] = { daysOff: { ...year.daysOff }, workingDays: { ...year.workingDays } };
  }
  for (const [iso, label] of Object.entries(daysOff)) {
    const year = years[iso.slice(0, 4)]!;
    delete year.workingDays[iso];
    year.daysOff[iso] = label;
  }
  for (const [iso, label] of Object.entries(workingDays)) {
    const year = years[iso.slice(0, 4)]!;
    delete year.daysOff[iso];
    year.workingDays[iso] = label;
  }
  return parseCalendar({ name: calendar.name, source: `${calendar.source}; ${source}`, years }, path);
}

function builtIn(data: CalendarData): Calendar {
  const outcome = parseCalendar(data);
  // The shipped data is checked by its own test; reaching this is a broken build, not bad input.
  if ("errors" in outcome) throw new Error(`built-in calendar "${data.name}" is invalid`);
  return outcome.calendar;
}

/**
 * The calendars shipped with the engine, by name.
 * @example
 * ```ts
 * import { builtInCalendars } from "@remit/engine";
 * console.log([...builtInCalendars.keys()]); // [ 'cn-mainland' ]
 * console.log(builtInCalendars.get("cn-mainland")?.years["2026"]?.daysOff["2026-10-01"]); // 国庆节
 * ```
 */
export const builtInCalendars: ReadonlyMap<string, Calendar> = new Map([
  ["cn-mainland", builtIn(cnMainlandCalendarData)],
]);

/**
 * Dates biased to where deadlines fall: a policy date or the evaluation date, moved by a
 * boundary offset (0, ±1, ±7, ±15, ±16, ±30, ±31 days, the policy's own durations and one day
 * either side of them), period ends, and leap days.
 */
import { addDays, addMonths, type EpochDay, formatIsoDate, parseIsoDate } from "@remit/engine";
import fc from "fast-check";
import type { Boundaries } from "./boundaries.js";

/** Day offsets around an anchor that sit on either side of the usual deadline boundaries. */
const baseOffsets = [0, 1, 7, 15, 16, 30, 31];

/** Used when a policy names no date at all. */
const fallbackAnchor = "2026-06-30";

function epoch(text: string): EpochDay {
  const day = parseIsoDate(text);
  if (day === undefined) throw new Error(`not a date: "${text}"`);
  return day;
}

function civil(day: EpochDay): { readonly year: number; readonly month: number } {
  const text = formatIsoDate(day);
  return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) };
}

function endOfMonth(year: number, month: number): EpochDay {
  return addDays(
    addMonths(epoch(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`), 1),
    -1,
  );
}

/** The last day of the month, quarter and year holding `day`. */
export function periodEnds(day: EpochDay): EpochDay[] {
  const { year, month } = civil(day);
  return [endOfMonth(year, month), endOfMonth(year, Math.ceil(month / 3) * 3), endOfMonth(year, 12)];
}

/** The 29th of February of the leap years nearest `day`'s year, and the 28th before each. */
export function leapDays(day: EpochDay): EpochDay[] {
  const { year } = civil(day);
  const out: EpochDay[] = [];
  for (let y = year - 4; y <= year + 4; y++) {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    if (leap) out.push(epoch(`${y}-02-29`), epoch(`${y}-02-28`));
  }
  return out;
}

/** Signed day offsets: the base ones and each exact duration of the policy, ±1. */
export function dayOffsets(boundaries: Boundaries): number[] {
  const magnitudes = new Set(baseOffsets);
  for (const days of boundaries.days)
    for (const d of [days - 1, days, days + 1]) if (d >= 0) magnitudes.add(d);
  const out = new Set<number>();
  for (const m of magnitudes) {
    out.add(m);
    out.add(-m);
  }
  return [...out].sort((a, b) => a - b);
}

export function policyAnchors(boundaries: Boundaries): EpochDay[] {
  const dates = boundaries.dates.length > 0 ? boundaries.dates : [fallbackAnchor];
  return dates.map(epoch);
}

/**
 * A date near one of `anchors`: moved by a boundary offset, by a calendar duration of the policy
 * (and a day either side), to a period end, to a leap day, or anywhere within about a year.
 */
export function dateNear(anchors: readonly EpochDay[], boundaries: Boundaries): fc.Arbitrary<EpochDay> {
  const anchor = fc.constantFrom(...anchors);
  const offsets = dayOffsets(boundaries);
  const months = [...new Set([...boundaries.months, 1, 3, 12])];
  const byOffset = fc.tuple(anchor, fc.constantFrom(...offsets)).map(([a, d]) => addDays(a, d));
  const byMonths = fc
    .tuple(anchor, fc.constantFrom(...months), fc.constantFrom(-1, 1), fc.constantFrom(-1, 0, 1))
    .map(([a, m, sign, day]) => addDays(addMonths(a, sign * m), day));
  const atPeriodEnd = fc
    .tuple(anchor, fc.integer({ min: -12, max: 12 }), fc.constantFrom(-1, 0, 1))
    .chain(([a, m, day]) => fc.constantFrom(...periodEnds(addMonths(a, m)).map((end) => addDays(end, day))));
  const leap = anchor.chain((a) => fc.constantFrom(...leapDays(a)));
  const anywhere = fc.tuple(anchor, fc.integer({ min: -400, max: 400 })).map(([a, d]) => addDays(a, d));
  return fc.oneof(
    { arbitrary: byOffset, weight: 6 },
    { arbitrary: byMonths, weight: 2 },
    { arbitrary: atPeriodEnd, weight: 2 },
    { arbitrary: leap, weight: 1 },
    { arbitrary: anywhere, weight: 2 },
  );
}

export { epoch as epochOf };

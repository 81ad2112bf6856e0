/**
 * A second opinion for the calendar tests: whether a day is a working day read straight from a
 * calendar's lists and the JavaScript weekday, and periods counted one day at a time.
 */
import { type Calendar, coveredYears } from "../calendar/calendars.js";
import { type EpochDay, epochDayOf, formatIsoDate } from "../calendar/dates.js";

export interface NaiveCalendar {
  readonly firstDay: EpochDay;
  readonly lastDay: EpochDay;
  /** undefined outside the covered years. */
  isWorking(day: EpochDay): boolean | undefined;
}

export function naiveCalendar(calendar: Calendar): NaiveCalendar {
  const { first, last } = coveredYears(calendar);
  const firstDay = epochDayOf(first, 1, 1);
  const lastDay = epochDayOf(last, 12, 31);
  // Each day judged once from the lists; the walks below read the verdicts many times.
  const verdicts = new Map<EpochDay, boolean>();
  const judge = (day: EpochDay): boolean => {
    const iso = formatIsoDate(day);
    const year = calendar.years[iso.slice(0, 4)]!;
    if (Object.hasOwn(year.daysOff, iso)) return false;
    if (Object.hasOwn(year.workingDays, iso)) return true;
    const weekday = new Date(day * 86_400_000).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  return {
    firstDay,
    lastDay,
    isWorking(day) {
      if (day < firstDay || day > lastDay) return undefined;
      let verdict = verdicts.get(day);
      if (verdict === undefined) {
        verdict = judge(day);
        verdicts.set(day, verdict);
      }
      return verdict;
    },
  };
}

/** Whether `day` counts towards a period, or undefined when the calendar cannot tell. */
export type CountsTowards = (day: EpochDay) => boolean | undefined;

/**
 * The day on which `amount` counted days after `start` (not counted) are reached, walking one day
 * at a time in `step` direction; undefined when a day on the way cannot be judged.
 */
export function naiveCount(
  start: EpochDay,
  amount: number,
  counts: CountsTowards,
  step: 1 | -1 = 1,
): EpochDay | undefined {
  let day = start;
  for (let counted = 0; counted < amount; ) {
    day += step;
    const verdict = counts(day);
    if (verdict === undefined) return undefined;
    if (verdict) counted++;
  }
  return day;
}

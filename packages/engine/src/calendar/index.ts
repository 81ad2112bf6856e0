export {
  type CivilDate,
  civilOf,
  daysBetween,
  daysInMonth,
  type EpochDay,
  epochDayOf,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
} from "./dates.js";
export {
  addDays,
  addMonths,
  endOfMonth,
  endOfQuarter,
  endOfWeek,
  endOfYear,
  isoWeekOf,
  monthOf,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
  yearOf,
} from "./arithmetic.js";
export { type Period, type PeriodUnit, periodEnd, periodLabel, periodOf, periodStart, periodsBetween } from "./periods.js";

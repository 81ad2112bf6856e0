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
export {
  builtInCalendars,
  type Calendar,
  type CalendarData,
  type CalendarDayLabels,
  type CalendarDays,
  type CalendarOutcome,
  type CalendarYearData,
  coveredYears,
  parseCalendar,
  withCalendarDays,
} from "./calendars.js";
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
  type CountUnit,
  computeDeadline,
  type Deadline,
  type DeadlineSpec,
  type DeadlineStep,
  mergePauses,
  type PausedInterval,
} from "./deadlines.js";
export {
  type Period,
  type PeriodUnit,
  periodEnd,
  periodLabel,
  periodOf,
  periodStart,
  periodsBetween,
} from "./periods.js";
export {
  type CalendarAnswer,
  CalendarIndex,
  calendarIndex,
  isWeekend,
  type Uncovered,
} from "./working-days.js";

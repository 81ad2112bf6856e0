export {
  type CalendarDate,
  daysInMonth,
  isCalendarDate,
  isLeapYear,
  parseCalendarDate,
} from "./calendar-date.js";

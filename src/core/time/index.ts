export type { BusinessCalendar, CalendarData } from './calendar.js';
export {
  CN_PUBLIC_HOLIDAYS,
  createCalendar,
  isWorkingDay,
  isWorkingEpochDay,
  lastWorkingDayOfMonth,
  previousWorkingDay,
  WEEKENDS_ONLY,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from './calendar.js';
export type { LocalDate } from './local-date.js';
export {
  addDays,
  addMonths,
  civilFromDays,
  dateOfInstant,
  dayOfWeek,
  daysFromCivil,
  daysInMonth,
  diffDays,
  endOfMonth,
  epochDayUnchecked,
  fromEpochDay,
  isLeapYear,
  isLocalDate,
  localDate,
  maxDate,
  minDate,
  startOfMonth,
  toEpochDay,
} from './local-date.js';
export type { Adjustment, ScheduleRule } from './schedule.js';
export { expandEpochDays, expandSchedule, parseScheduleRule } from './schedule.js';
export type { IsoWeek } from './weeks.js';
export { formatIsoWeek, isoWeek, startOfWeek } from './weeks.js';

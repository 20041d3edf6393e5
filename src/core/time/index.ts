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
export type { IsoWeek } from './weeks.js';
export { formatIsoWeek, isoWeek, startOfWeek } from './weeks.js';

import { civilFromDays, daysInMonth, fromEpochDay, type LocalDate, localDate, toEpochDay } from './local-date.js';

/**
 * A business-day calendar as data (a setting): the weekend days, the public holidays, and the
 * make-up working days (调休) that fall on a weekend. A make-up day is a working day even on a
 * Saturday or Sunday; a holiday is a non-working day even on a weekday.
 */
export interface CalendarData {
  readonly name: string;
  /** ISO weekdays that are not working days (6 = Saturday, 7 = Sunday). */
  readonly weekend: readonly number[];
  readonly holidays: readonly LocalDate[];
  readonly makeUpWorkdays: readonly LocalDate[];
  /** Years whose arrangement is not yet published: statutory days only, no 调休 (see docs). */
  readonly provisionalYears?: readonly number[];
}

/** A calendar ready for fast look-ups (epoch-day sets). Build once with `createCalendar`. */
export interface BusinessCalendar {
  readonly name: string;
  readonly weekend: ReadonlySet<number>;
  readonly holidays: ReadonlySet<number>;
  readonly makeUpWorkdays: ReadonlySet<number>;
}

const range = (from: LocalDate, to: LocalDate): LocalDate[] => {
  const out: LocalDate[] = [];
  for (let d = toEpochDay(from); d <= toEpochDay(to); d++) out.push(fromEpochDay(d));
  return out;
};

/**
 * Mainland China public holidays (全国年节及纪念日放假办法) and 调休 as the State Council notices
 * announced them: 国办发明电〔2023〕7号 (2024), 〔2024〕12号 (2025), 〔2025〕7号 (2026). Holidays list
 * every day off in a block (weekends included); make-up days are the weekend days worked.
 * 2027 is provisional: only the statutory days (元旦, 春节 除夕–初三, 清明, 劳动节 5/1–2, 端午, 中秋,
 * 国庆 10/1–3) until the notice is published; add its 调休 through the organisation setting.
 */
export const CN_PUBLIC_HOLIDAYS: CalendarData = {
  name: 'CN',
  weekend: [6, 7],
  holidays: [
    // 2024
    '2024-01-01',
    ...range('2024-02-10', '2024-02-17'),
    ...range('2024-04-04', '2024-04-06'),
    ...range('2024-05-01', '2024-05-05'),
    '2024-06-10',
    ...range('2024-09-15', '2024-09-17'),
    ...range('2024-10-01', '2024-10-07'),
    // 2025
    '2025-01-01',
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
    // 2026
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
    // 2027 (provisional: statutory days only)
    '2027-01-01',
    ...range('2027-02-05', '2027-02-08'),
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-06-09',
    '2027-09-15',
    ...range('2027-10-01', '2027-10-03'),
  ],
  makeUpWorkdays: [
    '2024-02-04',
    '2024-02-18',
    '2024-04-07',
    '2024-04-28',
    '2024-05-11',
    '2024-09-14',
    '2024-09-29',
    '2024-10-12',
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
  provisionalYears: [2027],
};

/** Weekends only: the calendar of an organisation that turned the holiday table off. */
export const WEEKENDS_ONLY: CalendarData = { name: 'weekends', weekend: [6, 7], holidays: [], makeUpWorkdays: [] };

/**
 * @example
 * const cal = createCalendar(CN_PUBLIC_HOLIDAYS);
 * isWorkingDay(cal, '2026-02-14') // true: a Saturday worked for the Spring Festival (调休)
 */
export function createCalendar(data: CalendarData, extra: Partial<Omit<CalendarData, 'name'>> = {}): BusinessCalendar {
  const days = (list: readonly LocalDate[]) => new Set(list.map(toEpochDay));
  return {
    name: data.name,
    weekend: new Set(extra.weekend ?? data.weekend),
    holidays: days([...data.holidays, ...(extra.holidays ?? [])]),
    makeUpWorkdays: days([...data.makeUpWorkdays, ...(extra.makeUpWorkdays ?? [])]),
  };
}

/** ISO weekday of an epoch day: 1 = Monday ... 7 = Sunday. */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** Working-day test on an epoch day (hot loops). */
export function isWorkingEpochDay(cal: BusinessCalendar, day: number): boolean {
  if (cal.makeUpWorkdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  return !cal.weekend.has(weekdayOf(day));
}

/** @example isWorkingDay(cal, '2025-10-03') // false (National Day) */
export function isWorkingDay(cal: BusinessCalendar, date: LocalDate): boolean {
  return isWorkingEpochDay(cal, toEpochDay(date));
}

/** The working day on or before an epoch day. */
export function workingDayOnOrBefore(cal: BusinessCalendar, day: number): number {
  let d = day;
  for (let guard = 0; !isWorkingEpochDay(cal, d); guard++, d--) {
    if (guard > 366) throw new RangeError(`calendar ${cal.name} has no working day before ${fromEpochDay(day)}`);
  }
  return d;
}

/** The working day on or after an epoch day. */
export function workingDayOnOrAfter(cal: BusinessCalendar, day: number): number {
  let d = day;
  for (let guard = 0; !isWorkingEpochDay(cal, d); guard++, d++) {
    if (guard > 366) throw new RangeError(`calendar ${cal.name} has no working day after ${fromEpochDay(day)}`);
  }
  return d;
}

/**
 * The last working day strictly before `date`.
 *
 * @example previousWorkingDay(cal, '2025-10-09') // '2025-09-30' (1–8 October off, 10/9 is a Thursday)
 */
export function previousWorkingDay(cal: BusinessCalendar, date: LocalDate): LocalDate {
  return fromEpochDay(workingDayOnOrBefore(cal, toEpochDay(date) - 1));
}

/**
 * The last working day of the month `date` falls in.
 *
 * @example lastWorkingDayOfMonth(cal, '2025-05-10') // '2025-05-30' (5/31 is a Saturday and a holiday)
 */
export function lastWorkingDayOfMonth(cal: BusinessCalendar, date: LocalDate): LocalDate {
  const [y, m] = civilFromDays(toEpochDay(date));
  return fromEpochDay(workingDayOnOrBefore(cal, toEpochDay(localDate(y, m, daysInMonth(y, m)))));
}

import { addDays, civilFromDays, dayOfWeek, type LocalDate, toEpochDay } from './local-date.js';

/** An ISO 8601 week: the week with the year's first Thursday is week 1; weeks start on Monday. */
export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

/** @example isoWeek('2021-01-03') // { year: 2020, week: 53 } */
export function isoWeek(date: LocalDate): IsoWeek {
  const z = toEpochDay(date);
  const dow = dayOfWeek(date);
  const thursday = z + (4 - dow);
  const [year] = civilFromDays(thursday);
  const jan1 = toEpochDay(`${year}-01-01`);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** 'YYYY-Www', e.g. '2026-W05'. */
export function formatIsoWeek(w: IsoWeek): string {
  return `${w.year}-W${w.week < 10 ? '0' : ''}${w.week}`;
}

/**
 * First day of the week containing `date`, for an organisation whose weeks start on
 * `weekStart` (ISO day number: 1 = Monday, 7 = Sunday).
 */
export function startOfWeek(date: LocalDate, weekStart = 1): LocalDate {
  const back = (dayOfWeek(date) - weekStart + 7) % 7;
  return addDays(date, -back);
}

import type { LocalDate } from '../core/time/index.js';

/** The only place the current time is read; core code gets `asOf` instead. */
export interface Clock {
  now(): Date;
  /** Today's calendar date in the organisation's time zone. */
  today(timeZone?: string): LocalDate;
}

/** Chinese SMEs keep their books in China Standard Time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function dateIn(instant: Date, timeZone: string): LocalDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** The wall-clock time 'HH:MM' of an instant in a time zone. */
export function timeOfDayIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant)
    .filter((p) => p.type === 'hour' || p.type === 'minute')
    .map((p) => p.value);
  return parts.join(':');
}

/** The calendar date of an instant in a time zone. */
export function dateOfInstantIn(instant: Date, timeZone: string): LocalDate {
  return dateIn(instant, timeZone);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: (timeZone = DEFAULT_TIME_ZONE) => dateIn(new Date(), timeZone),
};

/** A clock stopped at one instant, for tests and reproducible runs. */
export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => new Date(instant), today: (timeZone = DEFAULT_TIME_ZONE) => dateIn(instant, timeZone) };
}

/**
 * Calendar dates as 'YYYY-MM-DD' strings (they sort as dates, in code and in both databases).
 * Arithmetic goes through epoch days (days since 1970-01-01) with Howard Hinnant's civil-date
 * algorithms: integer-only, no Date object and no time zone, so it is fast and cannot drift.
 *
 * Tricky cases, written down once:
 * - month arithmetic clamps to the month's last day: 2025-01-31 + 1 month = 2025-02-28;
 * - 2024-02-29 + 1 year = 2025-02-28;
 * - years before 1900 or after 2199 are rejected as input: they are typos in accounting data.
 */
export type LocalDate = string;

const RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The (year, month, day) of an epoch day. */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True when the text is a real 'YYYY-MM-DD' date between 1900 and 2199. */
export function isLocalDate(text: string): text is LocalDate {
  const m = RE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Builds a date from parts; the caller guarantees they are valid. */
export function localDate(y: number, m: number, d: number): LocalDate {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Epoch day of a LocalDate. Throws on a malformed string (an invariant: validate at the edge). */
export function toEpochDay(date: LocalDate): number {
  const m = RE.exec(date);
  if (!m) throw new RangeError(`not a LocalDate: ${date}`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Fast epoch day for a string already known to be 'YYYY-MM-DD' (hot loops): `daysFromCivil` in
 * integer arithmetic, which is exact for the years a LocalDate allows (1900-2199).
 */
export function epochDayUnchecked(date: string): number {
  const y =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  const yy = m <= 2 ? y - 1 : y;
  const era = (yy / 400) | 0;
  const yoe = yy - era * 400;
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1;
  return era * 146097 + yoe * 365 + (yoe >> 2) - ((yoe / 100) | 0) + doy - 719468;
}

export function fromEpochDay(day: number): LocalDate {
  const [y, m, d] = civilFromDays(day);
  return localDate(y, m, d);
}

/** @example addDays('2025-12-30', 3) // '2026-01-02' */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** Adds months, clamping to the last day of the target month. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = civilFromDays(toEpochDay(date));
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return localDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function startOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: LocalDate): LocalDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return localDate(y, m, daysInMonth(y, m));
}

/** ISO day of week: 1 = Monday ... 7 = Sunday. */
export function dayOfWeek(date: LocalDate): number {
  const z = toEpochDay(date);
  // 1970-01-01 was a Thursday (4).
  return ((((z + 3) % 7) + 7) % 7) + 1;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** The instant `iso` (UTC) as the calendar date in UTC. */
export function dateOfInstant(iso: string): LocalDate {
  return iso.slice(0, 10);
}

import { daysInMonth, fromEpochDay, localDate } from '../core/time/index.js';
import type { DateOrder } from './types.js';

/**
 * The one grammar of dates written as text (CSV cells, Excel text cells) and of Excel serial days.
 * What it reads, on purpose, is listed in docs/import.md ("Values"); everything else is refused.
 */

/** Excel's day 0 in the 1900 date system (the 1900 leap-year bug puts it on 1899-12-30). */
const EXCEL_EPOCH_DAY = -25569;
/** Years a date may have: older or later dates in business records are typing mistakes. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
/**
 * Excel serial days read as dates: 1950-01-01 (18264) to 2199-12-31 (109574). A smaller number
 * in a date column is not a date someone meant (and before 1900-03-01 Excel's serials are wrong).
 */
export const MIN_EXCEL_SERIAL = 18_264;
export const MAX_EXCEL_SERIAL = 109_574;

/** Why a date was refused: 'time' when the date is right but the time after it is not a time. */
export type DateRefusal = 'syntax' | 'ambiguous' | 'time' | 'range';

export type DateParse = { ok: true; date: string } | { ok: false; reason: DateRefusal };

const refused = {
  syntax: { ok: false, reason: 'syntax' },
  ambiguous: { ok: false, reason: 'ambiguous' },
  time: { ok: false, reason: 'time' },
  range: { ok: false, reason: 'range' },
} as const satisfies Record<DateRefusal, DateParse>;

function build(y: number, m: number, d: number): DateParse {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return refused.syntax;
  if (y < MIN_YEAR || y > MAX_YEAR) return refused.range;
  return { ok: true, date: localDate(y, m, d) };
}

/** Year first: 2025-08-31, 2025/8/31, 2025.8.31 (one separator throughout), 2025年8月31日. */
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YEAR_FIRST_ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
/** Day or month first, four-digit year last: 31/08/2025, 31.08.2025, 31-08-2025. */
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5,6}$/;
/** A time after a date: HH:MM, HH:MM:SS, with fractions of a second and a zone; checked for range. */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads the date forms accounting exports use: 2025-08-31, 2025/8/31, 2025.8.31, 2025年8月31日,
 * 20250831, an Excel serial day in range (45900), and d/m/y or m/d/y when `order` says which (or
 * when only one reading is a real date). A time after the date (`2025-08-31 00:00:00`,
 * `2025-08-31T13:45:00Z`) must be a real time and is then dropped. Signs, other separators and
 * any other text are refused. The text must already be half-width and trimmed (see `normaliseText`).
 *
 * @example
 * parseDate('2025年8月31日', null) // { ok: true, date: '2025-08-31' }
 * parseDate('2026-02-28T25:00:00', null) // { ok: false, reason: 'time' }
 */
export function parseDate(text: string, order: DateOrder | null): DateParse {
  if (isIsoShape(text)) return isoDate(text);
  if (text.length === 0 || text.length > 40) return refused.syntax;
  const cut = text.search(/[ T]/);
  const day = cut === -1 ? text : text.slice(0, cut);
  if (cut !== -1 && !YEAR_FIRST_ZH.test(text)) {
    const time = TIME.exec(text.slice(cut + 1).trim());
    if (!time) return refused.syntax;
    const [h, m, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) return isDay(day, order) ? refused.time : refused.syntax;
  }
  return readDay(cut === -1 || YEAR_FIRST_ZH.test(text) ? text : day, order);
}

function isDay(text: string, order: DateOrder | null): boolean {
  return readDay(text, order).ok;
}

function readDay(t: string, order: DateOrder | null): DateParse {
  if (isIsoShape(t)) return isoDate(t);
  let m = YEAR_FIRST.exec(t);
  if (m) return build(Number(m[1]), Number(m[3]), Number(m[4]));
  m = YEAR_FIRST_ZH.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(t)) return excelSerial(Number(t));
  m = YEAR_LAST.exec(t);
  if (m) return dayMonth(Number(m[1]), Number(m[3]), Number(m[4]), order);
  return refused.syntax;
}

/** 'YYYY-MM-DD' by character codes: the common case, without regex or splitting. */
function isIsoShape(t: string): boolean {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) {
    const c = t.charCodeAt(i);
    if ((c < 48 || c > 57) && i !== 4 && i !== 7) return false;
  }
  return true;
}

function isoDate(t: string): DateParse {
  const y =
    (t.charCodeAt(0) - 48) * 1000 + (t.charCodeAt(1) - 48) * 100 + (t.charCodeAt(2) - 48) * 10 + t.charCodeAt(3) - 48;
  const m = (t.charCodeAt(5) - 48) * 10 + t.charCodeAt(6) - 48;
  const d = (t.charCodeAt(8) - 48) * 10 + t.charCodeAt(9) - 48;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return refused.syntax;
  if (y < MIN_YEAR || y > MAX_YEAR) return refused.range;
  return { ok: true, date: t };
}

/**
 * An Excel serial day number (1900 system) as a date, when it is a whole number from
 * `MIN_EXCEL_SERIAL` to `MAX_EXCEL_SERIAL`; a time of day (the fraction) is dropped.
 *
 * @example
 * excelSerial(45900) // { ok: true, date: '2025-08-31' }
 * excelSerial(-5) // { ok: false, reason: 'range' }
 */
export function excelSerial(serial: number): DateParse {
  if (!Number.isFinite(serial)) return refused.syntax;
  const day = Math.floor(serial);
  if (day < MIN_EXCEL_SERIAL || day > MAX_EXCEL_SERIAL) return refused.range;
  return { ok: true, date: fromEpochDay(day + EXCEL_EPOCH_DAY) };
}

function dayMonth(a: number, b: number, y: number, order: DateOrder | null): DateParse {
  if (order === 'dmy') return build(y, b, a);
  if (order === 'mdy') return build(y, a, b);
  const dmy = build(y, b, a);
  const mdy = build(y, a, b);
  if (dmy.ok && mdy.ok) return a === b ? dmy : refused.ambiguous;
  return dmy.ok ? dmy : mdy;
}

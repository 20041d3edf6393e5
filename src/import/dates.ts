import { daysInMonth, fromEpochDay, localDate } from '../core/time/index.js';
import type { DateOrder } from './types.js';

/** Excel's day 0 in the 1900 date system (the 1900 leap-year bug puts it on 1899-12-30). */
const EXCEL_EPOCH_DAY = -25569;

export type DateParse = { ok: true; date: string } | { ok: false; ambiguous: boolean };

const BAD: DateParse = { ok: false, ambiguous: false };

function build(y: number, m: number, d: number): DateParse {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return BAD;
  return { ok: true, date: localDate(y, m, d) };
}

/** Splits into runs of ASCII digits; anything else separates (年, 月, /, -, ., spaces). */
function digitRuns(text: string): string[] {
  const runs: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) cur += text[i];
    else if (cur) {
      runs.push(cur);
      cur = '';
    }
  }
  if (cur) runs.push(cur);
  return runs;
}

function allowedSeparators(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || '-/. 年月日T:'.includes(ch)) continue;
    return false;
  }
  return true;
}

/**
 * Reads the date forms accounting exports use: 2025-08-31, 2025/8/31, 2025.8.31, 2025年8月31日,
 * 20250831, an Excel serial day (45900), and d/m/y or m/d/y when `order` says which (or when
 * only one reading is a real date). A time part after the date ('2025-08-31 00:00:00') is ignored.
 * The text must already be ASCII digits (see `normaliseText`).
 *
 * @example
 * parseDate('2025年8月31日', null) // { ok: true, date: '2025-08-31' }
 */
export function parseDate(text: string, order: DateOrder | null): DateParse {
  if (isIsoShape(text)) return isoDate(text);
  const t = text.trim();
  if (t.length === 0 || t.length > 40 || !allowedSeparators(t)) return BAD;
  const runs = digitRuns(t.split(/[ T]/)[0] ?? '');
  if (runs.length === 1) return single(runs[0] as string);
  if (runs.length !== 3) return BAD;
  const [a, b, c] = runs as [string, string, string];
  if (a.length === 4) return build(Number(a), Number(b), Number(c));
  if (c.length !== 4) return BAD;
  return dayMonth(Number(a), Number(b), Number(c), order);
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
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return BAD;
  return { ok: true, date: t };
}

function single(run: string): DateParse {
  if (run.length === 8) return build(Number(run.slice(0, 4)), Number(run.slice(4, 6)), Number(run.slice(6, 8)));
  if (run.length >= 1 && run.length <= 5) return excelSerial(Number(run));
  return BAD;
}

/** An Excel serial day number (1900 system) as a date. */
export function excelSerial(serial: number): DateParse {
  if (!Number.isInteger(serial) || serial < 1 || serial > 109_574) return BAD;
  return { ok: true, date: fromEpochDay(serial + EXCEL_EPOCH_DAY) };
}

function dayMonth(a: number, b: number, y: number, order: DateOrder | null): DateParse {
  if (order === 'dmy') return build(y, b, a);
  if (order === 'mdy') return build(y, a, b);
  const dmy = build(y, b, a);
  const mdy = build(y, a, b);
  if (dmy.ok && mdy.ok) return a === b ? dmy : { ok: false, ambiguous: true };
  return dmy.ok ? dmy : mdy;
}

import { isCurrencyCode, minorUnits } from '../../core/money/index.js';
import { daysInMonth, localDate } from '../../core/time/index.js';
import { BankFileError } from './types.js';

/**
 * A decimal amount as banks write it (`7,5`, `0,`, `380115,12`, `18.150`, `-1,234.56` in OFX) to
 * minor units of `currency`, without float arithmetic. Zeros beyond the currency's decimals are
 * dropped; other digits there are refused, as is any other text.
 */
export function bankAmountMinor(text: string, currency: string, where: { line: number; field: string }): number {
  const t = text.trim().replace(/^\+/, '');
  const m = /^(-)?(\d*)(?:[.,](\d*))?$/.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    throw new BankFileError('BANK_BAD_AMOUNT', { ...where, value: text.trim() });
  }
  if (!/^[A-Z]{3}$/.test(currency)) throw new BankFileError('BANK_BAD_CURRENCY', { ...where, value: currency });
  // A code the money module does not list (a legacy DEM) reads with two decimals; storing it is refused later.
  const digits = isCurrencyCode(currency) ? minorUnits(currency) : 2;
  let frac = m[3] ?? '';
  while (frac.length > digits && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (frac.length > digits) throw new BankFileError('BANK_BAD_AMOUNT', { ...where, value: text.trim() });
  const minor = Number((m[2] || '0') + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) throw new BankFileError('BANK_BAD_AMOUNT', { ...where, value: text.trim() });
  return m[1] ? -minor || 0 : minor;
}

/**
 * A calendar date from its parts. A day past the month's end (a bank's `160230`) is the month's
 * last day, as banks mean it for interest postings; a month outside 1–12 is refused.
 */
export function bankDate(
  year: number,
  month: number,
  day: number,
  where: { line: number; field: string; value: string },
): string {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1900 && year <= 2199)) {
    throw new BankFileError('BANK_BAD_DATE', where);
  }
  return localDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** `YYMMDD` (SWIFT) to a date in 2000–2099 … 1980–1999 for years 80–99. */
export function swiftDate(text: string, where: { line: number; field: string }): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw new BankFileError('BANK_BAD_DATE', { ...where, value: text });
  const yy = Number(m[1]);
  return bankDate(yy >= 80 ? 1900 + yy : 2000 + yy, Number(m[2]), Number(m[3]), { ...where, value: text });
}

/** The date part of an ISO date or date-time (`2014-12-31`, `2014-12-31T12:15:00+01:00`). */
export function isoDatePart(text: string, where: { line: number; field: string }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!m) throw new BankFileError('BANK_BAD_DATE', { ...where, value: text });
  return bankDate(Number(m[1]), Number(m[2]), Number(m[3]), { ...where, value: text });
}

/** Collapses runs of white space and trims; null for nothing left. */
export function cleanText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = String(text).replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

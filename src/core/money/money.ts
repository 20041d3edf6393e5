import { type CurrencyCode, isCurrencyCode, minorUnits } from './currency.js';
import { type RoundingMode, roundWith } from './rounding.js';

/** An amount of money in integer minor units (fen, cents) of one currency. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/** Thrown when code tries to combine two currencies or leaves the safe-integer range: a bug. */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

function checkSafe(amountMinor: number): number {
  if (!Number.isSafeInteger(amountMinor)) throw new MoneyError(`amount ${amountMinor} is not a safe integer`);
  return amountMinor;
}

/**
 * Builds a Money value, guarding the integer and the currency.
 *
 * @example
 * money(123456, 'CNY') // ¥1,234.56
 */
export function money(amountMinor: number, currency: CurrencyCode): Money {
  if (!isCurrencyCode(currency)) throw new MoneyError(`unknown currency ${currency}`);
  return { amountMinor: checkSafe(amountMinor) || 0, currency };
}

export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`cannot combine ${a.currency} with ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: checkSafe(a.amountMinor + b.amountMinor), currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: checkSafe(a.amountMinor - b.amountMinor), currency: a.currency };
}

export function negate(a: Money): Money {
  return { amountMinor: -a.amountMinor || 0, currency: a.currency };
}

/** Sums amounts of one currency; an empty list sums to zero of `currency`. */
export function sum(items: readonly Money[], currency: CurrencyCode): Money {
  let total = 0;
  for (const m of items) {
    if (m.currency !== currency) throw new MoneyError(`cannot combine ${currency} with ${m.currency}`);
    total += m.amountMinor;
  }
  return money(total, currency);
}

/**
 * Multiplies by a real factor (a rate, a share) and rounds with an explicit mode.
 *
 * @example
 * multiply(money(1000, 'CNY'), 0.9) // 900 fen
 */
export function multiply(a: Money, factor: number, mode: RoundingMode = 'halfEven'): Money {
  if (!Number.isFinite(factor)) throw new MoneyError(`factor ${factor} is not finite`);
  return money(roundWith(a.amountMinor * factor, mode), a.currency);
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export const isZero = (a: Money): boolean => a.amountMinor === 0;
export const isNegative = (a: Money): boolean => a.amountMinor < 0;

/**
 * Splits an amount by ratios with the largest-remainder method: the parts always sum to the
 * whole, and no minor unit is lost. Ratios must be non-negative and not all zero.
 *
 * @example
 * allocate(money(100, 'CNY'), [1, 1, 1]) // 34, 33, 33
 */
export function allocate(a: Money, ratios: readonly number[]): Money[] {
  return allocateMinor(a.amountMinor, ratios).map((m) => ({ amountMinor: m, currency: a.currency }));
}

/** `allocate` on a bare integer; exported for typed-array code paths. */
export function allocateMinor(total: number, ratios: readonly number[]): number[] {
  checkSafe(total);
  if (ratios.length === 0) throw new MoneyError('allocate needs at least one ratio');
  let ratioSum = 0;
  for (const r of ratios) {
    if (!(r >= 0) || !Number.isFinite(r)) throw new MoneyError(`ratio ${r} must be finite and non-negative`);
    ratioSum += r;
  }
  if (ratioSum === 0) throw new MoneyError('allocate needs a positive ratio');
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const parts = new Array<number>(ratios.length);
  const remainders = new Array<number>(ratios.length);
  let allocated = 0;
  for (let i = 0; i < ratios.length; i++) {
    const exact = (abs * (ratios[i] as number)) / ratioSum;
    const floor = Math.floor(exact);
    parts[i] = floor;
    remainders[i] = exact - floor;
    allocated += floor;
  }
  let left = abs - allocated;
  // Give the leftover units to the largest remainders; ties go to the earlier part.
  const order = remainders
    .map((_r, i) => i)
    .sort((x, y) => (remainders[y] as number) - (remainders[x] as number) || x - y);
  for (let k = 0; left > 0; k++, left--) {
    const i = order[k % order.length] as number;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts.map((p) => sign * p || 0);
}

/**
 * `allocateMinor(total, [1, 1, …])` without building ratios or sorting: `count` equal parts by the
 * largest-remainder method (every remainder ties, so the earlier parts take the leftover units).
 * For hot loops that split one amount over equally likely dates.
 *
 * @example
 * splitEvenly(100, 3) // [34, 33, 33]
 */
export function splitEvenly(total: number, count: number): number[] {
  checkSafe(total);
  if (!Number.isInteger(count) || count < 1) throw new MoneyError(`cannot split into ${count} parts`);
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const each = Math.floor(abs / count);
  const left = abs - each * count;
  const parts = new Array<number>(count);
  for (let i = 0; i < count; i++) parts[i] = sign * (i < left ? each + 1 : each) || 0;
  return parts;
}

/**
 * Parses a plain decimal string ('1234.56', '-0.5') into minor units without float error.
 * Returns undefined when the text is not a decimal with at most the currency's decimals.
 */
export function parseMinor(text: string, currency: CurrencyCode): number | undefined {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const digits = minorUnits(currency);
  const frac = m[3] ?? '';
  if (frac.length > digits) return undefined;
  const minor = Number((m[2] ?? '0') + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return undefined;
  return m[1] ? -minor || 0 : minor;
}

/**
 * Formats minor units as a plain decimal string with the currency's decimals ('1234.56').
 *
 * @example
 * formatMinor(-5, 'CNY') // '-0.05'
 */
export function formatMinor(amountMinor: number, currency: CurrencyCode): string {
  const digits = minorUnits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Converts minor units to a major-unit number, for display and statistics only, never for sums. */
export function toMajor(a: Money): number {
  return a.amountMinor / 10 ** minorUnits(a.currency);
}

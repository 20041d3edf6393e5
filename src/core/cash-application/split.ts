import { type CurrencyCode, formatMinor, isCurrencyCode, parseMinor } from '../money/index.js';

/** One row of a split as a person types it: a document number and an amount in decimals. */
export interface SplitRow {
  readonly number: string;
  readonly amount: string;
}

export type SplitCheck =
  | {
      readonly ok: true;
      readonly allocations: Array<{ number: string; amountMinor: number }>;
      readonly totalMinor: number;
    }
  | {
      readonly ok: false;
      readonly code: 'MATCH_SPLIT_EMPTY' | 'MATCH_SPLIT_NUMBER' | 'MATCH_SPLIT_AMOUNT' | 'MATCH_SPLIT_OVER';
      /** 1-based row the problem is in (0 for the whole split). */
      readonly row: number;
      readonly value?: string;
      readonly expected?: string;
    };

/**
 * Reads a split of one payment over several invoices or bills, to the minor unit: every row needs
 * a number and a positive amount with at most the currency's decimals (thousands separators
 * allowed), no number twice, and the amounts together may not pass the payment. Empty rows are
 * skipped. The server checks the same again against what is open (`validateSettlement`).
 *
 * @example
 * checkSplit(120000, 'CNY', [{ number: 'WX-7', amount: '600.00' }, { number: 'WX-8', amount: '600.01' }])
 * // { ok: false, code: 'MATCH_SPLIT_OVER', row: 0, value: '1200.01', expected: '1200.00' }
 */
export function checkSplit(paymentMinor: number, currency: string, rows: readonly SplitRow[]): SplitCheck {
  if (!isCurrencyCode(currency)) return { ok: false, code: 'MATCH_SPLIT_AMOUNT', row: 0, value: currency };
  const ccy: CurrencyCode = currency;
  const allocations: Array<{ number: string; amountMinor: number }> = [];
  const seen = new Set<string>();
  let total = 0;
  for (const [i, r] of rows.entries()) {
    const number = r.number.trim();
    const text = r.amount.trim().replace(/[,\s]/g, '');
    if (number === '' && text === '') continue;
    if (number === '' || seen.has(number)) return { ok: false, code: 'MATCH_SPLIT_NUMBER', row: i + 1, value: number };
    const minor = parseMinor(text, ccy);
    if (minor === undefined || minor <= 0)
      return { ok: false, code: 'MATCH_SPLIT_AMOUNT', row: i + 1, value: r.amount.trim() };
    seen.add(number);
    allocations.push({ number, amountMinor: minor });
    total += minor;
  }
  if (allocations.length === 0) return { ok: false, code: 'MATCH_SPLIT_EMPTY', row: 0 };
  if (total > paymentMinor)
    return {
      ok: false,
      code: 'MATCH_SPLIT_OVER',
      row: 0,
      value: formatMinor(total, ccy),
      expected: formatMinor(paymentMinor, ccy),
    };
  return { ok: true, allocations, totalMinor: total };
}

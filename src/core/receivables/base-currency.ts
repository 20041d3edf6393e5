import { convert, type FxTable, money } from '../money/index.js';
import { fail, ok, type Result } from '../shared/index.js';
import type { LocalDate } from '../time/index.js';

/** What a base-currency view needs: the organisation's base currency and its rate table. */
export interface BaseCurrency {
  readonly currency: string;
  readonly fx: FxTable;
}

/** A rate used for a conversion, reported beside the converted figures. */
export interface RateUsed {
  readonly currency: string;
  /** 1 unit of `currency` = `rate` units of the base currency. */
  readonly rate: number;
}

/**
 * The rate 1 `from` = ? base on or before `on`, with the base currency as pivot. A missing rate is
 * an `AR_FX_RATE_MISSING` error naming the currency pair and date, never a silent 1.
 *
 * @example
 * rateToBase(new FxTable([{ on: '2026-01-01', base: 'USD', quote: 'CNY', rate: 7.1 }]), 'USD', 'CNY', '2026-03-31')
 * // ok(7.1)
 */
export function rateToBase(fx: FxTable, from: string, base: string, on: LocalDate): Result<number> {
  const rate = fx.rate(from, base, on, base);
  if (rate === undefined) return fail('AR_FX_RATE_MISSING', { from, to: base, on });
  return ok(rate);
}

/** Rates to base for several currencies on one date; the first missing one (alphabetically) fails. */
export function ratesToBase(
  currencies: Iterable<string>,
  base: BaseCurrency,
  on: LocalDate,
): Result<Map<string, number>> {
  const rates = new Map<string, number>();
  for (const currency of [...new Set(currencies)].sort()) {
    const r = rateToBase(base.fx, currency, base.currency, on);
    if (!r.ok) return r;
    rates.set(currency, r.value);
  }
  return ok(rates);
}

/**
 * Converts minor units of `from` into minor units of `to` at `rate`, half-even, through
 * `convert` so the two currencies' minor units are respected.
 *
 * @example
 * toBaseMinor(10000, 'USD', 'CNY', 7.1) // 71000
 */
export function toBaseMinor(amountMinor: number, from: string, to: string, rate: number): number {
  if (from === to || amountMinor === 0) return amountMinor;
  return convert(money(amountMinor, from), to, rate).amountMinor;
}

/** The rates as a sorted list for a report. */
export function listRates(rates: ReadonlyMap<string, number>): RateUsed[] {
  return [...rates].map(([currency, rate]) => ({ currency, rate })).sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

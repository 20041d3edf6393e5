import type { CurrencyCode } from './currency.js';
import { minorUnits } from './currency.js';
import { type Money, MoneyError, money } from './money.js';
import { type RoundingMode, roundWith } from './rounding.js';

/** A quoted rate: 1 unit of `base` = `rate` units of `quote`, on `on` (YYYY-MM-DD). */
export interface FxRate {
  readonly on: string;
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
  readonly rate: number;
}

/**
 * Converts money at a rate quoted as 1 `from` = rate `to`, with an explicit rounding mode,
 * respecting the two currencies' minor units.
 *
 * @example
 * convert(money(10000, 'USD'), 'CNY', 7.1) // 71000 fen
 */
export function convert(a: Money, to: CurrencyCode, rate: number, mode: RoundingMode = 'halfEven'): Money {
  if (a.currency === to) return a;
  if (!(rate > 0) || !Number.isFinite(rate)) throw new MoneyError(`rate ${rate} must be positive`);
  const scale = 10 ** (minorUnits(to) - minorUnits(a.currency));
  return money(roundWith(a.amountMinor * rate * scale, mode), to);
}

/**
 * A table of rates that answers the latest rate on or before a date, directly, inverted or
 * across a pivot currency (the base currency). Built once; look-ups are binary searches.
 */
export class FxTable {
  private readonly series = new Map<string, { on: string[]; rate: number[] }>();

  constructor(rates: readonly FxRate[]) {
    const sorted = [...rates].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const r of sorted) {
      this.push(`${r.base}/${r.quote}`, r.on, r.rate);
      this.push(`${r.quote}/${r.base}`, r.on, 1 / r.rate);
    }
  }

  private push(key: string, on: string, rate: number): void {
    let s = this.series.get(key);
    if (!s) {
      s = { on: [], rate: [] };
      this.series.set(key, s);
    }
    if (s.on.length > 0 && s.on[s.on.length - 1] === on) s.rate[s.rate.length - 1] = rate;
    else {
      s.on.push(on);
      s.rate.push(rate);
    }
  }

  private direct(from: CurrencyCode, to: CurrencyCode, on: string): number | undefined {
    const s = this.series.get(`${from}/${to}`);
    if (!s) return undefined;
    let lo = 0;
    let hi = s.on.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((s.on[mid] as string) <= on) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 ? s.rate[found] : undefined;
  }

  /** The rate 1 `from` = ? `to` on or before `on`, via `pivot` when there is no direct quote. */
  rate(from: CurrencyCode, to: CurrencyCode, on: string, pivot?: CurrencyCode): number | undefined {
    if (from === to) return 1;
    const d = this.direct(from, to, on);
    if (d !== undefined || !pivot || pivot === from || pivot === to) return d;
    const a = this.direct(from, pivot, on);
    const b = this.direct(pivot, to, on);
    return a !== undefined && b !== undefined ? a * b : undefined;
  }
}

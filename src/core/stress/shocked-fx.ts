import { type CurrencyCode, FxTable } from '../money/index.js';

/**
 * An FX table with one currency moved by `change` against every other (+0.1 = the currency 10 %
 * stronger): the forecast converts invoices, bills and opening cash through it, so a currency shock
 * revalues foreign receivables, payables and foreign-currency cash alike.
 *
 * @example new ShockedFxTable(fx, 'USD', -0.1).rate('USD', 'CNY', '2026-03-01') // 0.9 × the USD rate
 */
export class ShockedFxTable extends FxTable {
  constructor(
    private readonly inner: FxTable,
    private readonly currency: string,
    private readonly change: number,
  ) {
    super([]);
  }

  override rate(from: CurrencyCode, to: CurrencyCode, on: string, pivot?: CurrencyCode): number | undefined {
    const r = this.inner.rate(from, to, on, pivot);
    if (r === undefined || from === to) return r;
    if (from === this.currency) return r * (1 + this.change);
    if (to === this.currency) return r / (1 + this.change);
    return r;
  }
}

import { type FxTable, minorUnits, roundWith } from '../money/index.js';

/**
 * Converts document amounts into the base currency at the rate on `asOf` (the latest on or
 * before it), shifted by the scenario's `fxShift`. One look-up per currency, then a multiply.
 * Returns null when there is no rate: the caller excludes the amount and reports the currency.
 */
export class BaseConverter {
  private readonly factors = new Map<string, number | null>();
  readonly missing = new Set<string>();

  constructor(
    private readonly fx: FxTable,
    readonly base: string,
    private readonly asOf: string,
    private readonly shift: number,
  ) {}

  /** @example new BaseConverter(fx, 'CNY', '2026-03-01', 0).toBase(100_00, 'USD') // 7_10_00 at 7.1 */
  toBase(amountMinor: number, currency: string): number | null {
    if (currency === this.base) return amountMinor;
    let factor = this.factors.get(currency);
    if (factor === undefined) {
      const rate = this.fx.rate(currency, this.base, this.asOf, this.base);
      factor =
        rate === undefined ? null : rate * (1 + this.shift) * 10 ** (minorUnits(this.base) - minorUnits(currency));
      this.factors.set(currency, factor);
    }
    if (factor === null) {
      this.missing.add(currency);
      return null;
    }
    return roundWith(amountMinor * factor, 'halfEven');
  }
}

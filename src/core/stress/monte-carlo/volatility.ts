import type { CurrencyCode, FxTable } from '../../money/index.js';
import { addMonths, type LocalDate } from '../../time/index.js';

/**
 * Monthly volatility of a currency against the base: the standard deviation of the log changes of
 * its rate over the `months` month-steps back from `asOf` (the latest rate on or before each
 * date). 0 when fewer than three changes are known.
 *
 * @example fxMonthlyVolatility(fx, 'USD', 'CNY', '2026-12-08') // ≈ 0.012 for a currency moving ±1.2 % a month
 */
export function fxMonthlyVolatility(
  fx: FxTable,
  currency: CurrencyCode,
  base: CurrencyCode,
  asOf: LocalDate,
  months = 24,
): number {
  const rates: number[] = [];
  for (let k = months; k >= 0; k--) {
    const r = fx.rate(currency, base, addMonths(asOf, -k), base);
    if (r !== undefined && r > 0) rates.push(r);
  }
  const logs: number[] = [];
  for (let i = 1; i < rates.length; i++) {
    const prev = rates[i - 1] as number;
    const cur = rates[i] as number;
    if (cur !== prev || logs.length > 0) logs.push(Math.log(cur / prev));
  }
  if (logs.length < 3) return 0;
  const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
  return Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1));
}

import type { FxRateRecord } from '../../core/model/index.js';
import { FxTable } from '../../core/money/index.js';
import type { Rng } from '../../core/shared/random.js';
import { type BusinessCalendar, fromEpochDay, isWorkingEpochDay } from '../../core/time/index.js';
import type { DemoOptions } from './options.js';

/** Rates of each working day (1 unit = rate CNY), and the rate on a day as the product reads it. */
export interface FxSeries {
  readonly records: readonly FxRateRecord[];
  /** CNY per unit of `currency` on epoch day `day` (1 for CNY). */
  rateOn(currency: string, day: number): number;
}

/** Mean-reverting random walk (discrete Ornstein-Uhlenbeck) around `centre`. */
function walk(rng: Rng, days: number, centre: number, dailySd: number): Float64Array {
  const out = new Float64Array(days);
  let x = centre + rng.normal(0, 0.05);
  for (let i = 0; i < days; i++) {
    x += 0.01 * (centre - x) + rng.normal(0, dailySd);
    out[i] = Math.round(x * 10_000) / 10_000;
  }
  return out;
}

/**
 * USD/CNY around 7.1 and EUR/CNY around 7.8 over the demo's history, one quote per working day
 * of the business calendar (no quote on weekends and public holidays).
 *
 * @example
 * generateFxRates(opts, rng, demoCalendar()).rateOn('USD', opts.endDay) // ≈ 7.1
 */
export function generateFxRates(opts: DemoOptions, rng: Rng, cal: BusinessCalendar): FxSeries {
  const days = opts.endDay - opts.startDay + 1;
  const series: Record<string, Float64Array> = {
    USD: walk(rng.fork('USD'), days, 7.1, 0.012),
    EUR: walk(rng.fork('EUR'), days, 7.8, 0.018),
  };
  const records: FxRateRecord[] = [];
  for (let i = 0; i < days; i++) {
    const day = opts.startDay + i;
    if (!isWorkingEpochDay(cal, day)) continue;
    const on = fromEpochDay(day);
    for (const base of ['USD', 'EUR']) {
      records.push({ on, base, quote: 'CNY', rate: (series[base] as Float64Array)[i] as number });
    }
  }
  // Rates are read as the product reads them: the latest quote on or before the day (core's FxTable);
  // before the first quote, the first one.
  const table = new FxTable(records);
  const first = (currency: string) => records.find((r) => r.base === currency)?.rate;
  return {
    records,
    rateOn(currency: string, day: number): number {
      if (currency === 'CNY') return 1;
      const rate = table.rate(currency, 'CNY', fromEpochDay(day)) ?? first(currency);
      if (rate === undefined) throw new RangeError(`no demo rate for ${currency}`);
      return rate;
    },
  };
}

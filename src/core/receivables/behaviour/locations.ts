import type { PaymentColumns } from './columns.js';
import { rowFeatures } from './effects.js';
import type { SettledHistory } from './history.js';
import { weightedTrimmedMean } from './numeric.js';
import type { BehaviourSettings } from './settings.js';

/** Per-customer robust location and residual spread of the feature-adjusted delay. */
export interface CustomerLocations {
  /** Recency-weighted trimmed mean of adjusted delays (days vs due); NaN without history. */
  readonly location: Float64Array;
  /** Sample standard deviation of adjusted delays around the location; NaN below 2 invoices. */
  readonly spread: Float64Array;
  /**
   * Location over 'mature' invoices only (due at least `maturityDays` before asOf), and their count.
   * Early in a history only the quick payers have settled; the portfolio prior uses mature
   * invoices so it is not biased toward them (right truncation).
   */
  readonly matureLocation: Float64Array;
  readonly matureCount: Int32Array;
  /** Pooled within-customer residual sum of squares and its degrees of freedom. */
  readonly residualSumSquares: number;
  readonly residualDegrees: number;
}

/**
 * adjusted delay a = (settled − due) − Σ effect·feature. One sort per customer segment (typed
 * arrays), so the cost is O(N log n̄) for N invoices of customers with n̄ invoices on average.
 */
export function computeCustomerLocations(
  cols: PaymentColumns,
  history: SettledHistory,
  effects: Float64Array,
  asOfDay: number,
  settings: BehaviourSettings,
): CustomerLocations {
  const h = history.rows.length;
  const adjusted = new Float64Array(h);
  const weights = new Float64Array(h);
  const matureWeights = new Float64Array(h);
  const x = new Float64Array(settings.features.length);
  const decay = Math.LN2 / settings.recencyHalfLifeDays;
  for (let i = 0; i < h; i++) {
    const r = history.rows[i] ?? 0;
    rowFeatures(cols, r, settings.features, x);
    let shift = 0;
    for (let j = 0; j < x.length; j++) shift += (effects[j] ?? 0) * (x[j] ?? 0);
    const settled = cols.settled[r] ?? 0;
    adjusted[i] = settled - (cols.due[r] ?? 0) - shift;
    weights[i] = Math.exp(-decay * (asOfDay - settled));
    matureWeights[i] = asOfDay - (cols.due[r] ?? 0) >= settings.maturityDays ? (weights[i] ?? 0) : 0;
  }
  const order = new Int32Array(h);
  for (let i = 0; i < h; i++) order[i] = i;
  const customers = history.offsets.length - 1;
  const location = new Float64Array(customers).fill(Number.NaN);
  const spread = new Float64Array(customers).fill(Number.NaN);
  const matureLocation = new Float64Array(customers).fill(Number.NaN);
  const matureCount = new Int32Array(customers);
  let residualSumSquares = 0;
  let residualDegrees = 0;
  const byAdjusted = (a: number, b: number): number => (adjusted[a] ?? 0) - (adjusted[b] ?? 0);
  for (let c = 0; c < customers; c++) {
    const start = history.offsets[c] ?? 0;
    const end = history.offsets[c + 1] ?? 0;
    if (end === start) continue;
    order.subarray(start, end).sort(byAdjusted);
    const m = weightedTrimmedMean(adjusted, weights, order, start, end, settings.trimFraction);
    location[c] = m;
    for (let i = start; i < end; i++) if ((matureWeights[i] ?? 0) > 0) matureCount[c] = (matureCount[c] ?? 0) + 1;
    if ((matureCount[c] ?? 0) > 0) {
      matureLocation[c] = weightedTrimmedMean(adjusted, matureWeights, order, start, end, settings.trimFraction);
    }
    if (end - start < 2) continue;
    let ss = 0;
    for (let i = start; i < end; i++) ss += ((adjusted[i] ?? 0) - m) ** 2;
    spread[c] = Math.sqrt(ss / (end - start - 1));
    residualSumSquares += ss;
    residualDegrees += end - start - 1;
  }
  return { location, spread, matureLocation, matureCount, residualSumSquares, residualDegrees };
}

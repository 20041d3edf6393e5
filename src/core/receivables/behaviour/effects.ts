import { featureValue, type PaymentColumns } from './columns.js';
import type { SettledHistory } from './history.js';
import { solveLinear } from './numeric.js';
import type { BehaviourFeature } from './settings.js';

/** Feature values of one row, in `features` order, written into `out`. */
export function rowFeatures(
  cols: PaymentColumns,
  row: number,
  features: readonly BehaviourFeature[],
  out: Float64Array,
): void {
  const flags = cols.flags[row] ?? 0;
  const logAmount = cols.logAmount[row] ?? 0;
  const month = cols.month[row] ?? 1;
  for (let j = 0; j < features.length; j++) out[j] = featureValue(features[j] ?? 'disputed', flags, logAmount, month);
}

/**
 * Learns the effect (days of delay) of each feature by a pooled within-customer ridge regression:
 * each customer's own mean is removed first, so a feature is credited only with the difference it
 * makes for the same customer (a slow customer who disputes a lot does not inflate 'disputed').
 *
 * @example
 * // one customer, disputed invoices 10 days later than the others → effect ≈ 10·n/(n+ridge)
 */
export function estimateFeatureEffects(
  cols: PaymentColumns,
  history: SettledHistory,
  features: readonly BehaviourFeature[],
  ridge: number,
): Float64Array {
  const p = features.length;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const mean = new Float64Array(p);
  const x = new Float64Array(p);
  const customers = history.offsets.length - 1;
  for (let c = 0; c < customers; c++) {
    const start = history.offsets[c] ?? 0;
    const end = history.offsets[c + 1] ?? 0;
    if (end - start < 2) continue;
    mean.fill(0);
    let meanY = 0;
    for (let i = start; i < end; i++) {
      const r = history.rows[i] ?? 0;
      rowFeatures(cols, r, features, x);
      for (let j = 0; j < p; j++) mean[j] = (mean[j] ?? 0) + (x[j] ?? 0);
      meanY += (cols.settled[r] ?? 0) - (cols.due[r] ?? 0);
    }
    const n = end - start;
    for (let j = 0; j < p; j++) mean[j] = (mean[j] ?? 0) / n;
    meanY /= n;
    for (let i = start; i < end; i++) {
      const r = history.rows[i] ?? 0;
      rowFeatures(cols, r, features, x);
      const y = (cols.settled[r] ?? 0) - (cols.due[r] ?? 0) - meanY;
      for (let j = 0; j < p; j++) {
        const xj = (x[j] ?? 0) - (mean[j] ?? 0);
        xty[j] = (xty[j] ?? 0) + xj * y;
        for (let k = 0; k < p; k++) xtx[j * p + k] = (xtx[j * p + k] ?? 0) + xj * ((x[k] ?? 0) - (mean[k] ?? 0));
      }
    }
  }
  for (let j = 0; j < p; j++) xtx[j * p + j] = (xtx[j * p + j] ?? 0) + ridge;
  return solveLinear(xtx, xty);
}

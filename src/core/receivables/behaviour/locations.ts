import { logOfAmount, type PaymentColumns } from './columns.js';
import { featureShift } from './effects.js';
import { historyCursor, isInWindow, type SettledHistory } from './history.js';
import { sortSegment, weightedTrimmedMeanSorted } from './numeric.js';
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
 * adjusted delay a = (settled − due) − Σ effect·feature. Each customer's rows are sorted in place
 * by adjusted delay (with their weights and maturity), so the cost is O(N log n̄) for N invoices of
 * customers with n̄ invoices on average, in typed arrays without an index array.
 */
export function computeCustomerLocations(
  cols: PaymentColumns,
  history: SettledHistory,
  effects: Float64Array,
  asOfDay: number,
  settings: BehaviourSettings,
): CustomerLocations {
  const { adjusted, weights, mature } = adjustedDelays(cols, history, effects, asOfDay, settings);
  const customers = history.offsets.length - 1;
  const location = new Float64Array(customers).fill(Number.NaN);
  const spread = new Float64Array(customers).fill(Number.NaN);
  const matureLocation = new Float64Array(customers).fill(Number.NaN);
  const matureCount = new Int32Array(customers);
  const trim = settings.trimFraction;
  let residualSumSquares = 0;
  let residualDegrees = 0;
  for (let c = 0; c < customers; c++) {
    const start = history.offsets[c] as number;
    const end = history.offsets[c + 1] as number;
    if (end === start) continue;
    sortSegment(adjusted, weights, mature, start, end);
    const m = weightedTrimmedMeanSorted(adjusted, weights, start, end, trim, null);
    location[c] = m;
    let matureRows = 0;
    let ss = 0;
    for (let i = start; i < end; i++) {
      matureRows += mature[i] as number;
      ss += ((adjusted[i] as number) - m) ** 2;
    }
    matureCount[c] = matureRows;
    if (matureRows > 0) matureLocation[c] = weightedTrimmedMeanSorted(adjusted, weights, start, end, trim, mature);
    if (end - start < 2) continue;
    spread[c] = Math.sqrt(ss / (end - start - 1));
    residualSumSquares += ss;
    residualDegrees += end - start - 1;
  }
  return { location, spread, matureLocation, matureCount, residualSumSquares, residualDegrees };
}

/**
 * Per history row, aligned with `history.rows`: its adjusted delay, recency weight and whether it
 * is mature (due at least `maturityDays` before asOf, with a weight above 0). Filled in one pass
 * over the columns in order, each row written at its customer's cursor.
 */
function adjustedDelays(
  cols: PaymentColumns,
  history: SettledHistory,
  effects: Float64Array,
  asOfDay: number,
  settings: BehaviourSettings,
) {
  const h = history.rows.length;
  const adjusted = new Float64Array(h);
  const weights = new Float64Array(h);
  const mature = new Uint8Array(h);
  const shift = featureShift(settings.features, effects);
  const decay = Math.LN2 / settings.recencyHalfLifeDays;
  const matureDue = asOfDay - settings.maturityDays;
  const next = historyCursor(history.offsets);
  for (let r = 0; r < cols.length; r++) {
    const settled = cols.settled[r] as number;
    if (!isInWindow(settled, history)) continue;
    const c = cols.customer[r] as number;
    const i = next[c] as number;
    next[c] = i + 1;
    const due = cols.due[r] as number;
    const amount = cols.amount[r] as number;
    adjusted[i] = settled - due - shift(cols.flags[r] as number, logOfAmount(amount), cols.month[r] as number);
    const w = Math.exp(-decay * (asOfDay - settled));
    weights[i] = w;
    mature[i] = due <= matureDue && w > 0 ? 1 : 0;
  }
  return { adjusted, weights, mature };
}

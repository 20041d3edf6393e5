import type { FeatureMatrix } from './binning.js';

/** How one column is turned into a logistic-regression input: clip, optional signed log, standardise. */
export interface ColumnTransform {
  readonly low: number;
  readonly high: number;
  readonly isSignedLog: boolean;
  readonly mean: number;
  readonly sd: number;
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

const signedLog = (x: number): number => Math.sign(x) * Math.log1p(Math.abs(x));

function shape(x: number, t: Omit<ColumnTransform, 'mean' | 'sd'>): number {
  const clipped = Math.min(t.high, Math.max(t.low, x));
  return t.isSignedLog ? signedLog(clipped) : clipped;
}

/**
 * Learns per-column transforms on training rows: winsorise to the 1st and 99th percentiles,
 * optionally signed-log, then standardise. Missing values become the mean (0 after scaling).
 */
export function learnTransforms(matrix: FeatureMatrix, isSignedLog: boolean): ColumnTransform[] {
  return matrix.columns.map((column) => {
    const sorted = column.filter((v) => !Number.isNaN(v)).sort();
    const base = { low: quantile(sorted, 0.01), high: quantile(sorted, 0.99), isSignedLog };
    let sum = 0;
    let sumSq = 0;
    for (const v of sorted) {
      const s = shape(v, base);
      sum += s;
      sumSq += s * s;
    }
    const n = Math.max(sorted.length, 1);
    const mean = sum / n;
    const sd = Math.sqrt(Math.max(sumSq / n - mean * mean, 0)) || 1;
    return { ...base, mean, sd };
  });
}

/** Applies transforms: finite, standardised columns ready for fitLogistic. */
export function applyTransforms(matrix: FeatureMatrix, transforms: readonly ColumnTransform[]): Float64Array[] {
  return matrix.columns.map((column, j) => {
    const t = transforms[j] as ColumnTransform;
    return Float64Array.from(column, (v) => (Number.isNaN(v) ? 0 : (shape(v, t) - t.mean) / t.sd));
  });
}

/** Feature columns as the trainer sees them: one Float64Array per feature, NaN = missing. */
export interface FeatureMatrix {
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly rowCount: number;
}

/**
 * Quantile-binned columns. For feature f with thresholds t[0] < … < t[E−1], a value x goes to bin
 * b = #{t < x}, so "bin ≤ b" is exactly "x ≤ t[b]"; a missing value goes to bin E + 1.
 */
export interface BinnedMatrix {
  readonly thresholds: readonly Float64Array[];
  readonly bins: readonly Uint8Array[];
  readonly rowCount: number;
}

/** Rounds to `digits` significant digits, so that thresholds written to JSON are exact. */
export function roundSignificant(x: number, digits: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Candidate split points of one column: midpoints between distinct values at its quantiles,
 * rounded to 7 significant digits. At most maxBins − 1 thresholds (maxBins ≤ 254).
 *
 * @example
 * computeThresholds(Float64Array.from([1, 2, 3, 4]), 2); // Float64Array [2.5]
 */
export function computeThresholds(column: Float64Array, maxBins: number): Float64Array {
  const sorted = column.filter((x) => !Number.isNaN(x)).sort();
  const out: number[] = [];
  const n = sorted.length;
  for (let k = 1; k < maxBins; k += 1) {
    const position = Math.floor((k * n) / maxBins);
    if (position < 1) continue;
    const low = sorted[position - 1] as number;
    const nextIndex = upperBound(sorted, low);
    if (nextIndex >= n) break;
    const t = roundSignificant((low + (sorted[nextIndex] as number)) / 2, 7);
    if (out.length === 0 || t > (out[out.length - 1] as number)) out.push(t);
  }
  return Float64Array.from(out);
}

/** The bin of one value against one feature's thresholds. */
export function binOf(thresholds: Float64Array, x: number): number {
  if (Number.isNaN(x)) return thresholds.length + 1;
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((thresholds[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bins every column with thresholds computed on `reference` (the training rows). */
export function binMatrix(matrix: FeatureMatrix, thresholds: readonly Float64Array[]): BinnedMatrix {
  const bins = matrix.columns.map((column, f) => {
    const t = thresholds[f] as Float64Array;
    const out = new Uint8Array(matrix.rowCount);
    for (let i = 0; i < matrix.rowCount; i += 1) out[i] = binOf(t, column[i] as number);
    return out;
  });
  return { thresholds, bins, rowCount: matrix.rowCount };
}

/** Thresholds of every column of a matrix. */
export function computeAllThresholds(matrix: FeatureMatrix, maxBins: number): Float64Array[] {
  return matrix.columns.map((column) => computeThresholds(column, maxBins));
}

/** The rows `rows` of a matrix, as a new matrix. */
export function selectRows(matrix: FeatureMatrix, rows: readonly number[]): FeatureMatrix {
  const columns = matrix.columns.map((column) => Float64Array.from(rows, (i) => column[i] as number));
  return { names: matrix.names, columns, rowCount: rows.length };
}

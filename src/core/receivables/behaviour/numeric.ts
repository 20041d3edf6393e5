import stdNormalCdf from '@stdlib/stats-base-dists-normal-cdf';
import stdNormalQuantile from '@stdlib/stats-base-dists-normal-quantile';
/** Small numeric helpers of the behaviour model: typed arrays, no allocation in the hot paths. */

/**
 * Solves A·x = b for a small dense system (row-major `a`, n×n) by Gaussian elimination with
 * partial pivoting. Returns zeros for a singular system (no information: no effect).
 *
 * @example
 * solveLinear(Float64Array.of(2, 0, 0, 4), Float64Array.of(2, 8)); // [1, 2]
 */
export function solveLinear(a: Float64Array, b: Float64Array): Float64Array {
  const n = b.length;
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col] ?? 0) > Math.abs(m[pivot * n + col] ?? 0)) pivot = r;
    if (Math.abs(m[pivot * n + col] ?? 0) < 1e-12) return new Float64Array(n);
    if (pivot !== col) swapRows(m, x, n, pivot, col);
    for (let r = col + 1; r < n; r++) {
      const f = (m[r * n + col] ?? 0) / (m[col * n + col] ?? 1);
      for (let k = col; k < n; k++) m[r * n + k] = (m[r * n + k] ?? 0) - f * (m[col * n + k] ?? 0);
      x[r] = (x[r] ?? 0) - f * (x[col] ?? 0);
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r] ?? 0;
    for (let k = r + 1; k < n; k++) s -= (m[r * n + k] ?? 0) * (x[k] ?? 0);
    x[r] = s / (m[r * n + r] ?? 1);
  }
  return x;
}

function swapRows(m: Float64Array, x: Float64Array, n: number, a: number, b: number): void {
  for (let k = 0; k < n; k++) {
    const t = m[a * n + k] ?? 0;
    m[a * n + k] = m[b * n + k] ?? 0;
    m[b * n + k] = t;
  }
  const t = x[a] ?? 0;
  x[a] = x[b] ?? 0;
  x[b] = t;
}

/**
 * Weighted trimmed mean of the ascending segment `values[start..end)`: `trim` of the total weight
 * is cut from each tail (fractional weights at the cut), so trim 0 is the weighted mean and
 * trim → 0.5 the weighted median. With `mask`, rows whose mask is 0 weigh nothing.
 *
 * @example
 * weightedTrimmedMeanSorted(Float64Array.of(1, 2, 100), Float64Array.of(1, 1, 1), 0, 3, 1 / 3, null); // 2
 */
export function weightedTrimmedMeanSorted(
  values: Float64Array,
  weights: Float64Array,
  start: number,
  end: number,
  trim: number,
  mask: Uint8Array | null,
): number {
  let total = 0;
  for (let i = start; i < end; i++) if (mask === null || mask[i] === 1) total += weights[i] as number;
  const lo = total * trim;
  const hi = total * (1 - trim);
  let cum = 0;
  let sum = 0;
  let kept = 0;
  for (let i = start; i < end; i++) {
    if (mask !== null && mask[i] !== 1) continue;
    const w = weights[i] as number;
    const overlap = Math.min(cum + w, hi) - Math.max(cum, lo);
    cum += w;
    if (overlap > 0) {
      sum += overlap * (values[i] as number);
      kept += overlap;
    }
  }
  if (kept > 0) return sum / kept;
  return values[(start + end) >> 1] ?? Number.NaN;
}

/**
 * Sorts `keys[start..end)` ascending in place and applies the same moves to `a` and `b`
 * (insertion sort for short runs, quicksort above): sorting a customer's rows without an index
 * array or a comparator call per comparison.
 *
 * @example
 * const k = Float64Array.of(3, 1, 2), a = Float64Array.of(30, 10, 20), b = Uint8Array.of(3, 1, 2);
 * sortSegment(k, a, b, 0, 3); // k = [1, 2, 3], a = [10, 20, 30], b = [1, 2, 3]
 */
export function sortSegment(keys: Float64Array, a: Float64Array, b: Uint8Array, start: number, end: number): void {
  let lo = start;
  let hi = end - 1;
  while (hi - lo > 16) {
    const p = partition(keys, a, b, lo, hi);
    // Recurse into the smaller side, loop on the larger: stack depth stays O(log n).
    if (p - lo < hi - p) {
      sortSegment(keys, a, b, lo, p + 1);
      lo = p + 1;
    } else {
      sortSegment(keys, a, b, p + 1, hi + 1);
      hi = p;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i] as number;
    const x = a[i] as number;
    const y = b[i] as number;
    let j = i - 1;
    for (; j >= lo && (keys[j] as number) > k; j--) {
      keys[j + 1] = keys[j] as number;
      a[j + 1] = a[j] as number;
      b[j + 1] = b[j] as number;
    }
    keys[j + 1] = k;
    a[j + 1] = x;
    b[j + 1] = y;
  }
}

/** Hoare partition around the median of three; returns p with [lo..p] <= [p+1..hi]. */
function partition(keys: Float64Array, a: Float64Array, b: Uint8Array, lo: number, hi: number): number {
  const mid = lo + ((hi - lo) >> 1);
  if ((keys[mid] as number) < (keys[lo] as number)) swap(keys, a, b, mid, lo);
  if ((keys[hi] as number) < (keys[lo] as number)) swap(keys, a, b, hi, lo);
  if ((keys[hi] as number) < (keys[mid] as number)) swap(keys, a, b, hi, mid);
  const pivot = keys[mid] as number;
  let i = lo - 1;
  let j = hi + 1;
  for (;;) {
    do i++;
    while ((keys[i] as number) < pivot);
    do j--;
    while ((keys[j] as number) > pivot);
    if (i >= j) return j;
    swap(keys, a, b, i, j);
  }
}

function swap(keys: Float64Array, a: Float64Array, b: Uint8Array, i: number, j: number): void {
  const k = keys[i] as number;
  keys[i] = keys[j] as number;
  keys[j] = k;
  const x = a[i] as number;
  a[i] = a[j] as number;
  a[j] = x;
  const y = b[i] as number;
  b[i] = b[j] as number;
  b[j] = y;
}

/** Linear-interpolated quantile of an ascending array (type 7, as R's default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const lo = sorted[i] ?? Number.NaN;
  const hi = sorted[Math.min(i + 1, n - 1)] ?? lo;
  return lo + (h - i) * (hi - lo);
}

/**
 * The standard normal CDF: one implementation for the whole core (the payment model's conditional
 * dates, the stress tests' copula and the Basel IRB formula), from @stdlib in double precision.
 */
export function normalCdf(z: number): number {
  return stdNormalCdf(z, 0, 1);
}

/** The inverse standard normal CDF (−∞ at 0, +∞ at 1), from @stdlib. */
export function normalQuantile(p: number): number {
  return stdNormalQuantile(p, 0, 1);
}

/** Accuracy of one prediction method over a back-test. */
export interface MethodScore {
  readonly method: string;
  readonly count: number;
  /** Mean absolute error (days). */
  readonly mae: number;
  readonly medianAbsError: number;
  /** Mean of predicted − actual (days); positive = predicts later than it happened. */
  readonly bias: number;
  /** Share of actuals inside [p10, p90]; null for point-only methods. */
  readonly coverage: number | null;
}

/**
 * Scores point predictions (and optionally an interval) against actuals.
 *
 * @example
 * scorePredictions('x', [10, 20], [12, 20]); // { mae: 1, medianAbsError: 1, bias: -1, coverage: null, ... }
 */
export function scorePredictions(
  method: string,
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  interval?: { readonly lower: ArrayLike<number>; readonly upper: ArrayLike<number> },
): MethodScore {
  const n = actual.length;
  const errors = new Float64Array(n);
  let abs = 0;
  let signed = 0;
  let covered = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i] ?? 0;
    const e = (predicted[i] ?? 0) - a;
    errors[i] = Math.abs(e);
    abs += Math.abs(e);
    signed += e;
    if (interval && a >= (interval.lower[i] ?? 0) && a <= (interval.upper[i] ?? 0)) covered++;
  }
  errors.sort();
  const mid = n >> 1;
  const median =
    n === 0 ? Number.NaN : n % 2 === 1 ? (errors[mid] ?? 0) : ((errors[mid - 1] ?? 0) + (errors[mid] ?? 0)) / 2;
  return {
    method,
    count: n,
    mae: n === 0 ? Number.NaN : abs / n,
    medianAbsError: median,
    bias: n === 0 ? Number.NaN : signed / n,
    coverage: interval && n > 0 ? covered / n : null,
  };
}

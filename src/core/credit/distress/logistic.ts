import { assert } from '../../shared/index.js';
import { sigmoid } from './metrics.js';

/** A fitted logistic regression: p = σ(intercept + Σ weights[j]·x[j]). */
export interface LogisticFit {
  readonly intercept: number;
  readonly weights: Float64Array;
}

/** Solves A·x = b (A square, row-major, n×n) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c += 1) {
    let pivot = c;
    for (let r = c + 1; r < n; r += 1)
      if (Math.abs(m[r * n + c] as number) > Math.abs(m[pivot * n + c] as number)) pivot = r;
    assert(Math.abs(m[pivot * n + c] as number) > 1e-300, 'logistic regression: singular Hessian');
    for (let k = 0; k < n; k += 1)
      [m[c * n + k], m[pivot * n + k]] = [m[pivot * n + k] as number, m[c * n + k] as number];
    [x[c], x[pivot]] = [x[pivot] as number, x[c] as number];
    for (let r = c + 1; r < n; r += 1) {
      const factor = (m[r * n + c] as number) / (m[c * n + c] as number);
      if (factor === 0) continue;
      for (let k = c; k < n; k += 1) m[r * n + k] = (m[r * n + k] as number) - factor * (m[c * n + k] as number);
      x[r] = (x[r] as number) - factor * (x[c] as number);
    }
  }
  for (let r = n - 1; r >= 0; r -= 1) {
    let s = x[r] as number;
    for (let k = r + 1; k < n; k += 1) s -= (m[r * n + k] as number) * (x[k] as number);
    x[r] = s / (m[r * n + r] as number);
  }
  return x;
}

/** One Newton step's gradient and Hessian; column 0 is the (unpenalised) intercept. */
function gradientAndHessian(columns: readonly Float64Array[], y: ArrayLike<number>, beta: Float64Array, l2: number) {
  const d = columns.length + 1;
  const n = y.length;
  const g = new Float64Array(d);
  const h = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i += 1) {
    row[0] = 1;
    let z = beta[0] as number;
    for (let j = 1; j < d; j += 1) {
      row[j] = (columns[j - 1] as Float64Array)[i] as number;
      z += (beta[j] as number) * (row[j] as number);
    }
    const p = sigmoid(z);
    const w = Math.max(p * (1 - p), 1e-10);
    const r = p - (y[i] as number);
    for (let j = 0; j < d; j += 1) {
      g[j] = (g[j] as number) + r * (row[j] as number);
      for (let k = j; k < d; k += 1)
        h[j * d + k] = (h[j * d + k] as number) + w * (row[j] as number) * (row[k] as number);
    }
  }
  for (let j = 0; j < d; j += 1) {
    for (let k = 0; k < j; k += 1) h[j * d + k] = h[k * d + j] as number;
    if (j > 0) {
      g[j] = (g[j] as number) + l2 * (beta[j] as number);
      h[j * d + j] = (h[j * d + j] as number) + l2;
    }
  }
  return { g, h, d };
}

/**
 * L2-penalised logistic regression by Newton's method (columns must be finite, best standardised).
 *
 * @example
 * fitLogistic([Float64Array.from([0, 1, 2, 3])], [0, 0, 1, 1], 1).weights[0]; // > 0
 */
export function fitLogistic(
  columns: readonly Float64Array[],
  y: ArrayLike<number>,
  l2: number,
  iterations = 25,
): LogisticFit {
  const beta = new Float64Array(columns.length + 1);
  for (let it = 0; it < iterations; it += 1) {
    const { g, h, d } = gradientAndHessian(columns, y, beta, l2);
    const step = solve(h, g, d);
    let size = 0;
    for (let j = 0; j < d; j += 1) {
      beta[j] = (beta[j] as number) - (step[j] as number);
      size = Math.max(size, Math.abs(step[j] as number));
    }
    if (size < 1e-9) break;
  }
  return { intercept: beta[0] as number, weights: beta.slice(1) };
}

/** The fitted probability for row i of `columns`. */
export function predictLogistic(fit: LogisticFit, columns: readonly Float64Array[], i: number): number {
  let z = fit.intercept;
  columns.forEach((column, j) => {
    z += (fit.weights[j] as number) * (column[i] as number);
  });
  return sigmoid(z);
}

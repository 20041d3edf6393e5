import { assert, type Rng } from '../shared/index.js';
import type { BandedBook } from './creditriskplus-bands.js';

/**
 * Gamma(shape, scale 1) by Marsaglia and Tsang (2000); a shape below 1 is lifted by
 * Gamma(shape + 1)·U^(1/shape).
 *
 * @example
 * sampleGamma(1 / 0.0267, createRng(1)) * 0.0267 // a sector factor near 1
 */
export function sampleGamma(shape: number, rng: Rng): number {
  assert(shape > 0 && Number.isFinite(shape), `gamma shape must be positive, got ${shape}`);
  if (shape < 1) return sampleGamma(shape + 1, rng) * (1 - rng.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  // Acceptance is above 95 % for every shape ≥ 1; the bound only keeps the loop finite.
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const x = rng.normal();
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
  throw new Error('gamma sampler did not accept in 10,000 attempts');
}

/**
 * Poisson(λ) by inversion: the count whose cumulative probability first passes a uniform.
 *
 * @example
 * samplePoisson(0.015, createRng(1)) // 0 most years
 */
export function samplePoisson(lambda: number, rng: Rng): number {
  assert(lambda >= 0 && Number.isFinite(lambda), `Poisson mean must be ≥ 0, got ${lambda}`);
  if (lambda === 0) return 0;
  assert(lambda < 700, `Poisson mean ${lambda} is too large for inversion`);
  const u = rng.next();
  let p = Math.exp(-lambda);
  let cdf = p;
  let n = 0;
  const bound = Math.ceil(lambda + 40 * Math.sqrt(lambda) + 50);
  while (u >= cdf && n < bound) {
    n += 1;
    p *= lambda / n;
    cdf += p;
  }
  return n;
}

/**
 * Losses of `paths` simulated years of a banded book under the CreditRisk+ assumptions, in loss
 * units: each sector's factor Sₖ ~ Gamma(1/σ²ₖ, σ²ₖ) (mean 1), then each obligor's number of
 * defaults ~ Poisson(PD′ᵢ·(w₀ᵢ + Σₖ wᵢₖ·Sₖ)), each losing νᵢ units. Same bands and PDs as the
 * analytic model, no timing: a cross-check of `creditRiskPlus`, not a second model.
 *
 * @example
 * simulateCreditRiskPlus(book, 10_000, createRng(7)) // Float64Array of 10,000 losses in units
 */
export function simulateCreditRiskPlus(book: BandedBook, paths: number, rng: Rng): Float64Array {
  assert(Number.isInteger(paths) && paths > 0, `paths must be a positive integer, got ${paths}`);
  const sectors = book.sectorVariances.length;
  const n = book.band.length;
  const factors = new Float64Array(sectors);
  const losses = new Float64Array(paths);
  for (let path = 0; path < paths; path++) {
    for (let k = 0; k < sectors; k++) {
      const v = book.sectorVariances[k] as number;
      factors[k] = v > 0 ? sampleGamma(1 / v, rng) * v : 1;
    }
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let mix = book.idiosyncratic[i] as number;
      for (let k = 0; k < sectors; k++) mix += (book.weights[i * sectors + k] as number) * (factors[k] as number);
      const defaults = samplePoisson((book.adjustedPd[i] as number) * mix, rng);
      loss += defaults * (book.band[i] as number);
    }
    losses[path] = loss;
  }
  return losses;
}

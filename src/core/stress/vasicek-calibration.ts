import { assert } from '../shared/index.js';
import { type AsrfExposure, conditionalPd } from './vasicek.js';

/** Simpson's rule over the factor F ~ N(0, 1) on [−8, 8]: beyond, the normal density is below 10⁻¹⁴. */
const FACTOR_LIMIT = 8;
const FACTOR_STEPS = 400;

/** Mean and variance of a book's systematic loss. */
export interface SystematicLossMoments {
  /** E[L(F)] = Σ potential loss × PD. */
  readonly mean: number;
  /** Var[L(F)] over the economy F. */
  readonly variance: number;
}

/**
 * Mean and variance, over the economy F ~ N(0, 1), of a book's large-portfolio loss
 * L(F) = Σᵢ PLᵢ · pᵢ(F), pᵢ(F) the Vasicek conditional PD with the exposure's correlation. Exposures
 * sharing a PD and a correlation are evaluated once. Simpson's rule with 400 steps on [−8, 8]:
 * the integrand is smooth on that scale for every correlation Basel gives (12 %–24 %).
 *
 * @example
 * systematicLossMoments([{ potentialLoss: 1, pd: 0.01, correlation: 0.2 }]).variance // ≈ 2.39e-4
 */
export function systematicLossMoments(book: readonly AsrfExposure[]): SystematicLossMoments {
  const groups = new Map<string, { pd: number; correlation: number; weight: number }>();
  for (const e of book) {
    assert(
      Number.isFinite(e.potentialLoss) && e.potentialLoss >= 0,
      `potential loss must be ≥ 0, got ${e.potentialLoss}`,
    );
    const key = `${e.pd}|${e.correlation}`;
    const g = groups.get(key);
    if (g) g.weight += e.potentialLoss;
    else groups.set(key, { pd: e.pd, correlation: e.correlation, weight: e.potentialLoss });
  }
  const h = (2 * FACTOR_LIMIT) / FACTOR_STEPS;
  let first = 0;
  let second = 0;
  for (let s = 0; s <= FACTOR_STEPS; s++) {
    const f = -FACTOR_LIMIT + s * h;
    const simpson = s === 0 || s === FACTOR_STEPS ? 1 : s % 2 === 1 ? 4 : 2;
    const density = Math.exp(-0.5 * f * f) / Math.sqrt(2 * Math.PI);
    let loss = 0;
    for (const g of groups.values()) loss += g.weight * conditionalPd(g.pd, g.correlation, f);
    const w = (simpson * h * density) / 3;
    first += w * loss;
    second += w * loss * loss;
  }
  let mean = 0;
  for (const g of groups.values()) mean += g.weight * g.pd;
  // The quadrature's own mean (`first`) is used for the variance so that its small error cancels.
  return { mean, variance: Math.max(0, second - first * first) };
}

/**
 * The relative variance of one CreditRisk+ sector that gives a book the systematic loss variance of
 * the Vasicek model with each exposure's correlation: Var[L(F)] / E[L(F)]². A one-factor CreditRisk+
 * run with it agrees with the Monte Carlo copula (DOMAIN 3.4) in mean and variance of the systematic
 * loss; the tails still differ (gamma against Vasicek). 0 for a book that can lose nothing.
 *
 * @example
 * matchedSectorVariance([{ potentialLoss: 1, pd: 0.01, correlation: irbCorrelation(0.01) }]) // ≈ 2.26
 */
export function matchedSectorVariance(book: readonly AsrfExposure[]): number {
  const { mean, variance } = systematicLossMoments(book);
  return mean > 0 ? variance / (mean * mean) : 0;
}

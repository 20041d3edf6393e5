import { normalCdf, normalQuantile } from '../receivables/index.js';
import { assert } from '../shared/index.js';

/**
 * The Vasicek one-factor model and the Basel IRB capital formula for corporate exposures
 * (DOMAIN 3.4; Basel II ¶272–273, Annex 5). Pure numeric functions: probabilities in, probabilities
 * or loss rates out. Money is not touched here; callers multiply by exposures.
 */

/**
 * Standard normal CDF Φ.
 *
 * @example
 * standardNormalCdf(1.959963984540054) // 0.975
 */
export function standardNormalCdf(x: number): number {
  return normalCdf(x);
}

/**
 * Standard normal quantile Φ⁻¹ (−∞ at 0, +∞ at 1).
 *
 * @example
 * standardNormalQuantile(0.999) // 3.0902...
 */
export function standardNormalQuantile(p: number): number {
  assert(p >= 0 && p <= 1, `normal quantile needs a probability in [0, 1], got ${p}`);
  return normalQuantile(p);
}

const isProbability = (p: number) => Number.isFinite(p) && p >= 0 && p <= 1;
const isOpenProbability = (p: number) => Number.isFinite(p) && p > 0 && p < 1;

/**
 * Basel IRB asset correlation of a corporate exposure (Basel II ¶272): 12 % for a high PD, 24 % for
 * a low one, an exponential weighting between (k = 50).
 *
 * @example
 * baselCorporateCorrelation(0.01) // 0.1927...
 */
export function baselCorporateCorrelation(pd: number): number {
  assert(isProbability(pd), `PD must be in [0, 1], got ${pd}`);
  const weight = (1 - Math.exp(-50 * pd)) / (1 - Math.exp(-50));
  return 0.12 * weight + 0.24 * (1 - weight);
}

/**
 * The firm-size reduction of the corporate correlation for SMEs (Basel II ¶273): sales S in
 * millions of euro, clamped to [5, 50]; 0.04 × (1 − (S − 5)/45), so 4 points at €5m and none at €50m.
 *
 * @example
 * smeSizeAdjustment(5) // 0.04
 */
export function smeSizeAdjustment(salesEurMillions: number): number {
  assert(Number.isFinite(salesEurMillions), `sales must be a number, got ${salesEurMillions}`);
  const s = Math.min(50, Math.max(5, salesEurMillions));
  return 0.04 * (1 - (s - 5) / 45);
}

/**
 * The IRB correlation of a corporate borrower: the corporate curve, less the SME adjustment when its
 * sales (in €m) are known and below €50m.
 *
 * @example
 * irbCorrelation(0.01, 5) // 0.1527...
 */
export function irbCorrelation(pd: number, salesEurMillions: number | null = null): number {
  const r = baselCorporateCorrelation(pd);
  return salesEurMillions === null ? r : r - smeSizeAdjustment(salesEurMillions);
}

/**
 * PD conditional on the systematic factor F (DOMAIN 3.4):
 * Φ((Φ⁻¹(PD) − √ρ·F) / √(1 − ρ)). A low F is a bad economy: F = −2.33 is the 1-in-100 year.
 *
 * @example
 * conditionalPd(0.01, 0.2, -2.33) // 0.0889...
 */
export function conditionalPd(pd: number, rho: number, factor: number): number {
  assert(isProbability(pd), `PD must be in [0, 1], got ${pd}`);
  assert(Number.isFinite(rho) && rho >= 0 && rho < 1, `correlation must be in [0, 1), got ${rho}`);
  if (pd === 0 || pd === 1) return pd;
  return standardNormalCdf((standardNormalQuantile(pd) - Math.sqrt(rho) * factor) / Math.sqrt(1 - rho));
}

/**
 * Large-portfolio (ASRF) loss-rate quantile of Vasicek's distribution: the default rate of an
 * infinitely granular book with one PD and correlation ρ that is exceeded with probability 1 − q,
 * Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(q)) / √(1 − ρ)). Basel's capital formula is this at q = 99.9 %.
 *
 * @example
 * vasicekLossQuantile(0.01, 0.2, 0.999) // 0.1431...
 */
export function vasicekLossQuantile(pd: number, rho: number, q: number): number {
  assert(isOpenProbability(q), `confidence must be in (0, 1), got ${q}`);
  return conditionalPd(pd, rho, -standardNormalQuantile(q));
}

/**
 * Large-portfolio loss-rate CDF (DOMAIN 3.4): P(L ≤ x) = Φ((√(1−ρ)·Φ⁻¹(x) − Φ⁻¹(PD)) / √ρ);
 * the inverse of `vasicekLossQuantile` in x.
 *
 * @example
 * vasicekLossCdf(vasicekLossQuantile(0.01, 0.2, 0.99), 0.01, 0.2) // 0.99
 */
export function vasicekLossCdf(x: number, pd: number, rho: number): number {
  assert(isProbability(x), `loss rate must be in [0, 1], got ${x}`);
  assert(isOpenProbability(pd), `PD must be in (0, 1), got ${pd}`);
  assert(Number.isFinite(rho) && rho > 0 && rho < 1, `correlation must be in (0, 1), got ${rho}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  return standardNormalCdf(
    (Math.sqrt(1 - rho) * standardNormalQuantile(x) - standardNormalQuantile(pd)) / Math.sqrt(rho),
  );
}

/**
 * Basel maturity-adjustment slope b(PD) = (0.11852 − 0.05478·ln PD)² (Basel II ¶272).
 *
 * @example
 * maturitySlope(0.01) // 0.1374...
 */
export function maturitySlope(pd: number): number {
  assert(isOpenProbability(pd), `PD must be in (0, 1), got ${pd}`);
  return (0.11852 - 0.05478 * Math.log(pd)) ** 2;
}

/** One exposure for the IRB formula. */
export interface IrbInput {
  readonly pd: number;
  readonly lgd: number;
  /** Effective maturity M in years (Basel: 1 to 5; Annex 5 uses 2.5). */
  readonly maturityYears: number;
  /** Asset correlation; `irbCorrelation(pd, sales)` for a corporate. */
  readonly correlation: number;
}

/** Capital of one exposure per unit of EAD, and its parts. */
export interface IrbCapital {
  /** PD conditional on the 99.9 % bad economy. */
  readonly conditionalPd: number;
  readonly maturityAdjustment: number;
  /** K = [LGD·N(...) − PD·LGD] × maturity adjustment. */
  readonly capital: number;
  /** K × 12.5 × scaling (Annex 5 shows it unscaled). */
  readonly riskWeight: number;
}

/** The regulatory confidence of the IRB formula. */
export const IRB_CONFIDENCE = 0.999;

/**
 * Basel IRB capital requirement K and risk weight of a corporate exposure (Basel II ¶272):
 * K = [LGD·Φ((Φ⁻¹(PD) + √R·Φ⁻¹(0.999)) / √(1 − R)) − PD·LGD] × (1 + (M − 2.5)·b) / (1 − 1.5·b),
 * risk weight = K × 12.5 × `scaling`. Annex 5's illustrative table is unscaled (scaling 1); Basel II
 * applies 1.06 to the resulting RWA (¶44).
 *
 * @example
 * irbCapital({ pd: 0.01, lgd: 0.45, maturityYears: 2.5, correlation: irbCorrelation(0.01) }).riskWeight // 0.9232...
 */
export function irbCapital(input: IrbInput, scaling = 1): IrbCapital {
  const { pd, lgd, maturityYears, correlation } = input;
  assert(isOpenProbability(pd), `PD must be in (0, 1), got ${pd}`);
  assert(isProbability(lgd), `LGD must be in [0, 1], got ${lgd}`);
  assert(Number.isFinite(maturityYears) && maturityYears > 0, `maturity must be positive, got ${maturityYears}`);
  const stressedPd = vasicekLossQuantile(pd, correlation, IRB_CONFIDENCE);
  const b = maturitySlope(pd);
  const maturityAdjustment = (1 + (maturityYears - 2.5) * b) / (1 - 1.5 * b);
  const capital = (lgd * stressedPd - pd * lgd) * maturityAdjustment;
  return { conditionalPd: stressedPd, maturityAdjustment, capital, riskWeight: capital * 12.5 * scaling };
}

/** One exposure of a granular book for the ASRF loss quantile. */
export interface AsrfExposure {
  /** Exposure at default × LGD, in any unit (the result is in the same unit). */
  readonly potentialLoss: number;
  readonly pd: number;
  readonly correlation: number;
}

/**
 * The ASRF (infinitely granular, one-factor) loss quantile of a book: the sum of each exposure's
 * loss conditional on the same bad economy F = −Φ⁻¹(q). Additive by exposure, which is why Basel
 * can set capital name by name.
 *
 * @example
 * asrfLossQuantile([{ potentialLoss: 100, pd: 0.01, correlation: 0.2 }], 0.999) // 14.31...
 */
export function asrfLossQuantile(book: readonly AsrfExposure[], q: number): number {
  assert(isOpenProbability(q), `confidence must be in (0, 1), got ${q}`);
  const factor = -standardNormalQuantile(q);
  let loss = 0;
  for (const e of book) loss += e.potentialLoss * conditionalPd(e.pd, e.correlation, factor);
  return loss;
}

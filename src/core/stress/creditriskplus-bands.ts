import { fail, ok, type Result } from '../shared/index.js';

/**
 * CreditRisk+ input (CSFB 1997; DOMAIN 3.5): obligors with a potential loss and a PD, their
 * default rates driven by gamma sector factors of mean 1, and the loss unit exposures are banded by.
 */
export interface CreditRiskPlusObligor {
  /** Names the obligor in errors (a customer id, a counterparty number). */
  readonly id: string;
  /** Loss if it defaults: exposure × LGD, in the caller's unit (currency units, or minor units). */
  readonly potentialLoss: number;
  /** One-year probability of default. */
  readonly pd: number;
  /**
   * Its weight on each sector, in [0, 1], adding up to at most 1; the rest is idiosyncratic (a
   * default rate that moves with no factor). One entry per sector of `sectorVariances`.
   */
  readonly sectorWeights: readonly number[];
}

export interface CreditRiskPlusInput {
  readonly obligors: readonly CreditRiskPlusObligor[];
  /**
   * Relative variance σ²ₖ of each sector's gamma factor (mean 1): the variance of the sector's
   * default rate over its mean squared. One entry per sector; one sector is the one-factor model.
   */
  readonly sectorVariances: readonly number[];
  /** The loss unit L₀ exposures are banded by, in the unit of `potentialLoss`. */
  readonly lossUnit: number;
}

/**
 * The book banded by the loss unit (crp.CSFP conventions): band νᵢ = max(1, round(PLᵢ / L₀)),
 * half up; PD adjusted to PDᵢ × PLᵢ / (νᵢ·L₀) so each obligor keeps its expected loss. Obligors with
 * no potential loss or no PD drop out (they can lose nothing).
 */
export interface BandedBook {
  readonly lossUnit: number;
  /** Kept obligors, in input order. */
  readonly ids: readonly string[];
  readonly band: Int32Array;
  readonly adjustedPd: Float64Array;
  /** Row-major: weights[i × sectors + k]. */
  readonly weights: Float64Array;
  /** 1 − Σₖ weights: the idiosyncratic share of each kept obligor's default rate. */
  readonly idiosyncratic: Float64Array;
  readonly sectorVariances: readonly number[];
  /** Σ PDᵢ × PLᵢ, from the unbanded input: the expected loss, exactly as the book states it. */
  readonly expectedLoss: number;
}

const WEIGHT_SLACK = 1e-9;

function checkObligor(o: CreditRiskPlusObligor, row: number, sectors: number): Result<true> {
  const bad = (field: string, value: unknown, expected: string, sector?: number) =>
    fail('CRP_INVALID_OBLIGOR', { row, id: o.id, field, value: String(value), expected, sector });
  if (!(Number.isFinite(o.potentialLoss) && o.potentialLoss >= 0))
    return bad('potentialLoss', o.potentialLoss, 'a number ≥ 0');
  if (!(Number.isFinite(o.pd) && o.pd >= 0 && o.pd <= 1)) return bad('pd', o.pd, 'a probability in [0, 1]');
  if (o.sectorWeights.length !== sectors)
    return bad('sectorWeights', o.sectorWeights.length, `${sectors} sector weights`);
  let sum = 0;
  for (const [k, w] of o.sectorWeights.entries()) {
    if (!(Number.isFinite(w) && w >= 0 && w <= 1)) return bad('sectorWeights', w, 'a weight in [0, 1]', k + 1);
    sum += w;
  }
  if (sum > 1 + WEIGHT_SLACK) return bad('sectorWeights', sum, 'weights adding up to at most 1');
  return ok(true);
}

/**
 * Checks a CreditRisk+ input and bands it. Errors name the obligor (row, id) or the setting and the
 * field, so every entrance (the CSV reader, the book of an organisation) reports the same way.
 *
 * @example
 * const b = bandBook({ obligors: [{ id: 'a', potentialLoss: 2.4e6, pd: 0.1, sectorWeights: [1] }],
 *   sectorVariances: [0.25], lossUnit: 1e6 });
 * // b.value.band[0] === 2, b.value.adjustedPd[0] ≈ 0.12
 */
export function bandBook(input: CreditRiskPlusInput): Result<BandedBook> {
  const { obligors, sectorVariances, lossUnit } = input;
  if (!(Number.isFinite(lossUnit) && lossUnit > 0))
    return fail('CRP_INVALID_SETTING', { field: 'lossUnit', value: String(lossUnit), expected: 'a number > 0' });
  for (const [k, v] of sectorVariances.entries()) {
    if (!(Number.isFinite(v) && v >= 0))
      return fail('CRP_INVALID_SETTING', {
        field: 'sectorVariances',
        sector: k + 1,
        value: String(v),
        expected: '≥ 0',
      });
  }
  const sectors = sectorVariances.length;
  const kept: number[] = [];
  let expectedLoss = 0;
  for (const [i, o] of obligors.entries()) {
    const checked = checkObligor(o, i + 1, sectors);
    if (!checked.ok) return checked;
    if (o.potentialLoss > 0 && o.pd > 0) kept.push(i);
    expectedLoss += o.pd * o.potentialLoss;
  }
  const n = kept.length;
  const band = new Int32Array(n);
  const adjustedPd = new Float64Array(n);
  const weights = new Float64Array(n * sectors);
  const idiosyncratic = new Float64Array(n);
  const ids: string[] = [];
  for (const [j, i] of kept.entries()) {
    const o = obligors[i] as CreditRiskPlusObligor;
    // Half up, as crp.CSFP's crp.round; never band 0 (a loss smaller than half a unit still counts).
    const nu = Math.max(1, Math.floor(o.potentialLoss / lossUnit + 0.5));
    if (nu > 2 ** 31 - 1)
      return fail('CRP_INVALID_SETTING', {
        field: 'lossUnit',
        value: String(lossUnit),
        expected: 'a larger loss unit',
      });
    band[j] = nu;
    adjustedPd[j] = (o.pd * o.potentialLoss) / (nu * lossUnit);
    let sum = 0;
    for (let k = 0; k < sectors; k++) {
      const w = o.sectorWeights[k] as number;
      weights[j * sectors + k] = w;
      sum += w;
    }
    idiosyncratic[j] = Math.max(0, 1 - sum);
    ids.push(o.id);
  }
  return ok({ lossUnit, ids, band, adjustedPd, weights, idiosyncratic, sectorVariances, expectedLoss });
}

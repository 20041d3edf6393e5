import { fail, ok, type Result } from '../shared/index.js';
import { type BandedBook, bandBook, type CreditRiskPlusInput } from './creditriskplus-bands.js';

export type { BandedBook, CreditRiskPlusInput, CreditRiskPlusObligor } from './creditriskplus-bands.js';
export { bandBook } from './creditriskplus-bands.js';

/** The loss quantiles reported by default: 95, 99, 99.5 and 99.9 %. */
export const CREDITRISKPLUS_LEVELS: readonly number[] = [0.95, 0.99, 0.995, 0.999];

export interface CreditRiskPlusOptions {
  /** Confidence levels of the quantiles, each in (0, 1). */
  readonly levels?: readonly number[];
  /** The distribution is computed until its CDF reaches this (and every level); default 0.9999. */
  readonly tailProbability?: number;
  /** At most this many loss units are computed (the work grows with its square); default 20,000. */
  readonly maxUnits?: number;
}

/** One loss quantile: the smallest loss whose probability of not being exceeded is at least `level`. */
export interface LossQuantile {
  readonly level: number;
  /** In the unit of the input's potential losses (a multiple of the loss unit). */
  readonly loss: number;
}

export interface CreditRiskPlusResult {
  readonly lossUnit: number;
  /** Σ PD × potential loss: the banding keeps it exactly (the PDs are adjusted for it). */
  readonly expectedLoss: number;
  /** √(diversifiable + systematic variance), the CreditRisk+ closed form. */
  readonly standardDeviation: number;
  /** Σ (ν·L₀)² × PD′: the variance that diversifies away. */
  readonly diversifiableVariance: number;
  /** Σₖ σ²ₖ × (Σ wᵢₖ·PD′ᵢ·νᵢ·L₀)²: the variance the sector factors bring. */
  readonly systematicVariance: number;
  readonly quantiles: readonly LossQuantile[];
  /** P(loss = j loss units), j = 0 .. length − 1. */
  readonly probabilities: Float64Array;
  /** The CDF at the last unit computed. */
  readonly reachedProbability: number;
  /** Obligors kept (with a potential loss and a PD) and the largest band. */
  readonly obligors: number;
  readonly largestBand: number;
  /** Each kept obligor's contribution to the standard deviation (they add up to it), in input order. */
  readonly contributions: readonly { readonly id: string; readonly standardDeviation: number }[];
}

const DEFAULT_TAIL = 0.9999;
const DEFAULT_MAX_UNITS = 20_000;
/** Rescale the unnormalised recursion before doubles overflow (it is linear in its start). */
const RESCALE_ABOVE = 1e250;

/** Sector k's coefficients: A₀ = 1 + σ²μ, Aⱼ = σ² Σ_{ν=j} w·PD′ (sparse, by band). */
interface SectorSeries {
  readonly variance: number;
  readonly a0: number;
  readonly bands: Int32Array;
  readonly values: Float64Array;
  /** Coefficients of −ln(1 − A(z)/A₀), grown as the recursion goes. */
  readonly logSeries: number[];
}

function sectorSeries(book: BandedBook, k: number, sectors: number): SectorSeries {
  const variance = book.sectorVariances[k] as number;
  const byBand = new Map<number, number>();
  let mu = 0;
  for (let i = 0; i < book.band.length; i++) {
    const rate = (book.weights[i * sectors + k] as number) * (book.adjustedPd[i] as number);
    if (rate === 0) continue;
    mu += rate;
    const nu = book.band[i] as number;
    byBand.set(nu, (byBand.get(nu) ?? 0) + variance * rate);
  }
  const bands = Int32Array.from([...byBand.keys()].sort((x, y) => x - y));
  const values = Float64Array.from(bands, (b) => byBand.get(b) as number);
  const a0 = 1 + variance * mu;
  return { variance, a0, bands, values, logSeries: [-Math.log(a0)] };
}

/** Idiosyncratic rates by band; a sector with no variance is idiosyncratic too (Poisson). */
function poissonRates(book: BandedBook, sectors: number): Map<number, number> {
  const rates = new Map<number, number>();
  for (let i = 0; i < book.band.length; i++) {
    let w = book.idiosyncratic[i] as number;
    for (let k = 0; k < sectors; k++) if (book.sectorVariances[k] === 0) w += book.weights[i * sectors + k] as number;
    const rate = w * (book.adjustedPd[i] as number);
    if (rate > 0) rates.set(book.band[i] as number, (rates.get(book.band[i] as number) ?? 0) + rate);
  }
  return rates;
}

/** Next coefficient j ≥ 1 of −ln(1 − A(z)/A₀): Cⱼ = (Aⱼ + (1/j) Σᵢ i·Cᵢ·A_{j−i}) / A₀, all terms ≥ 0. */
function extendLogSeries(s: SectorSeries, j: number): number {
  let sum = 0;
  let own = 0;
  for (let t = 0; t < s.bands.length; t++) {
    const b = s.bands[t] as number;
    if (b > j) break;
    const v = s.values[t] as number;
    if (b === j) own = v;
    else sum += (j - b) * (s.logSeries[j - b] as number) * v;
  }
  const c = (own + sum / j) / s.a0;
  s.logSeries.push(c);
  return c;
}

/**
 * Each kept obligor's share of the standard deviation (CreditRisk+ risk contributions, CSFB 1997
 * A13): ν·L₀·PD′ · (ν·L₀ + Σₖ σ²ₖ·wₖ·ELₖ) / SD, ELₖ the sector's expected loss. They add up to SD.
 */
function contributions(book: BandedBook, sectorLoss: Float64Array, sd: number): Float64Array {
  const sectors = book.sectorVariances.length;
  const out = new Float64Array(book.band.length);
  if (!(sd > 0)) return out;
  for (let i = 0; i < book.band.length; i++) {
    const pl = (book.band[i] as number) * book.lossUnit;
    let systematic = 0;
    for (let k = 0; k < sectors; k++)
      systematic +=
        (book.sectorVariances[k] as number) * (book.weights[i * sectors + k] as number) * (sectorLoss[k] as number);
    out[i] = (pl * (book.adjustedPd[i] as number) * (pl + systematic)) / sd;
  }
  return out;
}

function variances(
  book: BandedBook,
  sectors: number,
): { diversifiable: number; systematic: number; sectorLoss: Float64Array } {
  const L = book.lossUnit;
  let diversifiable = 0;
  const sectorLoss = new Float64Array(sectors);
  for (let i = 0; i < book.band.length; i++) {
    const pl = (book.band[i] as number) * L;
    const pd = book.adjustedPd[i] as number;
    diversifiable += pl * pl * pd;
    for (let k = 0; k < sectors; k++)
      sectorLoss[k] = (sectorLoss[k] as number) + (book.weights[i * sectors + k] as number) * pd * pl;
  }
  let systematic = 0;
  for (let k = 0; k < sectors; k++) systematic += (book.sectorVariances[k] as number) * (sectorLoss[k] as number) ** 2;
  return { diversifiable, systematic, sectorLoss };
}

/**
 * The loss distribution of a banded book in loss units, by the nested recursion of Haaf, Reiß and
 * Schoenmakers (2004) as crp.CSFP runs it: ln G(z) = Σⱼ aⱼ zʲ is built from each sector's
 * −ln(A₀ − A(z)) series, then P(j) = Σᵢ (i/j)·aᵢ·P(j − i). Every term is non-negative, so no
 * cancellation: the classical Panjer form of CSFB's appendix subtracts and loses digits in the tail.
 * Stops once the CDF reaches `target` or after `maxUnits` units.
 *
 * @example
 * lossDistribution(bandBook(input).value, 0.9999, 20_000) // P(0), P(1 unit), ... until 99.99 %
 */
export function lossDistribution(book: BandedBook, target: number, maxUnits: number): Float64Array {
  const sectors = book.sectorVariances.length;
  const series = book.sectorVariances
    .map((v, k) => (v > 0 ? sectorSeries(book, k, sectors) : null))
    .filter((s): s is SectorSeries => s !== null);
  const poisson = poissonRates(book, sectors);
  let a0 = 0;
  for (const r of poisson.values()) a0 -= r;
  for (const s of series) a0 += (s.logSeries[0] as number) / s.variance;
  const a: number[] = [a0];
  // h is P up to one common factor: h₀ = 1 and P(j) = h(j)·exp(a₀ + logScale).
  const h: number[] = [1];
  let logScale = 0;
  let hSum = 1;
  let cdf = Math.exp(a0);
  let j = 0;
  while (cdf < target && j < maxUnits) {
    j += 1;
    let aj = poisson.get(j) ?? 0;
    for (const s of series) aj += extendLogSeries(s, j) / s.variance;
    a.push(aj);
    let hj = 0;
    for (let i = 1; i <= j; i++) hj += i * (a[i] as number) * (h[j - i] as number);
    hj /= j;
    h.push(hj);
    hSum += hj;
    if (hj > RESCALE_ABOVE) {
      for (let t = 0; t < h.length; t++) h[t] = (h[t] as number) / RESCALE_ABOVE;
      hSum /= RESCALE_ABOVE;
      logScale += Math.log(RESCALE_ABOVE);
    }
    cdf = Math.exp(Math.log(hSum) + a0 + logScale);
  }
  return Float64Array.from(h, (x) => Math.exp(Math.log(x) + a0 + logScale));
}

/**
 * CreditRisk+ (CSFB 1997; DOMAIN 3.5): expected loss, standard deviation and loss quantiles of a
 * book whose default rates follow gamma sector factors, one sector being the one-factor model.
 * Exposures are banded by the loss unit as crp.CSFP does (`bandBook`). A quantile the computed
 * distribution does not reach within `maxUnits` is an error asking for a larger loss unit.
 *
 * @example
 * const r = creditRiskPlus({ obligors, sectorVariances: [0.0267, 0.0267, 0.0267], lossUnit: 1e6 });
 * // r.value.expectedLoss ≈ 3,799,788.73 on the CSFB example
 */
export function creditRiskPlus(
  input: CreditRiskPlusInput,
  options: CreditRiskPlusOptions = {},
): Result<CreditRiskPlusResult> {
  const levels = options.levels ?? CREDITRISKPLUS_LEVELS;
  for (const level of levels) {
    if (!(level > 0 && level < 1))
      return fail('CRP_INVALID_SETTING', { field: 'quantile level', value: String(level), expected: 'in (0, 1)' });
  }
  const maxUnits = options.maxUnits ?? DEFAULT_MAX_UNITS;
  const banded = bandBook(input);
  if (!banded.ok) return banded;
  const book = banded.value;
  const target = Math.max(options.tailProbability ?? DEFAULT_TAIL, ...levels);
  const probabilities = lossDistribution(book, target, maxUnits);
  const quantiles: LossQuantile[] = [];
  for (const level of levels) {
    let cdf = 0;
    let unit = -1;
    for (let j = 0; j < probabilities.length; j++) {
      cdf += probabilities[j] as number;
      if (cdf >= level) {
        unit = j;
        break;
      }
    }
    if (unit < 0)
      return fail('CRP_LOSS_UNIT_TOO_SMALL', {
        field: 'lossUnit',
        value: String(book.lossUnit),
        level,
        maxUnits,
        reached: cdf,
      });
    quantiles.push({ level, loss: unit * book.lossUnit });
  }
  const { diversifiable, systematic, sectorLoss } = variances(book, book.sectorVariances.length);
  const standardDeviation = Math.sqrt(diversifiable + systematic);
  const shares = contributions(book, sectorLoss, standardDeviation);
  let reached = 0;
  for (const p of probabilities) reached += p;
  let largestBand = 0;
  for (const b of book.band) largestBand = Math.max(largestBand, b);
  return ok({
    lossUnit: book.lossUnit,
    expectedLoss: book.expectedLoss,
    standardDeviation,
    diversifiableVariance: diversifiable,
    systematicVariance: systematic,
    quantiles,
    probabilities,
    reachedProbability: reached,
    obligors: book.band.length,
    largestBand,
    contributions: book.ids.map((id, i) => ({ id, standardDeviation: shares[i] as number })),
  });
}

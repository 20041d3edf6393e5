import type { Grade } from '../../model/index.js';
import { calibrate } from './calibration.js';
import { type DistressInput, featureVector } from './feature-sets.js';
import { gradeForPd, scoreForPd } from './grade.js';
import { explainMargin } from './model.js';
import type { DistressModel } from './model-file.js';

/** One feature of a scored company: its value (null when not computable) and its push on the log-odds. */
export interface FeatureContribution {
  readonly name: string;
  readonly value: number | null;
  /** Contribution to the log-odds of distress: positive raises the PD. */
  readonly contribution: number;
}

export interface DistressScore {
  /** Calibrated 12-month probability of default. */
  readonly pd: number;
  /** 0–100, higher = safer, on the DOMAIN 8.4 scorecard scale. */
  readonly score: number;
  readonly grade: Grade;
  readonly features: readonly FeatureContribution[];
  /** Raw items (statement-items model) or attributes (polish-ratios model) that were missing. */
  readonly missing: readonly string[];
  /** Up to three risk-raising drivers, e.g. `LOW_EBIT_TA(-0.12)`. */
  readonly reasons: readonly string[];
}

function formatValue(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toFixed(0);
  return String(Number(value.toPrecision(abs >= 1 ? 3 : 2)));
}

/** A reason code: LOW_/HIGH_ against the training median, or MISSING_ when not computable. */
export function reasonCode(name: string, value: number | null, median: number): string {
  if (value === null) return `MISSING_${name}`;
  return `${value < median ? 'LOW' : 'HIGH'}_${name}(${formatValue(value)})`;
}

/** Indices of the `k` largest positive contributions, largest first. */
function topDrivers(contributions: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < contributions.length; j += 1) {
    const c = contributions[j] as number;
    if (c <= 0) continue;
    let at = out.length;
    while (at > 0 && (contributions[out[at - 1] as number] as number) < c) at -= 1;
    if (at < k) out.splice(at, 0, j);
    if (out.length > k) out.pop();
  }
  return out;
}

/**
 * Scores one company: calibrated PD, 0–100 score, grade, the per-feature contributions (Saabas
 * path contributions, summing with the model's bias to the log-odds) and the top three
 * risk-raising reasons. The input is raw statement items, or a Polish ratio row `{ attr }`; a
 * polish-ratios model accepts only the latter. Missing values are routed as the trees learnt.
 *
 * @example
 * const s = scoreDistress(model, { revenue: 120, ebit: -6, netIncome: -8, totalAssets: 100, ... });
 * s.reasons; // ['LOW_EBIT_TA(-0.06)', 'HIGH_TL_TA(0.92)', ...]
 */
export function scoreDistress(model: DistressModel, input: DistressInput): DistressScore {
  const { values, missing } = featureVector(model.featureSet, input);
  const x = Float64Array.from(model.columns, (c) => values[c] as number);
  const { bias, contributions } = explainMargin(model.ensemble, x, model.features.length);
  let margin = bias;
  for (const c of contributions) margin += c;
  const pd = calibrate(model.calibration, margin);
  const features = model.features.map((f, j) => {
    const v = x[j] as number;
    return { name: f.name, value: Number.isNaN(v) ? null : v, contribution: contributions[j] as number };
  });
  const reasons = topDrivers(contributions, 3).map((j) => {
    const f = features[j] as FeatureContribution;
    return reasonCode(f.name, f.value, (model.features[j] as { median: number }).median);
  });
  return { pd, score: scoreForPd(pd), grade: gradeForPd(pd), features, missing, reasons };
}

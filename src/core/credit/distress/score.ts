import type { Grade } from '../../model/index.js';
import { roundSignificant } from './binning.js';
import { calibrate } from './calibration.js';
import { type DistressInput, featureVector } from './feature-sets.js';
import { FEATURES } from './features.js';
import { gradeForPd, scoreForPd } from './grade.js';
import { sigmoid } from './metrics.js';
import { explainMargin } from './model.js';
import type { DistressModel, ModelFeature } from './model-file.js';

/** One feature of a scored company: its value (null when not computable) and its push on the log-odds. */
export interface FeatureContribution {
  readonly name: string;
  readonly value: number | null;
  /** Contribution to the log-odds of distress: positive raises the PD. */
  readonly contribution: number;
}

/**
 * Why a company scored as it did, as a code and its data; the app layer turns it into a sentence
 * in the reader's language (feature names are codes too: `feature`, or comma-separated `features`).
 */
export type DistressReasonCode =
  | 'DISTRESS_FEATURE_LOW'
  | 'DISTRESS_FEATURE_HIGH'
  | 'DISTRESS_FEATURE_RISKY'
  | 'DISTRESS_FEATURE_MISSING'
  | 'DISTRESS_ITEMS_MISSING'
  | 'DISTRESS_OUT_OF_RANGE_BLENDED'
  | 'DISTRESS_OUT_OF_RANGE_KEPT'
  | 'DISTRESS_OUT_OF_RANGE'
  | 'DISTRESS_MODEL_NOT_APPLICABLE';

export interface DistressReason {
  readonly code: DistressReasonCode;
  readonly data: Readonly<Record<string, string | number | null>>;
}

export interface DistressScore {
  /** Calibrated 12-month probability of default (blended with Altman Z″ where out of range). */
  readonly pd: number;
  /** 0–100, higher = safer, on the DOMAIN 8.4 scorecard scale. */
  readonly score: number;
  readonly grade: Grade;
  readonly features: readonly FeatureContribution[];
  /** Raw items (statement-items model) or attributes (polish-ratios model) that were missing. */
  readonly missing: readonly string[];
  /** The model's features whose value lies outside the training range. */
  readonly outOfRange: readonly string[];
  /** Altman Z″ of the company when the model blends with it and it can be computed. */
  readonly altmanZ: number | null;
  /** Weight of Altman Z″ in the log-odds of the PD (0: the model alone). */
  readonly altmanWeight: number;
  /** False when the model's applicability limits say it should not score this company. */
  readonly isApplicable: boolean;
  /** Up to three risk-raising drivers, then what was missing or out of range. */
  readonly reasons: readonly DistressReason[];
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

const round3 = (x: number): number => roundSignificant(x, 3);

/** A risk-raising driver: low or high (its risky side, or against the training median), or missing. */
function driverReason(feature: ModelFeature, value: number | null): DistressReason {
  if (value === null) return { code: 'DISTRESS_FEATURE_MISSING', data: { feature: feature.name } };
  const data = { feature: feature.name, value: round3(value), typical: round3(feature.median) };
  // A monotone feature raises risk only on its risky side; a free one is read against the median.
  const side = feature.monotone !== 0 ? -Math.sign(feature.monotone) : Math.sign(feature.median - value);
  if (side === 0) return { code: 'DISTRESS_FEATURE_RISKY', data };
  return { code: side > 0 ? 'DISTRESS_FEATURE_LOW' : 'DISTRESS_FEATURE_HIGH', data };
}

const Z_COLUMN = FEATURES.findIndex((f) => f.name === 'Z_DOUBLE_PRIME');

const NEEDED = new WeakMap<DistressModel, readonly number[]>();

/** The feature positions a model reads (its columns, and Z″ for the fallback), computed once per model. */
function neededColumns(model: DistressModel): readonly number[] {
  let columns = NEEDED.get(model);
  if (columns === undefined) {
    columns = model.fallback === null ? model.columns : [...new Set([...model.columns, Z_COLUMN])];
    NEEDED.set(model, columns);
  }
  return columns;
}

const NEEDED_ITEMS = new WeakMap<DistressModel, ReadonlySet<string>>();

/** Items that some feature of the model needs and that are missing (statement-items models only). */
function neededMissingItems(model: DistressModel, missing: readonly string[]): string[] {
  if (model.featureSet !== 'statement-items' || missing.length === 0) return [];
  let needed = NEEDED_ITEMS.get(model);
  if (needed === undefined) {
    needed = new Set(model.columns.flatMap((c) => FEATURES[c]?.items ?? []));
    NEEDED_ITEMS.set(model, needed);
  }
  return missing.filter((name) => needed.has(name));
}

interface Blend {
  readonly logit: number;
  readonly z: number | null;
  readonly weight: number;
}

/** Which side of their training range the out-of-range inputs lie on: +1 all risky, −1 all safe, 0 mixed. */
function sideOf(model: DistressModel, x: Float64Array, outOfRange: readonly number[]): number {
  const sides = outOfRange.map((j) => {
    const f = model.features[j] as ModelFeature;
    const beyond = (x[j] as number) > f.high ? 1 : -1;
    return Math.sign(f.monotone) * beyond;
  });
  if (sides.every((side) => side > 0)) return 1;
  return sides.every((side) => side < 0) ? -1 : 0;
}

/**
 * Log-odds of the PD: the model's, moved towards Altman Z″'s by the importance share of the inputs
 * outside the training range (where the trees are flat and Z″, linear, still tells companies
 * apart). Never against the inputs' direction: beyond the risky end of every such input the PD can
 * only rise, beyond the safe end only fall, so the PD stays monotone in each ratio.
 */
function blend(model: DistressModel, margin: number, values: Float64Array, x: Float64Array, outside: number[]): Blend {
  const logit = model.calibration.intercept + model.calibration.slope * margin;
  const fallback = model.fallback;
  const z = fallback === null || model.featureSet !== 'statement-items' ? Number.NaN : (values[Z_COLUMN] as number);
  if (fallback === null || Number.isNaN(z)) return { logit, z: null, weight: 0 };
  if (outside.length === 0) return { logit, z, weight: 0 };
  const weight = Math.min(
    1,
    outside.reduce((s, j) => s + (model.features[j]?.importance ?? 0), 0),
  );
  const zLogit = fallback.intercept + fallback.slope * Math.asinh(z);
  const mixed = (1 - weight) * logit + weight * zLogit;
  const side = sideOf(model, x, outside);
  const blended = side > 0 ? Math.max(logit, mixed) : side < 0 ? Math.min(logit, mixed) : mixed;
  return { logit: blended, z, weight: blended === logit ? 0 : weight };
}

function contextReasons(model: DistressModel, missing: readonly string[], outOfRange: string[], b: Blend) {
  const reasons: DistressReason[] = [];
  if (outOfRange.length > 0 && model.fallback !== null) {
    const features = outOfRange.join(',');
    const z = b.z === null ? null : roundSignificant(b.z, 3);
    if (z === null) reasons.push({ code: 'DISTRESS_OUT_OF_RANGE', data: { features } });
    else if (b.weight > 0)
      reasons.push({
        code: 'DISTRESS_OUT_OF_RANGE_BLENDED',
        data: { features, weight: Math.round(b.weight * 100), z },
      });
    else reasons.push({ code: 'DISTRESS_OUT_OF_RANGE_KEPT', data: { features, z } });
  }
  const items = neededMissingItems(model, missing);
  if (items.length > 0) reasons.push({ code: 'DISTRESS_ITEMS_MISSING', data: { items: items.join(',') } });
  return reasons;
}

/**
 * Scores one company: calibrated PD, 0–100 score, grade, the per-feature contributions (Saabas
 * path contributions, summing with the model's bias to the log-odds) and its reasons: the three
 * largest risk-raising drivers, then (statement-items model) the inputs outside the training range
 * and the missing items. Where inputs lie outside the training range and the model carries an
 * Altman Z″ fallback, the PD's log-odds move towards Z″'s by the importance share of those inputs
 * (never against the inputs' risk direction; see blend).
 * The input is raw statement items, or a Polish ratio row `{ attr }`; a polish-ratios model
 * accepts only the latter.
 *
 * @example
 * const s = scoreDistress(model, { revenue: 120, ebit: -6, netIncome: -8, totalAssets: 100, ... });
 * s.reasons[0]; // { code: 'DISTRESS_FEATURE_LOW', data: { feature: 'EBIT_TA', value: -0.06, typical: 0.078 } }
 */
export function scoreDistress(model: DistressModel, input: DistressInput): DistressScore {
  const { values, missing } = featureVector(model.featureSet, input, neededColumns(model));
  const x = Float64Array.from(model.columns, (c) => values[c] as number);
  const { bias, contributions } = explainMargin(model.ensemble, x, model.features.length);
  let margin = bias;
  for (const c of contributions) margin += c;
  const outside: number[] = [];
  model.features.forEach((f, j) => {
    const v = x[j] as number;
    if (v < f.low || v > f.high) outside.push(j);
  });
  const b = blend(model, margin, values, x, outside);
  const pd = b.weight > 0 ? sigmoid(b.logit) : calibrate(model.calibration, margin);
  const features = model.features.map((f, j) => {
    const v = x[j] as number;
    return { name: f.name, value: Number.isNaN(v) ? null : v, contribution: contributions[j] as number };
  });
  const outOfRange = outside.map((j) => (model.features[j] as ModelFeature).name);
  const drivers = topDrivers(contributions, 3).map((j) =>
    driverReason(model.features[j] as ModelFeature, (features[j] as FeatureContribution).value),
  );
  const limits = model.applicability;
  const isApplicable =
    limits === null ||
    (missing.length <= limits.maxMissing && outside.length <= limits.maxOutOfRangeShare * model.features.length);
  return {
    pd,
    score: scoreForPd(pd),
    grade: gradeForPd(pd),
    features,
    missing,
    outOfRange,
    altmanZ: b.z,
    altmanWeight: b.weight,
    isApplicable,
    reasons: [...drivers, ...contextReasons(model, missing, outOfRange, b)],
  };
}

/** A score and the model that gave it. */
export interface LayeredScore {
  readonly model: DistressModel;
  readonly score: DistressScore;
}

/**
 * Scores with `primary` when the company lies within its applicability limits, otherwise with
 * `fallback`, and says why in the first reason (the polish-ratios model falls back to the
 * statement-items model for rows unlike its training data: many attributes missing, or many
 * ratios outside their training range).
 *
 * @example
 * scoreWithFallback(ratiosModel, itemsModel, { attr }).model.version; // 'distress-ratios-v2' or 'distress-items-v2'
 */
export function scoreWithFallback(primary: DistressModel, fallback: DistressModel, input: DistressInput): LayeredScore {
  const first = scoreDistress(primary, input);
  if (first.isApplicable) return { model: primary, score: first };
  const second = scoreDistress(fallback, input);
  const why: DistressReason = {
    code: 'DISTRESS_MODEL_NOT_APPLICABLE',
    data: { missing: first.missing.length, outOfRange: first.outOfRange.length },
  };
  return { model: fallback, score: { ...second, reasons: [why, ...second.reasons] } };
}

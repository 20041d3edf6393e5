import { assert } from '../../shared/index.js';
import { roundSignificant } from './binning.js';
import { boostTrees } from './boosting.js';
import { fitCalibration } from './calibration.js';
import { type FeatureSetName, featureIndex, featureSpecs } from './feature-sets.js';
import { explainMargin, type TreeEnsemble } from './model.js';
import type { Applicability, DistressModel, ModelFeature, ZFallback } from './model-file.js';
import {
  binTraining,
  type Candidate,
  type CvOptions,
  type CvResult,
  crossValidate,
  type TrainingSet,
} from './training.js';

export interface SelectOptions {
  /** Simplest first: with `tolerance`, the first candidate within it of the best CV AUC wins. */
  readonly candidates: readonly Candidate[];
  readonly cv: CvOptions;
  readonly seed: number;
  /** CV AUC a simpler candidate may give up (0: the best wins). Set before looking at any result. */
  readonly tolerance?: number;
}

export interface FitOptions extends SelectOptions {
  readonly version: string;
  readonly featureSet: FeatureSetName;
  /** Altman Z″ of every training row (NaN when not computable): fits the fallback. Absent: no fallback. */
  readonly altmanZ?: Float64Array;
  readonly applicability?: Applicability;
  /** Free-form provenance written to the model file (data files, split, date given by the caller). */
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface FitReport {
  readonly model: DistressModel;
  readonly cv: readonly { candidate: Candidate; rounds: number; auc: number }[];
  readonly chosen: CvResult;
}

/** The training range of a feature: these quantiles of the non-missing training values. */
export const RANGE_QUANTILES: readonly [number, number] = [0.001, 0.999];

function sortedValues(column: Float64Array): Float64Array {
  return column.filter((v) => !Number.isNaN(v)).sort();
}

/** The q-quantile of sorted values (nearest rank), or `empty` when there are none. */
export function quantileOf(sorted: Float64Array, q: number, empty = 0): number {
  if (sorted.length === 0) return empty;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))] as number;
}

function median(sorted: Float64Array): number {
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The 12-month rows' margins and outcomes; all rows when the set has no 12-month row. */
function twelveMonthRows(set: TrainingSet, margins: Float64Array): { margins: Float64Array; outcomes: number[] } {
  const hasTwelve = set.isTwelveMonth.some((flag) => flag === 1);
  const m: number[] = [];
  const outcomes: number[] = [];
  set.isTwelveMonth.forEach((flag, i) => {
    if (hasTwelve && flag !== 1) return;
    m.push(margins[i] as number);
    outcomes.push(set.labels[i] as number);
  });
  return { margins: Float64Array.from(m), outcomes };
}

/** Each feature's share of the mean absolute contribution over the training rows. */
function importances(ensemble: TreeEnsemble, set: TrainingSet): number[] {
  const k = set.matrix.columns.length;
  const total = new Float64Array(k);
  const x = new Float64Array(k);
  for (let i = 0; i < set.matrix.rowCount; i += 1) {
    set.matrix.columns.forEach((column, j) => {
      x[j] = column[i] as number;
    });
    const { contributions } = explainMargin(ensemble, x, k);
    contributions.forEach((c, j) => {
      total[j] = (total[j] as number) + Math.abs(c);
    });
  }
  const sum = total.reduce((s, v) => s + v, 0);
  return Array.from(total, (v) => (sum > 0 ? roundSignificant(v / sum, 4) : 0));
}

/** Altman Z″ as 12-month log-odds on the training rows where it is computable: a + b·asinh(Z″). */
export function fitAltmanFallback(set: TrainingSet, altmanZ: Float64Array): ZFallback {
  const rows = twelveMonthRows(
    set,
    Float64Array.from(altmanZ, (z) => -Math.asinh(z)),
  );
  const keep = [...rows.margins.keys()].filter((i) => !Number.isNaN(rows.margins[i] as number));
  const fit = fitCalibration(
    Float64Array.from(keep, (i) => rows.margins[i] as number),
    keep.map((i) => rows.outcomes[i] as number),
  );
  return { variant: 'z-double-prime', intercept: fit.intercept, slope: -fit.slope };
}

function describeFeatures(set: TrainingSet, options: FitOptions, candidate: Candidate, ensemble: TreeEnsemble) {
  const specs = featureSpecs(options.featureSet);
  const columns = set.matrix.names.map((name) => {
    const column = featureIndex(options.featureSet, name);
    assert(column >= 0, `feature ${name} is not in the ${options.featureSet} set`);
    return column;
  });
  const shares = importances(ensemble, set);
  const features = set.matrix.names.map((name, j): ModelFeature => {
    const sorted = sortedValues(set.matrix.columns[j] as Float64Array);
    return {
      name,
      formula: specs[columns[j] as number]?.formula ?? '',
      polish: specs[columns[j] as number]?.polish ?? '',
      median: roundSignificant(median(sorted), 6),
      monotone: candidate.monotone?.[j] ?? 0,
      low: roundSignificant(quantileOf(sorted, RANGE_QUANTILES[0], Number.NEGATIVE_INFINITY), 6),
      high: roundSignificant(quantileOf(sorted, RANGE_QUANTILES[1], Number.POSITIVE_INFINITY), 6),
      importance: shares[j] as number,
    };
  });
  return { features, columns };
}

/**
 * Trains a distress model on the columns of `set` (named as in `options.featureSet`): chooses
 * hyper-parameters and rounds by k-fold cross-validation inside `set` only, refits on all of
 * `set`, and fits the 12-month calibration on the out-of-fold margins of the 12-month rows. Records
 * per feature its monotone constraint, training range and importance, and (with `altmanZ`) the
 * Altman Z″ fallback. Deterministic for given options.
 */
export function fitDistressModel(set: TrainingSet, options: FitOptions): FitReport {
  const { ensemble, calibration, chosen, cv } = selectAndFit(set, options);
  const { features, columns } = describeFeatures(set, options, chosen.candidate, ensemble);
  const { monotone: _, ...shape } = chosen.candidate;
  const hyperParameters = { ...shape, rounds: chosen.rounds, seed: options.seed };
  const model: DistressModel = {
    version: options.version,
    featureSet: options.featureSet,
    features,
    columns,
    ensemble,
    calibration,
    fallback: options.altmanZ === undefined ? null : fitAltmanFallback(set, options.altmanZ),
    applicability: options.applicability ?? null,
    training: {
      ...options.metadata,
      hyperParameters,
      cvFolds: options.cv.folds,
      cvAuc12m: round4(chosen.auc),
      cvCandidates: cv.map(({ candidate: { monotone: __, ...c }, rounds, auc }) => ({
        ...c,
        rounds,
        auc: round4(auc),
      })),
    },
  };
  return { model, cv, chosen };
}

/**
 * Cross-validates every candidate inside `set`, refits the chosen one on all of `set` and fits the
 * calibration on its out-of-fold margins of 12-month rows. Works on any feature matrix.
 */
export function selectAndFit(set: TrainingSet, options: SelectOptions) {
  const results = options.candidates.map((candidate) => crossValidate(set, candidate, options.cv));
  const bestAuc = Math.max(...results.map((r) => r.auc));
  const chosen = results.find((r) => r.auc >= bestAuc - (options.tolerance ?? 0)) as CvResult;
  const binned = binTraining(set.matrix, chosen.candidate.maxBins);
  const ensemble: TreeEnsemble = boostTrees(binned, set.labels, {
    ...chosen.candidate,
    rounds: chosen.rounds,
    seed: options.seed,
  });
  const oof = twelveMonthRows(set, chosen.oofMargins);
  const calibration = fitCalibration(oof.margins, oof.outcomes);
  const cv = results.map((r) => ({ candidate: r.candidate, rounds: r.rounds, auc: r.auc }));
  return { ensemble, calibration, chosen, cv };
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

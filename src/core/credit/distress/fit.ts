import { assert } from '../../shared/index.js';
import { roundSignificant } from './binning.js';
import { boostTrees } from './boosting.js';
import { fitCalibration } from './calibration.js';
import { type FeatureSetName, featureIndex, featureSpecs } from './feature-sets.js';
import type { TreeEnsemble } from './model.js';
import type { DistressModel } from './model-file.js';
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
  /** Free-form provenance written to the model file (data files, split, date given by the caller). */
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface FitReport {
  readonly model: DistressModel;
  readonly cv: readonly { candidate: Candidate; rounds: number; auc: number }[];
  readonly chosen: CvResult;
}

function median(column: Float64Array): number {
  const values = column.filter((v) => !Number.isNaN(v)).sort();
  if (values.length === 0) return 0;
  const mid = values.length >> 1;
  return values.length % 2 === 1
    ? (values[mid] as number)
    : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

function twelveMonthRows(set: TrainingSet, margins: Float64Array): { margins: Float64Array; outcomes: number[] } {
  const m: number[] = [];
  const outcomes: number[] = [];
  set.isTwelveMonth.forEach((flag, i) => {
    if (flag !== 1) return;
    m.push(margins[i] as number);
    outcomes.push(set.labels[i] as number);
  });
  return { margins: Float64Array.from(m), outcomes };
}

/**
 * Trains a distress model on the columns of `set` (named as in `options.featureSet`): chooses
 * hyper-parameters and rounds by k-fold cross-validation inside `set` only, refits on all of
 * `set`, and fits the 12-month calibration on the out-of-fold margins of the 12-month rows.
 * Deterministic for given options.
 */
export function fitDistressModel(set: TrainingSet, options: FitOptions): FitReport {
  const { ensemble, calibration, chosen, cv } = selectAndFit(set, options);
  const specs = featureSpecs(options.featureSet);
  const columns = set.matrix.names.map((name) => {
    const column = featureIndex(options.featureSet, name);
    assert(column >= 0, `feature ${name} is not in the ${options.featureSet} set`);
    return column;
  });
  const features = set.matrix.names.map((name, j) => ({
    name,
    formula: specs[columns[j] as number]?.formula ?? '',
    polish: specs[columns[j] as number]?.polish ?? '',
    median: roundSignificant(median(set.matrix.columns[j] as Float64Array), 6),
  }));
  const hyperParameters = { ...chosen.candidate, rounds: chosen.rounds, seed: options.seed };
  const model: DistressModel = {
    version: options.version,
    featureSet: options.featureSet,
    features,
    columns,
    ensemble,
    calibration,
    training: {
      ...options.metadata,
      hyperParameters,
      cvFolds: options.cv.folds,
      cvAuc12m: round4(chosen.auc),
      cvCandidates: cv.map((r) => ({ ...r.candidate, rounds: r.rounds, auc: round4(r.auc) })),
    },
  };
  return { model, cv, chosen };
}

/**
 * Cross-validates every candidate inside `set`, refits the best on all of `set` and fits the
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

import { type BinnedMatrix, binMatrix, computeAllThresholds, type FeatureMatrix, selectRows } from './binning.js';
import { type BoostParams, boostTrees } from './boosting.js';
import { computeAuc } from './metrics.js';
import { predictMargin, type TreeEnsemble } from './model.js';
import { stratifiedFolds } from './sampling.js';

/** Training rows: features, 0/1 outcomes, and 1 where the outcome was observed over 12 months. */
export interface TrainingSet {
  readonly matrix: FeatureMatrix;
  readonly labels: Uint8Array;
  readonly isTwelveMonth: Uint8Array;
}

/** Hyper-parameters of one candidate; `rounds` is chosen by cross-validation. */
export type Candidate = Omit<BoostParams, 'rounds' | 'seed'> & { readonly maxBins: number };

export interface CvOptions {
  readonly folds: number;
  readonly maxRounds: number;
  /** Rounds between two checkpoints of the validation curve. */
  readonly step: number;
  readonly seed: number;
}

export interface CvResult {
  readonly candidate: Candidate;
  readonly rounds: number;
  /** Pooled out-of-fold AUC on the 12-month rows at `rounds`. */
  readonly auc: number;
  /** Out-of-fold margins of every row at `rounds` (for the calibration step). */
  readonly oofMargins: Float64Array;
}

export function subset(set: TrainingSet, rows: readonly number[]): TrainingSet {
  return {
    matrix: selectRows(set.matrix, rows),
    labels: Uint8Array.from(rows, (i) => set.labels[i] as number),
    isTwelveMonth: Uint8Array.from(rows, (i) => set.isTwelveMonth[i] as number),
  };
}

/** Bins a training set on its own quantiles. */
export function binTraining(matrix: FeatureMatrix, maxBins: number): BinnedMatrix {
  return binMatrix(matrix, computeAllThresholds(matrix, maxBins));
}

function rowsOfMatrix(matrix: FeatureMatrix, i: number): Float64Array {
  return Float64Array.from(matrix.columns, (column) => column[i] as number);
}

/** The margin of every row of a matrix. */
export function predictMatrix(ensemble: TreeEnsemble, matrix: FeatureMatrix): Float64Array {
  return Float64Array.from({ length: matrix.rowCount }, (_, i) => predictMargin(ensemble, rowsOfMatrix(matrix, i)));
}

/** AUC on the 12-month rows, or on all rows when the set has none (e.g. 1year rows only). */
function auc12(margins: Float64Array, set: TrainingSet): number {
  const hasTwelve = set.isTwelveMonth.some((flag) => flag === 1);
  const scores: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < margins.length; i += 1) {
    if (hasTwelve && set.isTwelveMonth[i] !== 1) continue;
    scores.push(margins[i] as number);
    labels.push(set.labels[i] as number);
  }
  return computeAuc(scores, labels);
}

/** Runs one fold: trains on the other folds, records validation margins at every checkpoint. */
function runFold(
  set: TrainingSet,
  folds: Uint8Array,
  fold: number,
  candidate: Candidate,
  options: CvOptions,
  snapshots: Float64Array[],
): void {
  const trainRows: number[] = [];
  const validRows: number[] = [];
  folds.forEach((f, i) => {
    (f === fold ? validRows : trainRows).push(i);
  });
  const train = subset(set, trainRows);
  const valid = selectRows(set.matrix, validRows);
  const binned = binTraining(train.matrix, candidate.maxBins);
  const validX = validRows.map((_, r) => rowsOfMatrix(valid, r));
  const margins = new Float64Array(validRows.length);
  const params: BoostParams = { ...candidate, rounds: options.maxRounds, seed: options.seed + fold };
  const ensemble = boostTrees(binned, train.labels, params, (round, tree) => {
    validX.forEach((x, r) => {
      margins[r] =
        (margins[r] as number) +
        predictMargin({ baseMargin: 0, trees: [tree], missing: params.missing ?? 'learned' }, x);
    });
    if ((round + 1) % options.step !== 0) return;
    const snapshot = snapshots[(round + 1) / options.step - 1] as Float64Array;
    validRows.forEach((row, r) => {
      snapshot[row] = margins[r] as number;
    });
  });
  // The checkpoints summed tree outputs only; every margin also carries the base margin.
  for (const snapshot of snapshots) {
    for (const row of validRows) snapshot[row] = (snapshot[row] as number) + ensemble.baseMargin;
  }
}

/**
 * K-fold cross-validation of one candidate inside the training rows only; returns the number
 * of rounds with the best out-of-fold AUC on 12-month rows (all rows when there are none), and
 * the out-of-fold margins there.
 */
export function crossValidate(set: TrainingSet, candidate: Candidate, options: CvOptions): CvResult {
  const folds = stratifiedFolds(set.labels, options.folds, options.seed);
  const checkpoints = Math.floor(options.maxRounds / options.step);
  const snapshots = Array.from({ length: checkpoints }, () => new Float64Array(set.labels.length));
  for (let fold = 0; fold < options.folds; fold += 1) runFold(set, folds, fold, candidate, options, snapshots);
  let best = 0;
  let bestAuc = Number.NEGATIVE_INFINITY;
  snapshots.forEach((snapshot, c) => {
    const auc = auc12(snapshot, set);
    if (auc > bestAuc + 1e-4) {
      bestAuc = auc;
      best = c;
    }
  });
  return { candidate, rounds: (best + 1) * options.step, auc: bestAuc, oofMargins: snapshots[best] as Float64Array };
}

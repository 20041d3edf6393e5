// Back-test of the distress model on the UCI Polish data. Train: 1year.arff + a seeded stratified
// 50% of 5year-train.arff; test: the other 50% (12-month horizon), never used for any choice.
// Hyper-parameters are chosen by 4-fold CV inside the training part. Reports AUC and Brier of:
// the shipped family on raw-item features, the same family on all 64 ratios, Altman Z'' as a
// ranking score, a plain logistic regression and a signed-log logistic regression.
//   node --import tsx scripts/backtest-distress.ts
import { computeAltman } from '../src/core/credit/altman.js';
import {
  applyTransforms,
  attrFeatureMatrix,
  calibrate,
  computeAuc,
  computeBrier,
  concatMatrices,
  type FeatureMatrix,
  fitCalibration,
  fitLogistic,
  itemsFromPolishRatios,
  learnTransforms,
  polishAccessors,
  predictLogistic,
  predictMatrix,
  rawFeatureMatrix,
  selectAndFit,
  selectRows,
  type TrainingSet,
} from '../src/core/credit/distress/index.js';
import type { ArffTable } from '../src/import/arff.js';
import { CANDIDATES, CV, holdoutSplit, readPolish, SEED, trainingSet } from './train-distress.js';

interface Line {
  readonly name: string;
  readonly auc: number;
  readonly brier: number | null;
}

function report(lines: readonly Line[]): void {
  for (const l of lines) {
    console.log(
      `${l.name.padEnd(58)} AUC ${l.auc.toFixed(4)}  Brier ${l.brier === null ? '   n/a' : l.brier.toFixed(4)}`,
    );
  }
}

function boosted(name: string, set: TrainingSet, test: FeatureMatrix, labels: number[]): Line {
  const fit = selectAndFit(set, { candidates: CANDIDATES, cv: CV, seed: SEED });
  const best = fit.chosen;
  console.log(
    `${name}: depth ${best.candidate.maxDepth}, minChildHessian ${best.candidate.minChildHessian}, ${best.rounds} rounds, CV AUC ${best.auc.toFixed(4)}`,
  );
  const pd = Array.from(predictMatrix(fit.ensemble, test), (m) => calibrate(fit.calibration, m));
  return { name, auc: computeAuc(pd, labels), brier: computeBrier(pd, labels) };
}

/** Logistic regression on transformed columns; its probabilities recalibrated on 12-month training rows. */
function logistic(name: string, set: TrainingSet, test: FeatureMatrix, labels: number[], isSignedLog: boolean): Line {
  const transforms = learnTransforms(set.matrix, isSignedLog);
  const columns = applyTransforms(set.matrix, transforms);
  const fit = fitLogistic(columns, set.labels, 1);
  const logit = (p: number) => Math.log(p / (1 - p));
  const trainMargins: number[] = [];
  const trainOutcomes: number[] = [];
  set.isTwelveMonth.forEach((flag, i) => {
    if (flag !== 1) return;
    trainMargins.push(logit(predictLogistic(fit, columns, i)));
    trainOutcomes.push(set.labels[i] as number);
  });
  const calibration = fitCalibration(Float64Array.from(trainMargins), trainOutcomes);
  const testColumns = applyTransforms(test, transforms);
  const pd = labels.map((_, i) => calibrate(calibration, logit(predictLogistic(fit, testColumns, i))));
  return { name, auc: computeAuc(pd, labels), brier: computeBrier(pd, labels) };
}

function altmanLine(fiveYear: ArffTable, rows: readonly number[], labels: number[]): Line {
  const accessor = polishAccessors(fiveYear);
  const risk = rows.map((i) => {
    const z = computeAltman('z-double-prime', itemsFromPolishRatios(accessor(i)));
    return z.ok ? -z.value.score : Number.POSITIVE_INFINITY; // not computable: ranked riskiest
  });
  return { name: "Altman Z'' (ranking only)", auc: computeAuc(risk, labels), brier: null };
}

async function main(): Promise<void> {
  const started = performance.now();
  const oneYear = await readPolish('1year.arff');
  const fiveYear = await readPolish('5year-train.arff');
  const split = holdoutSplit(fiveYear);
  const labels = split.test.map((i) => (fiveYear.labels ?? [])[i] as number);
  console.log(
    `train: ${oneYear.rowCount} 1year + ${split.train.length} 5year rows; test: ${split.test.length} 5year rows (${labels.reduce((s, y) => s + y, 0)} bankrupt)`,
  );
  const raw = trainingSet(oneYear, fiveYear, split.train);
  const rawTest = selectRows(rawFeatureMatrix(fiveYear), split.test);
  const attrs: TrainingSet = {
    ...raw,
    matrix: concatMatrices([attrFeatureMatrix(oneYear), selectRows(attrFeatureMatrix(fiveYear), split.train)]),
  };
  const attrTest = selectRows(attrFeatureMatrix(fiveYear), split.test);
  const lines: Line[] = [
    boosted('boosted trees, raw-item features (shipped)', raw, rawTest, labels),
    boosted('boosted trees, all 64 Polish ratios', attrs, attrTest, labels),
    altmanLine(fiveYear, split.test, labels),
    logistic('plain logistic regression, 64 ratios (winsorised)', attrs, attrTest, labels, false),
    logistic('logistic regression, raw-item features (winsorised, signed log)', raw, rawTest, labels, true),
  ];
  report(lines);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

// Out-of-sample back-test of the distress models on the UCI Polish data.
// Train: 1year.arff + a seeded stratified 50% of 5year-train.arff (seed 365); test: the other 50%
// (12-month horizon), never used for any choice. Each shipped recipe (scripts/train-distress.ts)
// chooses its hyper-parameters by CV inside the training part only. Reports AUC and Brier of the
// ratios model, the statement-items model, Altman Z'' and a plain logistic regression.
//   node --import tsx scripts/backtest-distress.ts   (npm run backtest:distress)
import {
  applyTransforms,
  attrFeatureMatrix,
  calibrate,
  computeAuc,
  computeBrier,
  FEATURES,
  type FeatureMatrix,
  fitCalibration,
  fitLogistic,
  learnTransforms,
  predictLogistic,
  predictMatrix,
  selectAndFit,
  selectRows,
  type TrainingSet,
} from '../src/core/credit/distress/index.js';
import type { ArffTable } from '../src/import/arff.js';
import { holdoutSplit, type ModelRecipe, RECIPES, readPolish, SEED, trainingSet } from './train-distress.js';

interface Line {
  readonly name: string;
  readonly auc: number;
  readonly brier: number;
}

interface Split {
  readonly oneYear: ArffTable;
  readonly fiveYear: ArffTable;
  readonly train: readonly number[];
  readonly test: readonly number[];
  readonly labels: readonly number[];
}

const logit = (p: number): number => Math.log(p / (1 - p));

/** Platt-calibrates training scores on the 12-month training rows; returns test probabilities. */
function plattOn12m(set: TrainingSet, trainScores: ArrayLike<number>, testScores: ArrayLike<number>): number[] {
  const margins: number[] = [];
  const outcomes: number[] = [];
  set.isTwelveMonth.forEach((flag, i) => {
    if (flag !== 1) return;
    margins.push(trainScores[i] as number);
    outcomes.push(set.labels[i] as number);
  });
  const calibration = fitCalibration(Float64Array.from(margins), outcomes);
  return Array.from(testScores, (s) => calibrate(calibration, s));
}

function boosted(recipe: ModelRecipe, split: Split): Line {
  const set = trainingSet(recipe, split.oneYear, split.fiveYear, split.train);
  const test = selectRows(recipe.matrix(split.fiveYear), split.test);
  const fit = selectAndFit(set, { ...recipe, seed: SEED });
  for (const r of fit.cv)
    console.log(
      `  ${recipe.key} cv depth ${r.candidate.maxDepth}, minChildHessian ${r.candidate.minChildHessian}: ${r.rounds} rounds, CV AUC ${r.auc.toFixed(4)}`,
    );
  console.log(`  ${recipe.key} chosen: depth ${fit.chosen.candidate.maxDepth}, ${fit.chosen.rounds} rounds`);
  const pd = Array.from(predictMatrix(fit.ensemble, test), (m) => calibrate(fit.calibration, m));
  const name = `boosted trees, ${recipe.featureSet} (${recipe.version})`;
  return { name, auc: computeAuc(pd, split.labels), brier: computeBrier(pd, split.labels) };
}

/** Logistic regression on winsorised, standardised 64 ratios; recalibrated on 12-month rows. */
function logisticLine(split: Split): Line {
  const set = trainingSet({ matrix: attrFeatureMatrix }, split.oneYear, split.fiveYear, split.train);
  const test = selectRows(attrFeatureMatrix(split.fiveYear), split.test);
  const transforms = learnTransforms(set.matrix, false);
  const columns = applyTransforms(set.matrix, transforms);
  const fit = fitLogistic(columns, set.labels, 1);
  const trainScores = Array.from(set.labels, (_, i) => logit(predictLogistic(fit, columns, i)));
  const testColumns = applyTransforms(test, transforms);
  const testScores = split.test.map((_, i) => logit(predictLogistic(fit, testColumns, i)));
  const pd = plattOn12m(set, trainScores, testScores);
  const name = 'plain logistic regression, 64 ratios (winsorised)';
  return { name, auc: computeAuc(pd, split.labels), brier: computeBrier(pd, split.labels) };
}

/** −Z'' from the same raw-item code the items model uses; not computable → the riskiest value. */
function altmanRisk(matrix: FeatureMatrix): Float64Array {
  const j = matrix.names.indexOf('Z_DOUBLE_PRIME');
  const column = matrix.columns[j] as Float64Array;
  return Float64Array.from(column, (z) => (Number.isNaN(z) ? 10 : Math.min(10, Math.max(-10, -z))));
}

function altmanLine(split: Split): Line {
  const items = RECIPES.find((r) => r.featureSet === 'statement-items') as ModelRecipe;
  const set = trainingSet(items, split.oneYear, split.fiveYear, split.train);
  const test = selectRows(items.matrix(split.fiveYear), split.test);
  const pd = plattOn12m(set, altmanRisk(set.matrix), altmanRisk(test));
  const name = "Altman Z'' (Platt-calibrated on training rows)";
  return { name, auc: computeAuc(pd, split.labels), brier: computeBrier(pd, split.labels) };
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!FEATURES.some((f) => f.name === 'Z_DOUBLE_PRIME')) throw new Error("the items features lack Z''");
  const oneYear = await readPolish('1year.arff');
  const fiveYear = await readPolish('5year-train.arff');
  const { train, test } = holdoutSplit(fiveYear);
  const labels = test.map((i) => (fiveYear.labels ?? [])[i] as number);
  const split: Split = { oneYear, fiveYear, train, test, labels };
  console.log(
    `train: ${oneYear.rowCount} 1year + ${train.length} 5year rows; test: ${test.length} 5year rows (${labels.reduce((s, y) => s + y, 0)} bankrupt)`,
  );
  const lines = [...RECIPES.map((recipe) => boosted(recipe, split)), altmanLine(split), logisticLine(split)];
  for (const l of lines) console.log(`${l.name.padEnd(58)} AUC ${l.auc.toFixed(4)}  Brier ${l.brier.toFixed(4)}`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const ratios = lines.find((l) => l.name.includes('polish-ratios'));
  if (ratios === undefined || ratios.auc < 0.95) process.exitCode = 1; // the acceptance bar of the ratios model
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

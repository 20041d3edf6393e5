// Trains the two shipped distress models on the UCI Polish data: 1year.arff (5-year horizon) +
// 5year-train.arff (12-month horizon), hyper-parameters by cross-validation inside those rows.
//   models/distress-items-v1.json   features from raw statement items (any balance sheet)
//   models/distress-ratios-v1.json  the 64 Polish ratios + 2 derived (ratio-layout inputs only)
// Reproducible: seeded, and the training date is an argument, never the clock.
//   node --import tsx scripts/train-distress.ts --date 2026-11-25 [--only items|ratios]
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type Candidate,
  type CvOptions,
  concatMatrices,
  type FeatureMatrix,
  type FeatureSetName,
  fitDistressModel,
  type PolishRows,
  ratioFeatureMatrix,
  rawFeatureMatrix,
  selectRows,
  stratifiedSplit,
  type TrainingSet,
  toModelJson,
} from '../src/core/credit/distress/index.js';
import { type ArffTable, readArffFile } from '../src/import/arff.js';

export const DATA_DIR = new URL('../shared/data/polish-bankruptcy/', new URL('..', import.meta.url));
export const SEED = 20241125;
export const SPLIT_SEED = 365;

/** How one shipped model is trained; fixed before any back-test result was seen. */
export interface ModelRecipe {
  readonly key: 'items' | 'ratios';
  readonly version: string;
  readonly featureSet: FeatureSetName;
  readonly out: string;
  readonly matrix: (rows: PolishRows) => FeatureMatrix;
  /** Simplest first. */
  readonly candidates: readonly Candidate[];
  readonly cv: CvOptions;
  /** CV AUC a simpler candidate may give up (transfer to other data favours shallower trees). */
  readonly tolerance: number;
}

const candidate = (maxDepth: number, minChildHessian: number, learningRate: number, colsample: number): Candidate => ({
  maxDepth,
  minChildHessian,
  learningRate,
  lambda: 1,
  subsample: 0.8,
  colsample,
  maxBins: 64,
});

export const RECIPES: readonly ModelRecipe[] = [
  {
    key: 'items',
    version: 'distress-items-v1',
    featureSet: 'statement-items',
    out: 'models/distress-items-v1.json',
    matrix: (rows) => rawFeatureMatrix(rows),
    candidates: [candidate(2, 4, 0.05, 0.8), candidate(3, 10, 0.05, 0.8)],
    cv: { folds: 3, maxRounds: 400, step: 25, seed: SEED },
    tolerance: 0.003,
  },
  {
    key: 'ratios',
    version: 'distress-ratios-v1',
    featureSet: 'polish-ratios',
    out: 'models/distress-ratios-v1.json',
    matrix: ratioFeatureMatrix,
    candidates: [candidate(3, 4, 0.1, 0.5), candidate(4, 4, 0.1, 0.5)],
    cv: { folds: 3, maxRounds: 300, step: 25, seed: SEED },
    tolerance: 0,
  },
];

export async function readPolish(name: string): Promise<ArffTable> {
  const path = new URL(name, DATA_DIR).pathname;
  const table = await readArffFile(path);
  if (!table.ok) throw new Error(`${table.error.code} ${JSON.stringify(table.error.details)}`);
  if (table.value.labels === null) throw new Error(`${path}: no class attribute`);
  return table.value;
}

/** 1year rows (5-year horizon) plus the chosen 5year-train rows (12-month horizon). */
export function trainingSet(
  recipe: Pick<ModelRecipe, 'matrix'>,
  oneYear: ArffTable,
  fiveYear: ArffTable,
  fiveYearRows: readonly number[],
): TrainingSet {
  const five = selectRows(recipe.matrix(fiveYear), fiveYearRows);
  const labels5 = fiveYear.labels ?? new Uint8Array(0);
  return {
    matrix: concatMatrices([recipe.matrix(oneYear), five]),
    labels: Uint8Array.from([...(oneYear.labels ?? []), ...fiveYearRows.map((i) => labels5[i] as number)]),
    isTwelveMonth: Uint8Array.from([...new Array<number>(oneYear.rowCount).fill(0), ...fiveYearRows.map(() => 1)]),
  };
}

/** The back-test split of 5year-train: a seeded stratified half for training, the rest for testing. */
export function holdoutSplit(fiveYear: ArffTable): { train: number[]; test: number[] } {
  const first = stratifiedSplit(fiveYear.labels ?? new Uint8Array(0), 0.5, SPLIT_SEED);
  const train: number[] = [];
  const test: number[] = [];
  first.forEach((isTrain, i) => {
    (isTrain ? train : test).push(i);
  });
  return { train, test };
}

async function trainOne(recipe: ModelRecipe, oneYear: ArffTable, fiveYear: ArffTable, date: string): Promise<void> {
  const started = performance.now();
  const set = trainingSet(recipe, oneYear, fiveYear, [...fiveYear.lines.keys()]);
  const metadata = {
    data: ['1year.arff (UCI #365, 7,027 firms, 5-year horizon)', '5year-train.arff (4,137 firms, 12-month horizon)'],
    rows: set.labels.length,
    positives: set.labels.reduce((s, y) => s + y, 0),
    split: `1year.arff + all of 5year-train.arff; hyper-parameters by ${recipe.cv.folds}-fold CV inside these rows`,
    selection: `simplest candidate within ${recipe.tolerance} of the best CV AUC`,
    seed: SEED,
    trainedOn: date,
  };
  const report = fitDistressModel(set, { ...recipe, seed: SEED, metadata });
  for (const r of report.cv)
    console.log(
      `${recipe.key} cv depth=${r.candidate.maxDepth} minChildHessian=${r.candidate.minChildHessian} rounds=${r.rounds} auc12m=${r.auc.toFixed(4)}`,
    );
  const json = toModelJson(report.model);
  const text = `${JSON.stringify(json)}\n`;
  await writeFile(recipe.out, text);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${recipe.out} (${(text.length / 1024).toFixed(0)} KB, ${json.trees.length} trees) in ${seconds} s`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { date: { type: 'string' }, only: { type: 'string' } } });
  if (values.date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new Error('--date YYYY-MM-DD is required');
  const recipes = RECIPES.filter((r) => values.only === undefined || r.key === values.only);
  if (recipes.length === 0) throw new Error('--only must be items or ratios');
  const oneYear = await readPolish('1year.arff');
  const fiveYear = await readPolish('5year-train.arff');
  for (const recipe of recipes) await trainOne(recipe, oneYear, fiveYear, values.date);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

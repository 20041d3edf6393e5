// Trains the shipped distress model (models/distress-v1.json) on raw-item features of the UCI
// Polish data: 1year.arff (5-year horizon) + 5year-train.arff (12-month horizon). Reproducible:
// seeded, and the training date is an argument, never the clock.
//   node --import tsx scripts/train-distress.ts --date 2026-11-25 [--holdout] [--out models/distress-v1.json]
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type Candidate,
  calibrate,
  computeAuc,
  computeBrier,
  concatMatrices,
  fitDistressModel,
  predictMatrix,
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
const GRID: readonly (readonly [number, number])[] = [
  [2, 4],
  [3, 4],
  [3, 10],
  [4, 10],
];
export const CANDIDATES: readonly Candidate[] = GRID.map(([maxDepth, minChildHessian]) => ({
  maxDepth,
  minChildHessian,
  learningRate: 0.05,
  lambda: 1,
  subsample: 0.8,
  colsample: 0.8,
  maxBins: 64,
}));
export const CV = { folds: 4, maxRounds: 600, step: 25, seed: SEED } as const;

export async function readPolish(name: string): Promise<ArffTable> {
  const path = new URL(name, DATA_DIR).pathname;
  const table = await readArffFile(path);
  if (!table.ok) throw new Error(`${table.error.code} ${JSON.stringify(table.error.details)}`);
  if (table.value.labels === null) throw new Error(`${path}: no class attribute`);
  return table.value;
}

/** 1year rows (5-year horizon) plus the chosen 5year-train rows (12-month horizon). */
export function trainingSet(oneYear: ArffTable, fiveYear: ArffTable, fiveYearRows: readonly number[]): TrainingSet {
  const five = selectRows(rawFeatureMatrix(fiveYear), fiveYearRows);
  const labels5 = fiveYear.labels ?? new Uint8Array(0);
  return {
    matrix: concatMatrices([rawFeatureMatrix(oneYear), five]),
    labels: Uint8Array.from([...(oneYear.labels ?? []), ...fiveYearRows.map((i) => labels5[i] as number)]),
    isTwelveMonth: Uint8Array.from([...new Array<number>(oneYear.rowCount).fill(0), ...fiveYearRows.map(() => 1)]),
  };
}

export function holdoutSplit(fiveYear: ArffTable): { train: number[]; test: number[] } {
  const first = stratifiedSplit(fiveYear.labels ?? new Uint8Array(0), 0.5, SPLIT_SEED);
  const train: number[] = [];
  const test: number[] = [];
  first.forEach((isTrain, i) => {
    (isTrain ? train : test).push(i);
  });
  return { train, test };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      date: { type: 'string' },
      out: { type: 'string', default: 'models/distress-v1.json' },
      holdout: { type: 'boolean', default: false },
    },
  });
  if (values.date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new Error('--date YYYY-MM-DD is required');
  const started = performance.now();
  const oneYear = await readPolish('1year.arff');
  const fiveYear = await readPolish('5year-train.arff');
  const split = holdoutSplit(fiveYear);
  const rows5 = values.holdout ? split.train : fiveYear.labels ? [...fiveYear.labels.keys()] : [];
  const set = trainingSet(oneYear, fiveYear, rows5);
  const metadata = {
    data: ['1year.arff (UCI #365, 7,027 firms, 5-year horizon)', '5year-train.arff (4,137 firms, 12-month horizon)'],
    rows: set.labels.length,
    positives: set.labels.reduce((s, y) => s + y, 0),
    split: values.holdout
      ? `1year.arff + stratified 50% of 5year-train.arff (seed ${SPLIT_SEED}); other 50% held out`
      : '1year.arff + all of 5year-train.arff; hyper-parameters chosen by 4-fold CV inside these rows',
    seed: SEED,
    trainedOn: values.date,
  };
  const report = fitDistressModel(set, {
    candidates: CANDIDATES,
    cv: CV,
    seed: SEED,
    version: 'distress-v1',
    metadata,
  });
  for (const r of report.cv)
    console.log(
      `cv depth=${r.candidate.maxDepth} minChildHessian=${r.candidate.minChildHessian} rounds=${r.rounds} auc12m=${r.auc.toFixed(4)}`,
    );
  const json = toModelJson(report.model);
  const text = `${JSON.stringify(json)}\n`;
  await writeFile(values.out, text);
  console.log(
    `wrote ${values.out} (${(text.length / 1024).toFixed(0)} KB, ${json.trees.length} trees) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (values.holdout) {
    const test = selectRows(rawFeatureMatrix(fiveYear), split.test);
    const labels = split.test.map((i) => (fiveYear.labels ?? [])[i] as number);
    const pd = Array.from(predictMatrix(report.model.ensemble, test), (m) => calibrate(report.model.calibration, m));
    console.log(
      `held-out 5year half: AUC ${computeAuc(pd, labels).toFixed(4)} Brier ${computeBrier(pd, labels).toFixed(4)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

// Trains the two shipped distress models on the UCI Polish data: 1year.arff (5-year horizon) +
// 5year-train.arff (12-month horizon), hyper-parameters by cross-validation inside those rows.
//   models/distress-items-v2.json   monotone features of raw statement items (any balance sheet),
//                                   missing items neutral, Altman Z″ fallback out of range
//   models/distress-ratios-v2.json  the 64 Polish ratios + 2 derived (ratio-layout inputs only),
//                                   with applicability limits (else the items model scores the row)
// Reproducible: seeded, and the training date is an argument, never the clock.
//   node --import tsx scripts/train-distress.ts --date 2026-11-25 [--only items|ratios]
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type Applicability,
  type Candidate,
  type CvOptions,
  concatMatrices,
  FEATURES,
  type FeatureDefinition,
  type FeatureMatrix,
  type FeatureSetName,
  fitDistressModel,
  type MissingPolicy,
  type PolishRows,
  polishAccessors,
  quantileOf,
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

/**
 * The statement-items model's inputs: Altman Z″ and its parts' neighbours, ratios on total assets
 * or liabilities that mean the same in any industry, each with a fixed risk direction (imposed as
 * a monotone constraint). Left out: revenue-based ratios (margins, revenue / TA, receivable and
 * inventory days: industry-bound, and revenue / TA is U-shaped in the data), current liabilities /
 * TA and cash / TA (industry-bound), long-term debt share (no fixed direction), and the duplicates
 * equity / TA, equity / TL and CA / TL.
 */
export const ITEMS_FEATURES: readonly string[] = [
  'NI_TA',
  'EBIT_TA',
  'RE_TA',
  'WC_TA',
  'TL_TA',
  'CA_CL',
  'QUICK',
  'EBIT_TL',
  'Z_DOUBLE_PRIME',
];

const definition = (name: string): FeatureDefinition => {
  const f = FEATURES.find((d) => d.name === name);
  if (f === undefined) throw new Error(`unknown feature ${name}`);
  return f;
};
const ITEMS_DEFINITIONS = ITEMS_FEATURES.map(definition);

const Z_DEFINITION = [definition('Z_DOUBLE_PRIME')];

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
  /** CV AUC a simpler candidate may give up (transfer to other data favours simpler models). */
  readonly tolerance: number;
  /** Fit an Altman Z″ fallback for inputs outside the training range. */
  readonly withAltmanFallback: boolean;
  /** Applicability limits from the training rows (null: every row may be scored). */
  readonly applicabilityFrom: ((rows: readonly PolishRows[]) => Applicability) | null;
}

interface Shape {
  readonly maxDepth: number;
  readonly minChildHessian: number;
  readonly learningRate: number;
  readonly colsample: number;
  readonly monotone?: readonly number[];
  readonly missing?: MissingPolicy;
}

const candidate = (shape: Shape): Candidate => ({ lambda: 1, subsample: 0.8, maxBins: 64, ...shape });

const ITEMS_SHAPE = {
  minChildHessian: 4,
  learningRate: 0.05,
  colsample: 0.8,
  monotone: ITEMS_DEFINITIONS.map((f) => f.risk),
  missing: 'neutral' as const,
};

/** Rows with more missing attributes than 99.9 % of the training rows are not the ratios model's. */
function ratiosApplicability(parts: readonly PolishRows[]): Applicability {
  const counts: number[] = [];
  for (const rows of parts) {
    const accessor = polishAccessors(rows);
    for (let i = 0; i < rows.rowCount; i += 1) {
      const attr = accessor(i);
      let missing = 0;
      for (let k = 1; k <= 64; k += 1) if (Number.isNaN(attr(k))) missing += 1;
      counts.push(missing);
    }
  }
  return { maxMissing: quantileOf(Float64Array.from(counts).sort(), 0.999), maxOutOfRangeShare: 0.25 };
}

export const RECIPES: readonly ModelRecipe[] = [
  {
    key: 'items',
    version: 'distress-items-v2',
    featureSet: 'statement-items',
    out: 'models/distress-items-v2.json',
    matrix: (rows) => rawFeatureMatrix(rows, ITEMS_DEFINITIONS),
    candidates: [candidate({ ...ITEMS_SHAPE, maxDepth: 1 }), candidate({ ...ITEMS_SHAPE, maxDepth: 2 })],
    cv: { folds: 3, maxRounds: 400, step: 25, seed: SEED },
    tolerance: 0.003,
    withAltmanFallback: true,
    applicabilityFrom: null,
  },
  {
    key: 'ratios',
    version: 'distress-ratios-v2',
    featureSet: 'polish-ratios',
    out: 'models/distress-ratios-v2.json',
    matrix: ratioFeatureMatrix,
    candidates: [
      candidate({ maxDepth: 3, minChildHessian: 4, learningRate: 0.1, colsample: 0.5 }),
      candidate({ maxDepth: 4, minChildHessian: 4, learningRate: 0.1, colsample: 0.5 }),
    ],
    cv: { folds: 3, maxRounds: 300, step: 25, seed: SEED },
    tolerance: 0,
    withAltmanFallback: false,
    applicabilityFrom: ratiosApplicability,
  },
];

export async function readPolish(name: string): Promise<ArffTable> {
  const path = new URL(name, DATA_DIR).pathname;
  const table = await readArffFile(path);
  if (!table.ok) throw new Error(`${table.error.code} ${JSON.stringify(table.error.details)}`);
  if (table.value.labels === null || table.value.unlabelledRows.length > 0)
    throw new Error(`${path}: every row needs a class`);
  return table.value;
}

/** Training rows: any rows of 1year (5-year horizon) plus any of 5year-train (12-month horizon). */
export function trainingRows(
  matrix: (rows: PolishRows) => FeatureMatrix,
  oneYear: ArffTable,
  oneYearRows: readonly number[],
  fiveYear: ArffTable,
  fiveYearRows: readonly number[],
): TrainingSet {
  const labels1 = oneYear.labels ?? new Uint8Array(0);
  const labels5 = fiveYear.labels ?? new Uint8Array(0);
  return {
    matrix: concatMatrices([selectRows(matrix(oneYear), oneYearRows), selectRows(matrix(fiveYear), fiveYearRows)]),
    labels: Uint8Array.from([
      ...oneYearRows.map((i) => labels1[i] as number),
      ...fiveYearRows.map((i) => labels5[i] as number),
    ]),
    isTwelveMonth: Uint8Array.from([...oneYearRows.map(() => 0), ...fiveYearRows.map(() => 1)]),
  };
}

/** 1year rows (5-year horizon) plus the chosen 5year-train rows (12-month horizon). */
export function trainingSet(
  recipe: Pick<ModelRecipe, 'matrix'>,
  oneYear: ArffTable,
  fiveYear: ArffTable,
  fiveYearRows: readonly number[],
): TrainingSet {
  return trainingRows(recipe.matrix, oneYear, [...oneYear.lines.keys()], fiveYear, fiveYearRows);
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

/** Altman Z″ of the training rows (the same order as trainingRows). */
export function altmanColumn(
  oneYear: ArffTable,
  oneYearRows: readonly number[],
  fiveYear: ArffTable,
  fiveYearRows: readonly number[],
): Float64Array {
  const z = (t: ArffTable, rows: readonly number[]) =>
    selectRows(rawFeatureMatrix(t, Z_DEFINITION), rows).columns[0] as Float64Array;
  return Float64Array.from([...z(oneYear, oneYearRows), ...z(fiveYear, fiveYearRows)]);
}

async function trainOne(recipe: ModelRecipe, oneYear: ArffTable, fiveYear: ArffTable, date: string): Promise<void> {
  const started = performance.now();
  const all1 = [...oneYear.lines.keys()];
  const all5 = [...fiveYear.lines.keys()];
  const set = trainingRows(recipe.matrix, oneYear, all1, fiveYear, all5);
  const metadata = {
    data: ['1year.arff (UCI #365, 7,027 firms, 5-year horizon)', '5year-train.arff (4,137 firms, 12-month horizon)'],
    rows: set.labels.length,
    positives: set.labels.reduce((s, y) => s + y, 0),
    split: `1year.arff + all of 5year-train.arff; hyper-parameters by ${recipe.cv.folds}-fold CV inside these rows`,
    selection: `simplest candidate within ${recipe.tolerance} of the best CV AUC`,
    seed: SEED,
    trainedOn: date,
  };
  const report = fitDistressModel(set, {
    ...recipe,
    seed: SEED,
    metadata,
    ...(recipe.withAltmanFallback ? { altmanZ: altmanColumn(oneYear, all1, fiveYear, all5) } : {}),
    ...(recipe.applicabilityFrom === null ? {} : { applicability: recipe.applicabilityFrom([oneYear, fiveYear]) }),
  });
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

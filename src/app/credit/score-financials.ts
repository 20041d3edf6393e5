import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import {
  type DistressItems,
  type DistressModel,
  type DistressScore,
  type FeatureSetName,
  type ItemName,
  loadDistressModel,
  type PolishRows,
  polishAccessors,
  scoreDistress,
} from '../../core/credit/distress/index.js';
import type { Grade } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { parseArff } from '../../import/arff.js';

/** The shipped models, next to src/ at the repository root: one per input layout. */
export const SHIPPED_MODEL_URLS: Readonly<Record<FeatureSetName, URL>> = {
  'statement-items': new URL('../../../models/distress-items-v1.json', import.meta.url),
  'polish-ratios': new URL('../../../models/distress-ratios-v1.json', import.meta.url),
};

/** The model for each layout; the statement-items model is also the scorecard's. */
export type DistressModels = Readonly<Record<FeatureSetName, DistressModel>>;

/** One scored input row, in input order; `model` is the version of the model that scored it. */
export interface FinancialsPrediction {
  readonly id: string;
  readonly model: string;
  readonly score: number;
  readonly grade: Grade;
  readonly pd: number;
  readonly reasons: readonly string[];
  readonly missing: readonly string[];
}

/** A scored file: its layout, the model chosen for that layout, and the predictions. */
export interface ScoredFinancials {
  readonly layout: FeatureSetName;
  readonly model: DistressModel;
  readonly predictions: readonly FinancialsPrediction[];
}

/** The raw-items CSV header (snake_case), mapped to the model's item names. */
export const RAW_COLUMNS: readonly (readonly [string, ItemName | null])[] = [
  ['id', null],
  ['period_end', null],
  ['revenue', 'revenue'],
  ['ebit', 'ebit'],
  ['net_income', 'netIncome'],
  ['total_assets', 'totalAssets'],
  ['current_assets', 'currentAssets'],
  ['current_liabilities', 'currentLiabilities'],
  ['total_liabilities', 'totalLiabilities'],
  ['retained_earnings', 'retainedEarnings'],
  ['equity', 'bookEquity'],
  ['inventory', 'inventory'],
  ['receivables', 'receivables'],
  ['cash', 'cash'],
  ['market_value_equity', 'marketValueEquity'],
];

/** Reads and checks one model file. */
export async function loadModelFile(url: URL): Promise<Result<DistressModel>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(url, 'utf8'));
  } catch (cause) {
    return fail('MODEL_READ_FAILED', {
      file: url.pathname,
      value: cause instanceof Error ? cause.message : String(cause),
    });
  }
  const model = loadDistressModel(json);
  return model.ok ? model : fail(model.error.code, { ...model.error.details, file: url.pathname });
}

/** Loads both shipped models; each file must declare the feature set of its layout. */
export async function loadShippedModels(): Promise<Result<DistressModels>> {
  const loaded: Partial<Record<FeatureSetName, DistressModel>> = {};
  for (const [set, url] of Object.entries(SHIPPED_MODEL_URLS) as [FeatureSetName, URL][]) {
    const model = await loadModelFile(url);
    if (!model.ok) return model;
    if (model.value.featureSet !== set)
      return fail('MODEL_INVALID', {
        file: url.pathname,
        field: 'featureSet',
        value: model.value.featureSet,
        expected: set,
      });
    loaded[set] = model.value;
  }
  return ok(loaded as DistressModels);
}

function toPrediction(id: string, model: DistressModel, s: DistressScore): FinancialsPrediction {
  return { id, model: model.version, score: s.score, grade: s.grade, pd: s.pd, reasons: s.reasons, missing: s.missing };
}

function scorePolishRows(models: DistressModels, rows: PolishRows, ids?: readonly string[]): ScoredFinancials {
  const model = models['polish-ratios'];
  const accessor = polishAccessors(rows);
  const predictions = Array.from({ length: rows.rowCount }, (_, i) =>
    toPrediction(ids?.[i] || String(i + 1), model, scoreDistress(model, { attr: accessor(i) })),
  );
  return { layout: 'polish-ratios', model, predictions };
}

function parseNumber(text: string, missing: readonly string[]): number | null {
  const t = text.trim();
  if (missing.includes(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : Number.NaN;
}

function scorePolishCsv(
  models: DistressModels,
  file: string,
  header: string[],
  records: string[][],
): Result<ScoredFinancials> {
  const attributes = header.filter((h) => /^attr\d+$/i.test(h));
  const values = new Float64Array(records.length * attributes.length);
  for (const [r, record] of records.entries()) {
    for (const [j, name] of attributes.entries()) {
      const value = parseNumber(record[header.indexOf(name)] ?? '', ['', '?']);
      if (Number.isNaN(value))
        return fail('FINANCIALS_BAD_NUMBER', {
          file,
          row: r + 2,
          field: name,
          value: record[header.indexOf(name)] ?? '',
        });
      values[r * attributes.length + j] = value ?? Number.NaN;
    }
  }
  const idColumn = header.indexOf('id');
  const ids = idColumn < 0 ? undefined : records.map((record) => (record[idColumn] ?? '').trim());
  return ok(scorePolishRows(models, { attributes, rowCount: records.length, values }, ids));
}

function scoreRawCsv(
  models: DistressModels,
  file: string,
  header: string[],
  records: string[][],
): Result<ScoredFinancials> {
  const model = models['statement-items'];
  const absent = RAW_COLUMNS.map(([name]) => name).filter((name) => !header.includes(name));
  if (absent.length > 0)
    return fail('FINANCIALS_MISSING_COLUMN', {
      file,
      row: 1,
      field: absent.join(','),
      expected: RAW_COLUMNS.map(([n]) => n).join(','),
    });
  const out: FinancialsPrediction[] = [];
  for (const [r, record] of records.entries()) {
    const items: Partial<Record<ItemName, number | null>> = {};
    for (const [column, itemName] of RAW_COLUMNS) {
      if (itemName === null) continue;
      const cell = record[header.indexOf(column)] ?? '';
      const value = parseNumber(cell, ['']);
      if (value !== null && Number.isNaN(value))
        return fail('FINANCIALS_BAD_NUMBER', { file, row: r + 2, field: column, value: cell });
      items[itemName] = value;
    }
    const id = (record[header.indexOf('id')] ?? '').trim() || String(r + 1);
    out.push(toPrediction(id, model, scoreDistress(model, items as DistressItems)));
  }
  return ok({ layout: 'statement-items', model, predictions: out });
}

function scoreCsv(models: DistressModels, file: string, text: string): Result<ScoredFinancials> {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (cause) {
    const line = typeof cause === 'object' && cause !== null && 'lines' in cause ? Number(cause.lines) : undefined;
    return fail('FINANCIALS_BAD_CSV', {
      file,
      ...(line === undefined ? {} : { row: line }),
      value: cause instanceof Error ? cause.message : String(cause),
    });
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const records = rows.slice(1);
  if (header.some((h) => /^attr\d+$/.test(h))) return scorePolishCsv(models, file, header, records);
  return scoreRawCsv(models, file, header, records);
}

/**
 * Scores a file of company financials without storing it, with the model of its layout: ARFF or
 * CSV in the UCI Polish ratio layout (Attr1..Attr64; id = the `id` column or the 1-based row
 * number) → the polish-ratios model; a CSV of raw statement items (RAW_COLUMNS header) → the
 * statement-items model.
 *
 * @example
 * const models = await loadShippedModels();
 * if (models.ok) await scoreFinancialsFile('fixtures/samples/financials.csv', models.value);
 */
export async function scoreFinancialsFile(path: string, models: DistressModels): Promise<Result<ScoredFinancials>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    return fail('FINANCIALS_READ_FAILED', {
      file: path,
      value: cause instanceof Error ? cause.message : String(cause),
    });
  }
  const isArff = path.toLowerCase().endsWith('.arff') || /^\s*(%.*\s*)*@relation/i.test(text);
  if (!isArff) return scoreCsv(models, path, text);
  const table = parseArff(text, path);
  return table.ok ? ok(scorePolishRows(models, table.value)) : table;
}

function csvCell(text: string): string {
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `id,score,grade,pd,top_reasons`, one line per prediction; reasons joined by ';' and quoted. */
export function formatPredictionsCsv(predictions: readonly FinancialsPrediction[]): string {
  const lines = predictions.map((p) =>
    [
      csvCell(p.id),
      p.score.toFixed(1),
      p.grade,
      Number(p.pd.toPrecision(6)).toString(),
      csvCell(p.reasons.join(';')),
    ].join(','),
  );
  return `${['id,score,grade,pd,top_reasons', ...lines].join('\n')}\n`;
}

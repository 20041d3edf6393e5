import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import {
  type DistressItems,
  type DistressModel,
  type DistressScore,
  type ItemName,
  itemsFromPolishRatios,
  loadDistressModel,
  type PolishRows,
  polishAccessors,
  scoreDistress,
} from '../../core/credit/distress/index.js';
import type { Grade } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { parseArff } from '../../import/arff.js';

/** The shipped model, next to src/ at the repository root. */
export const SHIPPED_MODEL_URL = new URL('../../../models/distress-v1.json', import.meta.url);

/** One scored input row, in input order. */
export interface FinancialsPrediction {
  readonly id: string;
  readonly score: number;
  readonly grade: Grade;
  readonly pd: number;
  readonly reasons: readonly string[];
  readonly missing: readonly ItemName[];
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

/** Reads and checks a model file (default: the shipped models/distress-v1.json). */
export async function loadModelFile(url: URL = SHIPPED_MODEL_URL): Promise<Result<DistressModel>> {
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

function toPrediction(id: string, s: DistressScore): FinancialsPrediction {
  return { id, score: s.score, grade: s.grade, pd: s.pd, reasons: s.reasons, missing: s.missing };
}

function scorePolishRows(model: DistressModel, rows: PolishRows): FinancialsPrediction[] {
  const accessor = polishAccessors(rows);
  return Array.from({ length: rows.rowCount }, (_, i) =>
    toPrediction(String(i + 1), scoreDistress(model, itemsFromPolishRatios(accessor(i)))),
  );
}

function parseNumber(text: string, missing: readonly string[]): number | null {
  const t = text.trim();
  if (missing.includes(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : Number.NaN;
}

function scorePolishCsv(
  model: DistressModel,
  file: string,
  header: string[],
  records: string[][],
): Result<FinancialsPrediction[]> {
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
  return ok(scorePolishRows(model, { attributes, rowCount: records.length, values }));
}

function scoreRawCsv(
  model: DistressModel,
  file: string,
  header: string[],
  records: string[][],
): Result<FinancialsPrediction[]> {
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
    out.push(toPrediction(id, scoreDistress(model, items as DistressItems)));
  }
  return ok(out);
}

function scoreCsv(model: DistressModel, file: string, text: string): Result<FinancialsPrediction[]> {
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
  if (header.some((h) => /^attr\d+$/.test(h))) return scorePolishCsv(model, file, header, records);
  return scoreRawCsv(model, file, header, records);
}

/**
 * Scores a file of company financials without storing it: ARFF or CSV in the UCI Polish ratio
 * layout (id = 1-based row number), or a CSV of raw statement items (RAW_COLUMNS header).
 *
 * @example
 * const model = unwrap(await loadModelFile());
 * const r = await scoreFinancialsFile('fixtures/samples/financials.csv', model);
 */
export async function scoreFinancialsFile(path: string, model: DistressModel): Promise<Result<FinancialsPrediction[]>> {
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
  if (!isArff) return scoreCsv(model, path, text);
  const table = parseArff(text, path);
  return table.ok ? ok(scorePolishRows(model, table.value)) : table;
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

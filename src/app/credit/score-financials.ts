import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { type AltmanVariant, computeAltman } from '../../core/credit/altman.js';
import {
  type CalibrationBin,
  calibrationTable,
  computeAuc,
  computeAucMissingNeutral,
  computeBrier,
  type DistressItems,
  type DistressModel,
  type DistressReason,
  type FeatureSetName,
  type ItemName,
  itemsFromPolishRatios,
  type LayeredScore,
  type PolishRows,
  polishAccessors,
  scoreDistress,
  scoreWithFallback,
} from '../../core/credit/distress/index.js';
import type { Grade } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { parseArff } from '../../import/arff.js';
import type { DistressModels } from './model-file.js';

/** One scored input row, in input order; `model` is the version of the model that scored it. */
export interface FinancialsPrediction {
  readonly id: string;
  readonly model: string;
  readonly score: number;
  readonly grade: Grade;
  readonly pd: number;
  /** Reason codes and data; `describeDistressReason` gives each in words. */
  readonly reasons: readonly DistressReason[];
  readonly missing: readonly string[];
  /** The outcome the file gives (1 = defaulted), or null when it gives none. */
  readonly outcome: 0 | 1 | null;
  /** Altman Z′ and Z″ of the same items (DOMAIN 8.2), null when an item they need is missing. */
  readonly altmanZPrime: number | null;
  readonly altmanZDoublePrime: number | null;
}

/** AUC of one Altman variant over the companies with an outcome; a Z not computable counts as neutral. */
export interface AltmanComparison {
  readonly auc: number;
  /** Companies with an outcome whose Z could be computed. */
  readonly computable: number;
}

/** How the predictions compare with the outcomes the file gives. */
export interface FinancialsEvaluation {
  readonly count: number;
  readonly defaults: number;
  /** NaN when the companies with an outcome all share one outcome. */
  readonly auc: number;
  readonly brier: number;
  readonly meanPd: number;
  readonly observedRate: number;
  /** By decile of predicted PD, lowest first. */
  readonly calibration: readonly CalibrationBin[];
  /** Altman Z′ and Z″ ranking the same companies, for comparison. */
  readonly zPrime: AltmanComparison;
  readonly zDoublePrime: AltmanComparison;
}

/** A scored file: its layout, the model chosen for that layout, the predictions and, with outcomes, how they fare. */
export interface ScoredFinancials {
  readonly layout: FeatureSetName;
  readonly model: DistressModel;
  readonly predictions: readonly FinancialsPrediction[];
  /** Null when no row of the file gives an outcome. */
  readonly evaluation: FinancialsEvaluation | null;
  /** Rows scored without an outcome (class `?` or empty) while others have one. */
  readonly unlabelled: number;
  /** Raw-items CSV: item columns the header lacks (read as not given for every row). */
  readonly absentColumns: readonly string[];
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

/** Columns a CSV may give the outcome in (1 = defaulted or bankrupt; empty or ? = not known). */
export const OUTCOME_COLUMNS: readonly string[] = ['class', 'default', 'defaulted', 'bankrupt', 'label'];

/** Without these the raw-items model has nothing to divide by. */
const REQUIRED_RAW_COLUMNS: readonly string[] = ['total_assets'];

type Outcome = 0 | 1 | null;

function altman(variant: AltmanVariant, items: DistressItems): number | null {
  const z = computeAltman(variant, items);
  return z.ok ? z.value.score : null;
}

function prediction(id: string, scored: LayeredScore, outcome: Outcome, items: DistressItems): FinancialsPrediction {
  const { pd, score, grade, reasons, missing } = scored.score;
  return {
    ...{ id, model: scored.model.version, score, grade, pd, reasons, missing, outcome },
    altmanZPrime: altman('z-prime', items),
    altmanZDoublePrime: altman('z-double-prime', items),
  };
}

function compareAltman(known: readonly FinancialsPrediction[], z: (p: FinancialsPrediction) => number | null) {
  const risk = known.map((p) => -(z(p) ?? Number.NaN));
  const labels = known.map((p) => p.outcome as number);
  return { auc: computeAucMissingNeutral(risk, labels), computable: risk.filter((r) => !Number.isNaN(r)).length };
}

/** Compares predictions with outcomes, over the rows that give one; null when none does. */
export function evaluatePredictions(predictions: readonly FinancialsPrediction[]): FinancialsEvaluation | null {
  const known = predictions.filter((p) => p.outcome !== null);
  if (known.length === 0) return null;
  const pds = known.map((p) => p.pd);
  const labels = known.map((p) => p.outcome as number);
  const defaults = labels.reduce((s, y) => s + y, 0);
  return {
    count: known.length,
    defaults,
    auc: computeAuc(pds, labels),
    brier: computeBrier(pds, labels),
    meanPd: pds.reduce((s, p) => s + p, 0) / known.length,
    observedRate: defaults / known.length,
    calibration: calibrationTable(pds, labels, 10),
    zPrime: compareAltman(known, (p) => p.altmanZPrime),
    zDoublePrime: compareAltman(known, (p) => p.altmanZDoublePrime),
  };
}

function scored(
  layout: FeatureSetName,
  model: DistressModel,
  predictions: FinancialsPrediction[],
  absentColumns: readonly string[] = [],
): ScoredFinancials {
  const evaluation = evaluatePredictions(predictions);
  const unlabelled = evaluation === null ? 0 : predictions.length - evaluation.count;
  return { layout, model, predictions, evaluation, unlabelled, absentColumns };
}

function scorePolishRows(
  models: DistressModels,
  rows: PolishRows,
  outcomes: readonly Outcome[],
  ids?: readonly string[],
): ScoredFinancials {
  const accessor = polishAccessors(rows);
  const predictions = Array.from({ length: rows.rowCount }, (_, i) => {
    const attr = accessor(i);
    const layered = scoreWithFallback(models['polish-ratios'], models['statement-items'], { attr });
    return prediction(ids?.[i] || String(i + 1), layered, outcomes[i] ?? null, itemsFromPolishRatios(attr));
  });
  return scored('polish-ratios', models['polish-ratios'], predictions);
}

function parseNumber(text: string, missing: readonly string[]): number | null {
  const t = text.trim();
  if (missing.includes(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The outcome of every row from the first outcome column of the header (all null when there is none). */
function readOutcomes(file: string, header: readonly string[], records: readonly string[][]): Result<Outcome[]> {
  const column = header.findIndex((h) => OUTCOME_COLUMNS.includes(h));
  const out: Outcome[] = [];
  for (const [r, record] of records.entries()) {
    const cell = column < 0 ? '' : (record[column] ?? '').trim();
    if (cell === '' || cell === '?') out.push(null);
    else if (cell === '0' || cell === '1') out.push(cell === '1' ? 1 : 0);
    else return fail('FINANCIALS_BAD_CLASS', { file, row: r + 2, field: header[column] ?? '', value: cell });
  }
  return ok(out);
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
  const outcomes = readOutcomes(file, header, records);
  if (!outcomes.ok) return outcomes;
  const idColumn = header.indexOf('id');
  const ids = idColumn < 0 ? undefined : records.map((record) => (record[idColumn] ?? '').trim());
  return ok(scorePolishRows(models, { attributes, rowCount: records.length, values }, outcomes.value, ids));
}

function readItems(file: string, header: string[], record: string[], row: number): Result<DistressItems> {
  const items: Partial<Record<ItemName, number | null>> = {};
  for (const [column, itemName] of RAW_COLUMNS) {
    if (itemName === null) continue;
    const at = header.indexOf(column);
    const cell = at < 0 ? '' : (record[at] ?? '');
    const value = parseNumber(cell, ['', '?']);
    if (value !== null && Number.isNaN(value))
      return fail('FINANCIALS_BAD_NUMBER', { file, row, field: column, value: cell });
    items[itemName] = value;
  }
  return ok(items as DistressItems);
}

function scoreRawCsv(
  models: DistressModels,
  file: string,
  header: string[],
  records: string[][],
): Result<ScoredFinancials> {
  const model = models['statement-items'];
  const required = REQUIRED_RAW_COLUMNS.filter((name) => !header.includes(name));
  if (required.length > 0)
    return fail('FINANCIALS_MISSING_COLUMN', {
      file,
      row: 1,
      field: required.join(','),
      expected: RAW_COLUMNS.map(([n]) => n).join(','),
    });
  const outcomes = readOutcomes(file, header, records);
  if (!outcomes.ok) return outcomes;
  const out: FinancialsPrediction[] = [];
  for (const [r, record] of records.entries()) {
    const items = readItems(file, header, record, r + 2);
    if (!items.ok) return items;
    const id = (record[header.indexOf('id')] ?? '').trim() || String(r + 1);
    const layered = { model, score: scoreDistress(model, items.value) };
    out.push(prediction(id, layered, outcomes.value[r] ?? null, items.value));
  }
  const absent = RAW_COLUMNS.filter(([name, itemName]) => itemName !== null && !header.includes(name)).map(
    ([name]) => name,
  );
  return ok(scored('statement-items', model, out, absent));
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
 * number) → the polish-ratios model, or the statement-items model for rows unlike its training
 * data; a CSV of raw statement items (RAW_COLUMNS; only total_assets is required) → the
 * statement-items model. Outcomes are optional: an ARFF class, or a CSV column named in
 * OUTCOME_COLUMNS, with `?` or empty for not known. With outcomes the result carries an evaluation.
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
  if (!table.ok) return table;
  const { labels, unlabelledRows } = table.value;
  const unknown = new Set(unlabelledRows);
  const outcomes = Array.from(
    { length: table.value.rowCount },
    (_, i): Outcome => (labels === null || unknown.has(i) ? null : labels[i] === 1 ? 1 : 0),
  );
  return ok(scorePolishRows(models, table.value, outcomes));
}

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { type DomainError, fail, ok, type Result } from '../../core/shared/index.js';
import type { CreditRiskPlusInput, CreditRiskPlusObligor } from '../../core/stress/creditriskplus.js';

/**
 * Readers of the CreditRisk+ file layouts of crp.CSFP (the CSFB example,
 * ../shared/data/creditriskplus-csfb-example/):
 * - portfolio: CPnumber, CPname, exposure, lgd, maturity, rating, then one weight column per sector;
 * - rating scale: RATING, PD (and SD, which the sector-variance file makes unused);
 * - sector variances: sector, Var (the relative variance of each sector's gamma factor).
 * Errors name the file, the row (the header is row 1) and the field.
 */

/** The columns of the portfolio file that are not sector weights (CPname and maturity may be absent). */
const PORTFOLIO_FIXED = ['CPnumber', 'CPname', 'exposure', 'lgd', 'maturity', 'rating'] as const;
const PORTFOLIO_REQUIRED = ['CPnumber', 'exposure', 'lgd', 'rating'] as const;

interface Table {
  readonly file: string;
  readonly header: readonly string[];
  /** Data rows with their row number in the file. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

type Fail = Result<never, DomainError>;

async function readTable(file: string): Promise<Result<Table>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    return code === 'ENOENT'
      ? fail('FILE_NOT_FOUND', { file })
      : fail('CRP_FILE_UNREADABLE', { file, value: String(code ?? cause) });
  }
  return parseTable(text, file);
}

/** Parses CSV text into a header and numbered rows; `file` only names the source in errors. */
export function parseTable(text: string, file: string): Result<Table> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (cause) {
    // csv-parse's errors carry the line they stopped at; the first line stands in should one not.
    const row = (cause as { lines?: number }).lines ?? 1;
    return fail('CRP_BAD_CSV', { file, row, value: (cause as Error).message });
  }
  const [first, ...rest] = records;
  if (first === undefined) return fail('CRP_EMPTY_FILE', { file });
  return ok({ file, header: first.record, rows: rest.map((r) => ({ row: r.info.lines, cells: r.record })) });
}

function columnIndex(table: Table, name: string): Result<number> {
  const index = table.header.indexOf(name);
  if (index < 0)
    return fail('CRP_MISSING_COLUMN', { file: table.file, field: name, expected: table.header.join(', ') });
  return ok(index);
}

function numberAt(table: Table, row: number, cells: readonly string[], index: number): Result<number> {
  const text = (cells[index] ?? '').trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    return fail('CRP_BAD_NUMBER', { file: table.file, row, field: table.header[index] ?? '', value: text });
  return ok(value);
}

/** The rating scale: PD by rating label (a Map: labels are user input). */
export async function readRatingScale(file: string): Promise<Result<Map<string, number>>> {
  const table = await readTable(file);
  if (!table.ok) return table;
  const t = table.value;
  const ratingCol = columnIndex(t, 'RATING');
  if (!ratingCol.ok) return ratingCol;
  const pdCol = columnIndex(t, 'PD');
  if (!pdCol.ok) return pdCol;
  const scale = new Map<string, number>();
  for (const { row, cells } of t.rows) {
    const rating = (cells[ratingCol.value] ?? '').trim();
    if (rating === '') return fail('CRP_BAD_VALUE', { file, row, field: 'RATING', value: '', expected: 'a rating' });
    if (scale.has(rating)) return fail('CRP_DUPLICATE_RATING', { file, row, field: 'RATING', value: rating });
    const pd = numberAt(t, row, cells, pdCol.value);
    if (!pd.ok) return pd;
    if (pd.value < 0 || pd.value > 1)
      return fail('CRP_BAD_VALUE', { file, row, field: 'PD', value: String(pd.value), expected: 'in [0, 1]' });
    scale.set(rating, pd.value);
  }
  return ok(scale);
}

/** Sector variances by sector name. */
export async function readSectorVariances(file: string): Promise<Result<Map<string, { row: number; value: number }>>> {
  const table = await readTable(file);
  if (!table.ok) return table;
  const t = table.value;
  const sectorCol = columnIndex(t, 'sector');
  if (!sectorCol.ok) return sectorCol;
  const varCol = columnIndex(t, 'Var');
  if (!varCol.ok) return varCol;
  const variances = new Map<string, { row: number; value: number }>();
  for (const { row, cells } of t.rows) {
    const sector = (cells[sectorCol.value] ?? '').trim();
    if (sector === '')
      return fail('CRP_BAD_VALUE', { file, row, field: 'sector', value: '', expected: 'a sector name' });
    if (variances.has(sector)) return fail('CRP_DUPLICATE_SECTOR', { file, row, field: 'sector', value: sector });
    const v = numberAt(t, row, cells, varCol.value);
    if (!v.ok) return v;
    variances.set(sector, { row, value: v.value });
  }
  return ok(variances);
}

/** A portfolio file read: the obligors, their sector names, and each obligor's file row. */
export interface PortfolioFile {
  readonly sectors: readonly string[];
  readonly obligors: readonly CreditRiskPlusObligor[];
  readonly rows: readonly number[];
}

function portfolioRow(
  t: Table,
  row: number,
  cells: readonly string[],
  at: Map<string, number>,
  sectorCols: readonly number[],
  scale: ReadonlyMap<string, number>,
  ratingFile: string,
): Result<CreditRiskPlusObligor> {
  const num = (name: string) => numberAt(t, row, cells, at.get(name) as number);
  const id = (cells[at.get('CPnumber') as number] ?? '').trim();
  if (id === '') return fail('CRP_BAD_VALUE', { file: t.file, row, field: 'CPnumber', value: '', expected: 'an id' });
  const exposure = num('exposure');
  if (!exposure.ok) return exposure;
  const lgd = num('lgd');
  if (!lgd.ok) return lgd;
  const rating = (cells[at.get('rating') as number] ?? '').trim();
  const pd = scale.get(rating);
  if (pd === undefined)
    return fail('CRP_UNKNOWN_RATING', { file: t.file, row, field: 'rating', value: rating, expected: ratingFile });
  const sectorWeights: number[] = [];
  for (const col of sectorCols) {
    const w = numberAt(t, row, cells, col);
    if (!w.ok) return w;
    sectorWeights.push(w.value);
  }
  // Weights and PDs are checked by the core (`bandBook`), once for every entrance; exposure and LGD
  // exist only in this layout (the core sees their product), so they are checked here.
  if (exposure.value < 0)
    return fail('CRP_BAD_VALUE', {
      file: t.file,
      row,
      field: 'exposure',
      value: String(exposure.value),
      expected: '≥ 0',
    });
  if (lgd.value < 0 || lgd.value > 1)
    return fail('CRP_BAD_VALUE', { file: t.file, row, field: 'lgd', value: String(lgd.value), expected: 'in [0, 1]' });
  return ok({ id, potentialLoss: exposure.value * lgd.value, pd, sectorWeights });
}

/** Reads the portfolio file against a rating scale; the sector columns are those after the fixed ones. */
export async function readPortfolio(
  file: string,
  scale: ReadonlyMap<string, number>,
  ratingFile: string,
): Promise<Result<PortfolioFile>> {
  const table = await readTable(file);
  if (!table.ok) return table;
  const t = table.value;
  const at = new Map<string, number>();
  for (const name of PORTFOLIO_REQUIRED) {
    const col = columnIndex(t, name);
    if (!col.ok) return col;
    at.set(name, col.value);
  }
  const fixed = new Set<string>(PORTFOLIO_FIXED);
  const sectorCols = t.header.flatMap((h, i) => (fixed.has(h) ? [] : [i]));
  if (sectorCols.length === 0)
    return fail('CRP_MISSING_COLUMN', { file, field: 'S1', expected: 'one weight column per sector after rating' });
  const obligors: CreditRiskPlusObligor[] = [];
  const rows: number[] = [];
  for (const { row, cells } of t.rows) {
    if (cells.length !== t.header.length)
      return fail('CRP_BAD_VALUE', {
        file,
        row,
        field: 'columns',
        value: String(cells.length),
        expected: String(t.header.length),
      });
    const o = portfolioRow(t, row, cells, at, sectorCols, scale, ratingFile);
    if (!o.ok) return o as Fail;
    obligors.push(o.value);
    rows.push(row);
  }
  return ok({ sectors: sectorCols.map((i) => t.header[i] as string), obligors, rows });
}

/** The three files of a CreditRisk+ run. */
export interface CreditRiskPlusFiles {
  readonly portfolio: string;
  readonly ratingPd: string;
  readonly sectorVar: string;
}

/** The input of `creditRiskPlus` from the three files, with the file rows of each obligor and sector variance. */
export interface CreditRiskPlusFileInput {
  readonly input: CreditRiskPlusInput;
  readonly rows: readonly number[];
  readonly sectorRows: readonly number[];
  readonly sectorNames: readonly string[];
}

/** Reads the three files into one CreditRisk+ input. */
export async function readCreditRiskPlusFiles(
  files: CreditRiskPlusFiles,
  lossUnit: number,
): Promise<Result<CreditRiskPlusFileInput>> {
  const scale = await readRatingScale(files.ratingPd);
  if (!scale.ok) return scale;
  const variances = await readSectorVariances(files.sectorVar);
  if (!variances.ok) return variances;
  const portfolio = await readPortfolio(files.portfolio, scale.value, files.ratingPd);
  if (!portfolio.ok) return portfolio;
  const sectorVariances: number[] = [];
  const sectorRows: number[] = [];
  for (const sector of portfolio.value.sectors) {
    const v = variances.value.get(sector);
    if (v === undefined)
      return fail('CRP_MISSING_SECTOR', {
        file: files.sectorVar,
        field: 'sector',
        value: sector,
        expected: files.portfolio,
      });
    sectorVariances.push(v.value);
    sectorRows.push(v.row);
  }
  const input = { obligors: portfolio.value.obligors, sectorVariances, lossUnit };
  return ok({ input, rows: portfolio.value.rows, sectorRows, sectorNames: portfolio.value.sectors });
}

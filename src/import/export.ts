import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { formatMinor } from '../core/money/index.js';
import { fail, ok, type Result } from '../core/shared/index.js';
import type { Db } from '../db/connection.js';
import type { ColumnSpec } from './columns.js';
import { loadExportLookups } from './export-lookups.js';
import { kindSpec } from './registry.js';
import type { DbRow, ExportLookups, KindSpec } from './spec.js';
import type { ImportKind } from './types.js';

export interface ExportParams {
  readonly orgId: string;
  readonly kind: ImportKind;
  /** Ends in .csv (UTF-8 with BOM, so Excel shows Chinese) or .xlsx. */
  readonly path: string;
  /** English canonical headers (default) or the Chinese ones. */
  readonly headers?: 'en' | 'zh';
}

/** Columns an export writes: all but the party-name alternatives (the code identifies the party). */
function exportColumns(spec: KindSpec<unknown>): ColumnSpec[] {
  return spec.columns.filter((c) => !/^(customer|supplier)_name$/.test(c.key));
}

function cell(col: ColumnSpec, row: DbRow, refs: Record<string, string>, base: string): string | number {
  if (Object.hasOwn(refs, col.key)) return refs[col.key] as string;
  if (col.db === undefined) return '';
  const v = row[col.db];
  if (v === null || v === undefined) return '';
  switch (col.type) {
    case 'amount': {
      const currency = (row.currency as string | null) ?? refs.currency ?? base;
      return formatMinor(v as number, currency || base);
    }
    case 'boolean':
      return v === 1 ? 'Y' : 'N';
    case 'list':
      return (JSON.parse(String(v)) as string[]).join(';');
    default:
      return typeof v === 'number' ? v : String(v);
  }
}

/** The rows as cell strings, in the importer's layout, sorted by natural key for stable files. */
async function exportTable(
  db: Db,
  params: ExportParams,
): Promise<{ header: string[]; cols: ColumnSpec[]; rows: (string | number)[][] }> {
  const spec = kindSpec(params.kind);
  const org = await db.kysely
    .selectFrom('organisations')
    .select('base_currency')
    .where('id', '=', params.orgId)
    .executeTakeFirst();
  const base = org?.base_currency ?? 'CNY';
  const stored = (await db.kysely
    .selectFrom(spec.table)
    .selectAll()
    .where('org_id', '=', params.orgId)
    .execute()) as unknown as DbRow[];
  const lookups: ExportLookups = await loadExportLookups(db, params.orgId, params.kind);
  const cols = exportColumns(spec);
  const rows = stored
    .map((r) => {
      const refs = spec.exportRefs?.(r as never, lookups) ?? {};
      return cols.map((c) => cell(c, r, refs, base));
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
  return { header: cols.map((c) => (params.headers === 'zh' ? c.zh : c.key)), cols, rows: neutralisedRows(cols, rows) };
}

/** Column types whose cells are numbers: a leading minus there is a sign, not a formula. */
const NUMERIC: ReadonlySet<ColumnSpec['type']> = new Set(['amount', 'integer', 'rate']);
const NUMBER = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet may take for a formula: =, +, -, @ (or their full-width forms), after any blanks. */
const FORMULA = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell as it is safe to hand to a spreadsheet: text that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `+…`, `-…`, `@SUM(…)`, also after spaces or a tab) gets a leading apostrophe,
 * which the importer removes again; numbers of numeric columns stay numbers, negative ones too.
 *
 * @example
 * neutraliseCell('=1+1', false) // "'=1+1"
 * neutraliseCell('-5.00', true) // '-5.00'
 */
export function neutraliseCell(value: string | number, isNumeric: boolean): string | number {
  if (typeof value === 'number') return value;
  if (isNumeric && NUMBER.test(value)) return value;
  return FORMULA.test(value) ? `'${value}` : value;
}

function neutralisedRows(cols: readonly ColumnSpec[], rows: readonly (string | number)[][]) {
  const numeric = cols.map((c) => NUMERIC.has(c.type));
  return rows.map((r) => r.map((v, i) => neutraliseCell(v, numeric[i] === true)));
}

/** A number cell for Excel when the text is a number that a double holds exactly, else the text. */
function xlsxValue(v: string | number, isNumeric: boolean): string | number {
  if (typeof v === 'number' || !isNumeric || !NUMBER.test(v) || v.replace(/[-.]/g, '').length > 15) return v;
  return Number(v);
}

/**
 * Writes one kind's rows to CSV or XLSX in exactly the layout `importFile` reads, so that
 * export then import changes nothing.
 *
 * @example
 * await exportRows(db, { orgId, kind: 'customers', path: 'customers.xlsx', headers: 'zh' });
 */
export async function exportRows(db: Db, params: ExportParams): Promise<Result<{ rows: number }>> {
  const isCsv = /\.csv$/i.test(params.path);
  if (!isCsv && !/\.xlsx$/i.test(params.path)) return fail('EXPORT_FORMAT_UNSUPPORTED', { value: params.path });
  const { header, cols, rows } = await exportTable(db, params);
  if (isCsv) {
    const text = stringify([header, ...rows], { record_delimiter: '\r\n', cast: { number: String } });
    await writeFile(params.path, `\uFEFF${text}`, 'utf8');
  } else {
    const numeric = cols.map((c) => NUMERIC.has(c.type));
    // Loaded when a workbook is written, not with every command that can write one (docs/adr/0014).
    const { Workbook } = (await import('exceljs')).default;
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(params.kind);
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r.map((v, i) => xlsxValue(v, numeric[i] === true)));
    await workbook.xlsx.writeFile(params.path);
  }
  return ok({ rows: rows.length });
}

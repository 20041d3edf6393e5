import { writeFile } from 'node:fs/promises';
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
  if (col.key in refs) return refs[col.key] as string;
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
async function exportTable(db: Db, params: ExportParams): Promise<{ header: string[]; rows: (string | number)[][] }> {
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
  return { header: cols.map((c) => (params.headers === 'zh' ? c.zh : c.key)), rows };
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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
  const { header, rows } = await exportTable(db, params);
  if (isCsv) {
    const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
    await writeFile(params.path, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  } else {
    // Loaded when a workbook is written, not with every command that can write one (docs/adr/0011).
    const { Workbook } = (await import('exceljs')).default;
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(params.kind);
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r.map((v) => String(v)));
    await workbook.xlsx.writeFile(params.path);
  }
  return ok({ rows: rows.length });
}

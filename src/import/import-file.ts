import type { Result } from '../core/shared/index.js';
import { fail, ok } from '../core/shared/index.js';
import type { Db } from '../db/connection.js';
import { withTransaction } from '../db/transaction.js';
import { csvChunkSource } from './csv-source.js';
import {
  type Bytes,
  bufferBytes,
  decodeBytePieces,
  decodePieces,
  headBytes,
  needsWholeText,
  sniffDelimiter,
  sniffFormat,
} from './decode.js';
import { type FileBytes, openFileBytes } from './file-bytes.js';
import { withImportCache } from './import-cache.js';
import { type ColumnMapping, DEFAULT_MAPPING, loadColumnMapping } from './mapping.js';
import { kindSpec } from './registry.js';
import { toReport } from './report.js';
import { type RunOutcome, runImport } from './run-import.js';
import type { SheetSource } from './sheet.js';
import { SheetError } from './sheet.js';
import type { ImportBufferParams, ImportFileParams, ImportReport, RawProblem } from './types.js';
import { xlsxSource } from './xlsx-source.js';

/**
 * Imports one file of one kind for an organisation: every row is validated (values, references
 * against the database, duplicates within the file) and then all rows are written in one
 * transaction, or none when any problem is found or `dryRun` is set.
 *
 * @example
 * const report = await importFile(db, { orgId, kind: 'invoices', path: 'invoices.csv', locale: 'zh-CN' });
 * if (!report.committed) for (const p of report.problems) console.log(p.message);
 */
export async function importFile(db: Db, params: ImportFileParams): Promise<ImportReport> {
  let bytes: FileBytes;
  try {
    bytes = openFileBytes(params.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'IMPORT_FILE_NOT_FOUND' : 'IMPORT_FILE_UNREADABLE';
    return toReport(params, params.path, fileOnly(code, params.path));
  }
  // Read piece by piece from disk: a large CSV is never held whole in memory (docs/adr/0006).
  try {
    return await importBytes(db, { ...params, fileName: params.path }, bytes);
  } finally {
    bytes.close();
  }
}

/** `importFile` for bytes already in memory (an HTTP upload); `fileName` names it in problems. */
export async function importBuffer(db: Db, params: ImportBufferParams): Promise<ImportReport> {
  const { data, ...rest } = params;
  return importBytes(db, rest, bufferBytes(data));
}

type ImportBytesParams = Omit<ImportBufferParams, 'data'>;

async function importBytes(db: Db, params: ImportBytesParams, bytes: Bytes): Promise<ImportReport> {
  const file = params.fileName;
  const org = await db.kysely
    .selectFrom('organisations')
    .select('base_currency')
    .where('id', '=', params.orgId)
    .executeTakeFirst();
  if (!org) return toReport(params, file, fileOnly('ORGANISATION_NOT_FOUND', params.orgId));
  const mapping =
    params.mapping === undefined
      ? ok(DEFAULT_MAPPING)
      : await loadColumnMapping(db, { orgId: params.orgId, kind: params.kind, mapping: params.mapping });
  if (!mapping.ok)
    return toReport(
      params,
      file,
      fileOnly(mapping.error.code, String(mapping.error.details.value ?? ''), mapping.error.details.expected),
    );
  const source = await openSource(params, bytes);
  if (!source.ok)
    return toReport(
      params,
      file,
      fileOnly(source.error.code, source.error.details.value ?? null, source.error.details.expected),
    );
  return runInTransaction(db, params, mapping.value, source.value, org.base_currency);
}

const ROLLBACK = new Error('import rolled back: problems found or dry run');

async function runInTransaction(
  db: Db,
  params: ImportBytesParams,
  mapping: ColumnMapping,
  source: SheetSource,
  base: string,
): Promise<ImportReport> {
  let outcome: RunOutcome | undefined;
  const spec = kindSpec(params.kind);
  try {
    await withImportCache(db, spec.table, params.orgId, source.estimatedRows, () =>
      withTransaction(db, async (tx) => {
        outcome = await runImport(tx, { spec, source, mapping, baseCurrency: base, params });
        if (!outcome.committed) throw ROLLBACK;
      }),
    );
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  if (!outcome) throw new Error('import finished without an outcome');
  return toReport(params, params.fileName, outcome);
}

async function openSource(params: ImportBytesParams, bytes: Bytes): Promise<Result<SheetSource>> {
  const head = headBytes(bytes, 4);
  const format = sniffFormat(params.fileName, head);
  if (!format.ok) return format;
  if (format.value === 'xlsx') {
    try {
      return ok(await xlsxSource(bytes.all(), params.sheet));
    } catch (e) {
      if (e instanceof SheetError) return fail(e.code, { value: params.sheet ?? params.fileName });
      throw e;
    }
  }
  const decoded = needsWholeText(head, params.encoding)
    ? decodePieces(bytes.all(), params.encoding)
    : decodeBytePieces(bytes);
  if (!decoded.ok) return decoded;
  const { head: text, isBlank, lines, pieces } = decoded.value;
  if (isBlank) return fail('IMPORT_EMPTY_FILE', {});
  return ok(csvChunkSource(pieces, sniffDelimiter(text), Math.max(0, lines - 1)));
}

function fileOnly(code: string, value: string | null, expected?: string | number | boolean): RunOutcome {
  const problem: RawProblem = {
    row: null,
    column: null,
    value,
    code,
    expected: expected === undefined ? null : String(expected),
  };
  return { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, problems: [problem], problemCount: 1, committed: false };
}

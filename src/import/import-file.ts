import type { Result } from '../core/shared/index.js';
import { ok } from '../core/shared/index.js';
import { withBackgroundCheckpoint } from '../db/checkpoint.js';
import type { Db } from '../db/connection.js';
import { withTransaction } from '../db/transaction.js';
import { type Bytes, bufferBytes } from './decode.js';
import { type FileBytes, openFileBytes } from './file-bytes.js';
import { withImportCache } from './import-cache.js';
import { type ColumnMapping, DEFAULT_MAPPING, loadColumnMapping } from './mapping.js';
import { openSource, sourceFormat } from './open-source.js';
import { openOnWorker, openSheetOnWorker, type ReadJob, readWorkerIdle } from './read-on-worker.js';
import { type RowSource, readRows } from './read-rows.js';
import { kindSpec } from './registry.js';
import { toReport } from './report.js';
import { type RunOutcome, runImport } from './run-import.js';
import type { SheetSource } from './sheet.js';
import type { ImportBufferParams, ImportFileParams, ImportReport, RawProblem } from './types.js';
import { workerKind } from './worker-kinds.js';

/**
 * CSV files from this size on are read on a worker thread while this one writes, when a worker
 * is already started (docs/adr/0009): below it, copying rows between threads costs more than it saves.
 */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;
/**
 * From this many rows on, the import's log is copied into a SQLite database file on a background
 * thread after the commit (docs/adr/0010); below it the copy takes a few milliseconds in the commit.
 */
export const BACKGROUND_CHECKPOINT_MIN_ROWS = 20_000;
/** From this size on a worker is started for the import: its start-up (about 0.4 s) is then repaid. */
export const COLD_WORKER_MIN_BYTES = 32 * 1024 * 1024;

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
    return await importBytes(db, { ...params, fileName: params.path }, bytes, { path: params.path });
  } finally {
    bytes.close();
  }
}

/** `importFile` for bytes already in memory (an HTTP upload); `fileName` names it in problems. */
export async function importBuffer(db: Db, params: ImportBufferParams): Promise<ImportReport> {
  const { data, ...rest } = params;
  return importBytes(db, rest, bufferBytes(data), { data });
}

type ImportBytesParams = Omit<ImportBufferParams, 'data'>;

async function importBytes(
  db: Db,
  params: ImportBytesParams,
  bytes: Bytes,
  file: ReadJob['file'],
): Promise<ImportReport> {
  const fileName = params.fileName;
  const org = await db.kysely
    .selectFrom('organisations')
    .select('base_currency')
    .where('id', '=', params.orgId)
    .executeTakeFirst();
  if (!org) return toReport(params, fileName, fileOnly('ORGANISATION_NOT_FOUND', params.orgId));
  const mapping =
    params.mapping === undefined
      ? ok(DEFAULT_MAPPING)
      : await loadColumnMapping(db, { orgId: params.orgId, kind: params.kind, mapping: params.mapping });
  if (!mapping.ok)
    return toReport(
      params,
      fileName,
      fileOnly(mapping.error.code, String(mapping.error.details.value ?? ''), mapping.error.details.expected),
    );
  const reading = await openReading(params, bytes, file, mapping.value, org.base_currency);
  if (!reading.ok)
    return toReport(
      params,
      fileName,
      fileOnly(reading.error.code, reading.error.details.value ?? null, reading.error.details.expected),
    );
  try {
    return await runInTransaction(db, params, reading.value);
  } finally {
    reading.value.close();
  }
}

/**
 * Where the file is read: 'rows' read and validated on a worker (kinds that allow it), 'sheet'
 * read into cells on a worker and validated here (the other kinds), 'here' on this thread.
 * `params.worker` true reads off this thread whatever the kind; false here; absent, large files of
 * the kinds that allow it go to a worker (docs/adr/0009).
 */
function readingPlace(params: ImportBytesParams, bytes: Bytes): 'rows' | 'sheet' | 'here' {
  const format = sourceFormat(params, bytes);
  if (!format.ok || params.worker === false) return 'here';
  const rowsOnWorker = workerKind(params.kind) !== undefined;
  if (params.worker === true) return rowsOnWorker ? 'rows' : 'sheet';
  if (!rowsOnWorker) return 'here';
  const min = readWorkerIdle() ? WORKER_MIN_BYTES : COLD_WORKER_MIN_BYTES;
  // A workbook unpacks to several times its size: from a quarter of a CSV's threshold on.
  return bytes.length >= (format.value === 'csv' ? min : min / 4) ? 'rows' : 'here';
}

async function openReading(
  params: ImportBytesParams,
  bytes: Bytes,
  file: ReadJob['file'],
  mapping: ColumnMapping,
  baseCurrency: string,
): Promise<Result<RowSource>> {
  const place = readingPlace(params, bytes);
  const { kind, orgId, fileName, encoding, sheet, limits } = params;
  const job = {
    kind,
    orgId,
    fileName,
    ...(encoding === undefined ? {} : { encoding }),
    ...(sheet === undefined ? {} : { sheet }),
    ...(limits === undefined ? {} : { limits }),
    file,
    mapping,
    baseCurrency,
  };
  if (place === 'rows') return openOnWorker(job);
  const source: Result<SheetSource & { close?: () => void }> =
    place === 'sheet' ? await openSheetOnWorker(job) : await openSource({ ...params, ...job }, bytes);
  if (!source.ok) return source;
  const input = {
    spec: kindSpec(kind),
    source: source.value,
    mapping,
    baseCurrency,
    orgId,
    ...(limits === undefined ? {} : { limits }),
  };
  const close = source.value.close ?? (() => {});
  return ok({ estimatedRows: source.value.estimatedRows, rows: (state) => readRows(input, state), close });
}

const ROLLBACK = new Error('import rolled back: problems found or dry run');

async function runInTransaction(db: Db, params: ImportBytesParams, reading: RowSource): Promise<ImportReport> {
  let outcome: RunOutcome | undefined;
  const spec = kindSpec(params.kind);
  try {
    const write = () =>
      withImportCache(db, spec.table, params.orgId, reading.estimatedRows, () =>
        withTransaction(db, async (tx) => {
          outcome = await runImport(tx, { spec, params, read: (state) => reading.rows(state) });
          if (!outcome.committed) throw ROLLBACK;
        }),
      );
    await (reading.estimatedRows >= BACKGROUND_CHECKPOINT_MIN_ROWS ? withBackgroundCheckpoint(db, write) : write());
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  if (!outcome) throw new Error('import finished without an outcome');
  return toReport(params, params.fileName, outcome);
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

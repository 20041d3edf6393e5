import type { Db } from '../db/connection.js';
import { headerScore, planHeaders } from './headers.js';
import type { ColumnMapping } from './mapping.js';
import { RowReader } from './row-reader.js';
import type { SheetBatch, SheetSource } from './sheet.js';
import { SheetError } from './sheet.js';
import type { DbRow, KindSpec } from './spec.js';
import type { ImportParamsBase, RawProblem } from './types.js';
import { RowWriter } from './writer.js';

export interface RunOutcome {
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly problems: readonly RawProblem[];
  readonly problemCount: number;
  readonly committed: boolean;
}

export interface RunInput {
  readonly spec: KindSpec<unknown>;
  readonly source: SheetSource;
  readonly mapping: ColumnMapping;
  readonly baseCurrency: string;
  readonly params: ImportParamsBase;
}

/** Title rows above the header (用友 and 金蝶 reports have them) are skipped: the header is the best-matching of the first rows. */
function findHeader(spec: KindSpec<unknown>, batch: SheetBatch): number {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(batch.cells.length, 10);
  for (let i = 0; i < limit; i++) {
    const score = headerScore(spec, batch.cells[i] as string[]);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best !== -1) return best;
  return batch.cells.findIndex((cells) => cells.some((c) => c.trim().length > 0));
}

/**
 * Reads the source batch by batch inside the caller's transaction: validates every row and writes
 * valid batches while no problem has been seen (the caller rolls back when any is found later).
 * Kinds with child rows or parent rows to create are written once, after the last row.
 */
export async function runImport(tx: Db, input: RunInput): Promise<RunOutcome> {
  const { spec, source, params } = input;
  const state = await spec.load(tx, params.orgId);
  const writer = new RowWriter(tx, spec, state, params.orgId, params.dryRun === true);
  await writer.load();
  const deferred: DbRow[] | null = spec.plan || spec.beforeWrite ? [] : null;
  const file: RawProblem[] = [];
  let reader: RowReader<unknown> | null = null;
  try {
    for await (const batch of source.batches()) {
      let start = 0;
      if (!reader) {
        const at = findHeader(spec, batch);
        if (at === -1) continue;
        reader = openReader(input, state, batch, at);
        if (reader.problems.some((p) => p.code === 'IMPORT_MISSING_COLUMN')) break;
        start = at + 1;
      }
      const good = readBatch(reader, batch, start);
      if (deferred) for (const row of good) deferred.push(row);
      else await writer.accept(good, reader.problemCount === 0);
      params.onProgress?.(reader.rowsRead, Math.max(reader.rowsRead, source.estimatedRows));
    }
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    file.push({ row: e.row, column: null, value: null, code: e.code, expected: null });
  }
  if (!reader && file.length === 0)
    file.push({ row: null, column: null, value: null, code: 'IMPORT_EMPTY_FILE', expected: null });
  // A file that failed to read (a row too long, broken quoting) is that one problem, not also 'no rows'.
  else if (reader && reader.rowsRead === 0 && reader.problemCount === 0 && file.length === 0)
    file.push({ row: null, column: null, value: null, code: 'IMPORT_NO_ROWS', expected: null });
  const problemCount = (reader?.problemCount ?? 0) + file.length;
  if (deferred) {
    spec.plan?.(state, deferred);
    await writer.accept(deferred, problemCount === 0);
    if (problemCount === 0) await writer.finish(deferred);
  }
  return {
    rowsRead: reader?.rowsRead ?? 0,
    inserted: writer.inserted,
    updated: writer.updated,
    unchanged: writer.unchanged,
    problems: [...file, ...(reader?.problems ?? [])],
    problemCount,
    committed: problemCount === 0 && params.dryRun !== true,
  };
}

function openReader(input: RunInput, state: unknown, batch: SheetBatch, at: number): RowReader<unknown> {
  const { spec, mapping, params } = input;
  const headerRow = batch.rows[at] as number;
  const plan = planHeaders(spec, batch.cells[at] as string[], mapping, headerRow);
  const style = { decimal: mapping.decimal, dateOrder: mapping.dateOrder };
  const reader = new RowReader(spec, plan, style, params.orgId, input.baseCurrency, state);
  for (const p of plan.problems) reader.add(p.code, p.column, p.value, p.expected, p.row);
  return reader;
}

function readBatch(reader: RowReader<unknown>, batch: SheetBatch, start: number): DbRow[] {
  const good: DbRow[] = [];
  for (let i = start; i < batch.cells.length; i++) {
    const row = reader.read(batch.rows[i] as number, batch.cells[i] as string[]);
    if (row) good.push(row);
  }
  return good;
}

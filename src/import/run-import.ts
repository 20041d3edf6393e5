import type { Db } from '../db/connection.js';
import type { RowStream } from './read-rows.js';
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
  readonly params: ImportParamsBase;
  /** The file's rows read against the kind's reference state: on this thread, or on a read worker. */
  readonly read: (state: unknown) => RowStream;
}

/**
 * Reads the rows inside the caller's transaction and writes valid batches while no problem has
 * been seen (the caller rolls back when any is found later). Kinds with child rows or parent rows
 * to create are written once, after the last row.
 */
export async function runImport(tx: Db, input: RunInput): Promise<RunOutcome> {
  const { spec, params } = input;
  const state = await spec.load(tx, params.orgId);
  const writer = new RowWriter(tx, spec, state, params.orgId, params.dryRun === true);
  await writer.load();
  const deferred: DbRow[] | null = spec.plan || spec.beforeWrite ? [] : null;
  const stream = input.read(state);
  let next = await stream.next();
  try {
    while (!next.done) {
      const batch = next.value;
      if (deferred) for (const row of batch.rows) deferred.push(row);
      else await writer.accept(batch.rows, batch.problemCount === 0);
      params.onProgress?.(batch.rowsRead, Math.max(batch.rowsRead, batch.estimatedRows));
      next = await stream.next();
    }
  } finally {
    // Ends the reading (a read worker, the file) when writing failed half-way.
    if (!next.done) await stream.return(undefined as never);
  }
  const read = next.value;
  if (deferred) {
    spec.plan?.(state, deferred);
    await writer.accept(deferred, read.problemCount === 0);
    if (read.problemCount === 0) await writer.finish(deferred);
  }
  return {
    rowsRead: read.rowsRead,
    inserted: writer.inserted,
    updated: writer.updated,
    unchanged: writer.unchanged,
    problems: read.problems,
    problemCount: read.problemCount,
    committed: read.problemCount === 0 && params.dryRun !== true,
  };
}

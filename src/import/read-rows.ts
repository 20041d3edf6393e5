import { headerScore, planHeaders } from './headers.js';
import { DEFAULT_READ_LIMITS, type ReadLimits, SheetBounds } from './limits.js';
import type { ColumnMapping } from './mapping.js';
import { RowReader } from './row-reader.js';
import type { SheetBatch, SheetSource } from './sheet.js';
import { SheetError } from './sheet.js';
import type { DbRow, KindSpec } from './spec.js';
import type { RawProblem } from './types.js';

/** What reading a file needs besides the kind's reference state: no database, no callbacks. */
export interface ReadInput {
  readonly spec: KindSpec<unknown>;
  readonly source: SheetSource;
  readonly mapping: ColumnMapping;
  readonly baseCurrency: string;
  readonly orgId: string;
  /** Bounds of rows, columns, cells and time, checked batch by batch (DEFAULT_READ_LIMITS when absent). */
  readonly limits?: ReadLimits;
}

/** The valid rows of one batch, and the counts so far (a problem anywhere means nothing is written). */
export interface ReadBatch {
  readonly rows: DbRow[];
  readonly rowsRead: number;
  readonly problemCount: number;
  readonly estimatedRows: number;
}

/** What reading the whole file found. */
export interface ReadOutcome {
  readonly rowsRead: number;
  readonly problems: RawProblem[];
  readonly problemCount: number;
}

/** Valid rows batch by batch, then the outcome: the same on this thread and on a read worker. */
export type RowStream = AsyncGenerator<ReadBatch, ReadOutcome, undefined>;

/** An opened file: its row estimate (progress, page cache), then its rows read against the state given. */
export interface RowSource {
  readonly estimatedRows: number;
  /** Once: the valid rows batch by batch, then the outcome. */
  rows(state: unknown): RowStream;
  /** Releases what reading holds when the rows were never asked for (an import that stopped before reading). */
  close(): void;
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
 * Reads the source batch by batch: finds the header, validates every row against `state` (the
 * kind's reference maps) and yields the valid rows of each batch with the problem count so far.
 * Pure apart from reading the source: it writes nothing.
 */
export async function* readRows(input: ReadInput, state: unknown): RowStream {
  const { spec, source } = input;
  const file: RawProblem[] = [];
  let reader: RowReader<unknown> | null = null;
  const bounds = new SheetBounds(input.limits ?? DEFAULT_READ_LIMITS);
  try {
    for await (const batch of source.batches()) {
      bounds.check(batch.rows, batch.cells);
      let start = 0;
      if (!reader) {
        const at = findHeader(spec, batch);
        if (at === -1) continue;
        reader = openReader(input, state, batch, at);
        if (reader.problems.some((p) => p.code === 'IMPORT_MISSING_COLUMN')) break;
        start = at + 1;
      }
      const rows = readBatch(reader, batch, start);
      yield {
        rows,
        rowsRead: reader.rowsRead,
        problemCount: reader.problemCount,
        estimatedRows: source.estimatedRows,
      };
    }
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    file.push({ row: e.row, column: null, value: null, code: e.code, expected: e.expected });
  }
  if (!reader && file.length === 0)
    file.push({ row: null, column: null, value: null, code: 'IMPORT_EMPTY_FILE', expected: null });
  // A file that failed to read (a row too long, broken quoting) is that one problem, not also 'no rows'.
  else if (reader && reader.rowsRead === 0 && reader.problemCount === 0 && file.length === 0)
    file.push({ row: null, column: null, value: null, code: 'IMPORT_NO_ROWS', expected: null });
  return {
    rowsRead: reader?.rowsRead ?? 0,
    problems: [...file, ...(reader?.problems ?? [])],
    problemCount: (reader?.problemCount ?? 0) + file.length,
  };
}

function openReader(input: ReadInput, state: unknown, batch: SheetBatch, at: number): RowReader<unknown> {
  const { spec, mapping } = input;
  const headerRow = batch.rows[at] as number;
  const plan = planHeaders(spec, batch.cells[at] as string[], mapping, headerRow);
  const style = { decimal: mapping.decimal, dateOrder: mapping.dateOrder };
  const reader = new RowReader(spec, plan, style, input.orgId, input.baseCurrency, state);
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

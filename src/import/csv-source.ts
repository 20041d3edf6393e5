import { CsvError, type Parser, parse } from 'csv-parse';
import { type SheetBatch, SheetError, type SheetSource } from './sheet.js';

/** A record longer than this is not a spreadsheet row: stop before it eats memory. */
export const MAX_RECORD_CHARS = 1_000_000;
const SLICE = 1 << 20;
/** Records per batch from the fast path: small enough that they die young (see docs/adr/0006). */
const BATCH_ROWS = 1024;
/**
 * csv-parse limits a record in UTF-8 bytes; a line of at most a third of the limit in UTF-16
 * units cannot reach it (one unit is at most three bytes), so the fast path need not measure bytes.
 */
const FAST_LINE_LIMIT = Math.floor(MAX_RECORD_CHARS / 3);
/** csv-parse turns a lone surrogate into U+FFFD; pieces with any surrogate go to it (rare: emoji). */
const SURROGATE = /[\uD800-\uDFFF]/;

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

/** Streams decoded CSV text as batches of rows (arrays of strings), numbered as a spreadsheet shows them. */
export function csvSource(text: string, delimiter: string): SheetSource {
  return csvChunkSource(() => textSlices(text), delimiter, Math.max(0, countLines(text) - 1));
}

function* textSlices(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += SLICE) yield text.slice(i, i + SLICE);
}

/**
 * The same as `csvSource` for text decoded piece by piece (`chunks` is called once per read), so
 * the whole file never has to exist as one string.
 */
export function csvChunkSource(chunks: () => Iterable<string>, delimiter: string, estimatedRows: number): SheetSource {
  return { estimatedRows, batches: () => csvBatches(chunks(), delimiter) };
}

/**
 * Lines without quotes or carriage returns (nearly every export) are split directly, which is
 * several times faster than csv-parse and gives the same records. From the first piece that has
 * a quote, a CR, a surrogate pair or a very long line, the rest goes through csv-parse, which then
 * also reports malformed quoting and over-long rows exactly as before. The switch happens at a
 * record boundary, so records and row numbers do not change (src/import/csv-source.test.ts
 * compares both paths on random input).
 */
async function* csvBatches(chunks: Iterable<string>, delimiter: string): AsyncGenerator<SheetBatch> {
  let n = 0;
  let pending = '';
  let first = true;
  let parser: SlowParser | null = null;
  const numbered = (cells: string[][]): SheetBatch => {
    const rows = new Array<number>(cells.length);
    for (let i = 0; i < rows.length; i++) rows[i] = ++n;
    return { rows, cells };
  };
  for (const chunk of chunks) {
    if (parser) {
      const cells = parser.write(chunk, n);
      if (cells.length > 0) yield numbered(cells);
      continue;
    }
    pending = pending.length === 0 ? chunk : pending + chunk;
    if (first && pending.length > 0) {
      // csv-parse's `bom: true`: one byte-order mark at the very start is dropped.
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      first = false;
    }
    const end = pending.lastIndexOf('\n');
    if (end === -1 && pending.length <= FAST_LINE_LIMIT) continue;
    const split = new LineSplit(pending, end + 1, delimiter);
    for (let cells = split.next(); cells.length > 0; cells = split.next()) yield numbered(cells);
    if (split.stoppedAt === -1) {
      pending = pending.slice(end + 1);
      continue;
    }
    // Everything before `stoppedAt` was read line by line, so csv-parse has seen '\n' as the record delimiter.
    parser = new SlowParser(delimiter, n > 0 || split.stoppedAt > 0);
    const cells = parser.write(pending.slice(split.stoppedAt), n);
    pending = '';
    if (cells.length > 0) yield numbered(cells);
  }
  if (!parser) {
    if (pending.length === 0) return;
    const split = new LineSplit(`${pending}\n`, pending.length + 1, delimiter);
    for (let cells = split.next(); cells.length > 0; cells = split.next()) yield numbered(cells);
    if (split.stoppedAt === -1) return;
    parser = new SlowParser(delimiter, n > 0 || split.stoppedAt > 0);
    const cells = parser.write(pending.slice(split.stoppedAt), n);
    if (cells.length > 0) yield numbered(cells);
  }
  const rest = await parser.end(n);
  if (rest.length > 0) yield numbered(rest);
}

/**
 * Splits `text[0, end)` (whole lines) into records, at most `BATCH_ROWS` a call, so that a piece's
 * records are validated and written (and can be collected) before the next ones are made. It stops
 * at the first line the fast path must not read: `stoppedAt` is then where that line starts, or
 * -1 once every line was read. `next()` returns an empty array when nothing is left.
 */
class LineSplit {
  stoppedAt = -1;
  private start = 0;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly delimiter: string,
  ) {
    const block = text.slice(0, end);
    // `splitLine` cuts at one character; any other delimiter is csv-parse's to read.
    if (delimiter.length !== 1) this.stop(0);
    else if (block.indexOf('"') !== -1 || block.indexOf('\r') !== -1 || SURROGATE.test(block)) this.stop(0);
    else if (end === 0 && text.length > FAST_LINE_LIMIT) this.stop(0);
  }

  next(): string[][] {
    const cells: string[][] = [];
    const { text, end, delimiter } = this;
    let start = this.start;
    while (start < end && cells.length < BATCH_ROWS) {
      const nl = text.indexOf('\n', start);
      const stop = nl === -1 || nl >= end ? end : nl;
      if (stop - start > FAST_LINE_LIMIT) {
        this.stop(start);
        return cells;
      }
      cells.push(splitLine(text, start, stop, delimiter));
      start = stop + 1;
    }
    this.start = start;
    return cells;
  }

  private stop(at: number): void {
    this.stoppedAt = at;
    this.start = this.end;
  }
}

/**
 * `text.slice(start, stop).split(delimiter)` for a one-character delimiter, without the line as a
 * string of its own: the cells are cut from the piece directly (about a third faster a line).
 */
function splitLine(text: string, start: number, stop: number, delimiter: string): string[] {
  const code = delimiter.charCodeAt(0);
  const cells: string[] = [];
  let at = start;
  for (let i = start; i < stop; i++) {
    if (text.charCodeAt(i) === code) {
      cells.push(text.slice(at, i));
      at = i + 1;
    }
  }
  cells.push(text.slice(at, stop));
  return cells;
}

/** csv-parse fed synchronously: no stream pipeline, so no event-loop turn per chunk. */
class SlowParser {
  private readonly parser: Parser;
  private cells: string[][] = [];
  private readonly ended: Promise<void>;

  constructor(delimiter: string, afterLines: boolean) {
    this.parser = parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_RECORD_CHARS,
      // The byte-order mark is dropped before this parser sees any text; taking over after lines,
      // the record delimiter csv-parse would have discovered is known.
      bom: false,
      ...(afterLines ? { record_delimiter: '\n' } : {}),
    });
    this.parser.on('data', (record: string[]) => this.cells.push(record));
    // Errors are read from `parser.errored` after each write; this listener only stops the unhandled-error crash.
    this.parser.on('error', () => undefined);
    this.ended = new Promise<void>((resolve) => this.parser.on('end', resolve).on('close', resolve));
  }

  /** Feeds text; returns the records it completed. `before` is the number of rows already numbered. */
  write(text: string, before: number): string[][] {
    for (let i = 0; i < text.length; i += SLICE) {
      this.parser.write(text.slice(i, i + SLICE));
      failIfErrored(this.parser.errored, before + this.cells.length + 1);
    }
    return this.take();
  }

  async end(before: number): Promise<string[][]> {
    this.parser.end();
    await this.ended;
    failIfErrored(this.parser.errored, before + this.cells.length + 1);
    return this.take();
  }

  private take(): string[][] {
    const out = this.cells;
    this.cells = [];
    return out;
  }
}

function failIfErrored(error: Error | null, row: number): void {
  if (error === null) return;
  if (error instanceof CsvError) {
    throw new SheetError(
      error.code === 'CSV_MAX_RECORD_SIZE' ? 'IMPORT_ROW_TOO_LONG' : 'IMPORT_CSV_MALFORMED',
      row,
      error,
    );
  }
  throw error;
}

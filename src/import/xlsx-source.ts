import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { excelSerial } from './dates.js';
import { type ReadLimits, startClock } from './limits.js';
import { type SheetBatch, SheetError, type SheetSource } from './sheet.js';

/**
 * Reads one worksheet of an .xlsx workbook as it streams out of the zip, with bounds checked on
 * the way (docs/import.md, "Limits"): the uncompressed bytes of every part read, the row numbers
 * and count, the columns, the cells and the time. A sheet that claims row 2,000,000,000 or column
 * XFD is refused at that cell, never laid out in memory. A damaged file is a `SheetError`
 * (IMPORT_XLSX_UNREADABLE), never a stack trace.
 */

const BATCH_ROWS = 1024;
const MAX_ENTRIES = 10_000;
/** Built-in number formats that show a date (ECMA-376 18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

const megabytes = (n: number) => `${Math.round(n / 1048576)} MB`;
const unreadable = (cause?: unknown) => new SheetError('IMPORT_XLSX_UNREADABLE', null, cause);

/** A local tag name ('x:row' → 'row'): some writers prefix the spreadsheet namespace. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Counts the uncompressed bytes of every part against the one budget of the file. */
class Budget {
  private used = 0;
  constructor(private readonly limits: ReadLimits) {}
  add(n: number): void {
    this.used += n;
    if (this.used > this.limits.maxUncompressedBytes)
      throw new SheetError('IMPORT_TOO_LARGE', null, undefined, megabytes(this.limits.maxUncompressedBytes));
  }
}

async function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: Entry) => {
      entries.set(e.fileName, e);
      if (entries.size > MAX_ENTRIES) reject(unreadable('too many parts'));
      else zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (e: unknown) => reject(unreadable(e)));
    zip.readEntry();
  });
  return entries;
}

/** Streams one part through a SAX parser, chunk by chunk, counting its bytes. */
async function parsePart(
  zip: ZipFile,
  entry: Entry,
  budget: Budget,
  handlers: (parser: SaxesParser) => void,
  onChunk?: () => void,
): Promise<void> {
  const parser = new SaxesParser();
  handlers(parser);
  let failure: unknown = null;
  parser.on('error', (e) => {
    failure = e;
  });
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (e) {
    throw unreadable(e);
  }
  try {
    for await (const chunk of stream) {
      budget.add((chunk as Buffer).length);
      parser.write((chunk as Buffer).toString('utf8'));
      if (failure) throw unreadable(failure);
      onChunk?.();
    }
    parser.close();
    if (failure) throw unreadable(failure);
  } catch (e) {
    stream.destroy();
    if (e instanceof SheetError) throw e;
    throw unreadable(e);
  }
}

/** The worksheet's part name: the first sheet, or the one named `sheet`. */
async function sheetPart(zip: ZipFile, entries: Map<string, Entry>, budget: Budget, sheet: string | undefined) {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw unreadable('no workbook part');
  const sheets: { name: string; rid: string }[] = [];
  await parsePart(zip, workbook, budget, (p) =>
    p.on('opentag', (t) => {
      if (local(t.name) === 'sheet')
        sheets.push({ name: String(t.attributes.name ?? ''), rid: String(t.attributes['r:id'] ?? '') });
    }),
  );
  const targets = new Map<string, string>();
  await parsePart(zip, rels, budget, (p) =>
    p.on('opentag', (t) => {
      if (local(t.name) === 'Relationship') targets.set(String(t.attributes.Id), String(t.attributes.Target ?? ''));
    }),
  );
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen) throw new SheetError(sheet === undefined ? 'IMPORT_EMPTY_FILE' : 'IMPORT_SHEET_NOT_FOUND', null);
  const target = targets.get(chosen.rid) ?? '';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const entry = entries.get(path.replace(/\/\.\//g, '/'));
  if (!entry) throw unreadable(`no part ${path}`);
  return entry;
}

async function sharedStrings(zip: ZipFile, entries: Map<string, Entry>, budget: Budget): Promise<string[]> {
  const entry = entries.get('xl/sharedStrings.xml');
  const out: string[] = [];
  if (!entry) return out;
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await parsePart(zip, entry, budget, (p) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'si') current = '';
      else if (n === 't') inText = true;
      else if (n === 'rPh') inPhonetic = true;
    });
    p.on('text', (text) => {
      if (inText && !inPhonetic) current += text;
    });
    p.on('closetag', (t) => {
      const n = local(t.name);
      if (n === 'si') out.push(current);
      else if (n === 't') inText = false;
      else if (n === 'rPh') inPhonetic = false;
    });
  });
  return out;
}

/** Whether a custom number format shows a date: day, month or year letters outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare) || /m.*s|h.*m/i.test(bare);
}

/** Which cell styles (the `s` attribute) show a number as a date. */
async function dateStyles(zip: ZipFile, entries: Map<string, Entry>, budget: Budget): Promise<Set<number>> {
  const entry = entries.get('xl/styles.xml');
  const out = new Set<number>();
  if (!entry) return out;
  const custom = new Map<number, boolean>();
  let inXfs = false;
  let index = 0;
  await parsePart(zip, entry, budget, (p) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'numFmt')
        custom.set(Number(t.attributes.numFmtId), isDateFormat(String(t.attributes.formatCode ?? '')));
      else if (n === 'cellXfs') inXfs = true;
      else if (n === 'xf' && inXfs) {
        const id = Number(t.attributes.numFmtId ?? 0);
        if (custom.get(id) ?? DATE_FORMAT_IDS.has(id)) out.add(index);
        index++;
      }
    });
    p.on('closetag', (t) => {
      if (local(t.name) === 'cellXfs') inXfs = false;
    });
  });
  return out;
}

/** 'B12' → 1 (zero-based column), or -1 without letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (col > 1_000_000) break;
  }
  return i === 0 ? -1 : col - 1;
}

/** A number cell as a user would type it: no float noise; a date when its style shows one and it is in range. */
function numberText(v: string, isDate: boolean): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  if (isDate) {
    const d = excelSerial(n);
    if (d.ok) return d.date;
  }
  return String(Number(n.toPrecision(15)));
}

interface CellState {
  type: string;
  style: number;
  col: number;
  value: string;
  inline: string;
}

/**
 * Opens an .xlsx and reads one worksheet (the first unless `sheet` names one), in batches of rows,
 * within `limits`. Values come as the text a user would type: shared and inline strings, numbers
 * without float noise, date-formatted numbers as YYYY-MM-DD (Excel serials in range), formulas as
 * their cached result, booleans as true/false.
 */
export async function xlsxSource(data: Buffer, sheet: string | undefined, limits: ReadLimits): Promise<SheetSource> {
  const clock = startClock(limits);
  const budget = new Budget(limits);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  } catch (e) {
    throw unreadable(e);
  }
  const entries = await listEntries(zip);
  let declared = 0;
  for (const e of entries.values()) declared += e.uncompressedSize;
  if (declared > limits.maxUncompressedBytes) {
    zip.close();
    throw new SheetError('IMPORT_TOO_LARGE', null, undefined, megabytes(limits.maxUncompressedBytes));
  }
  const part = await sheetPart(zip, entries, budget, sheet);
  const strings = await sharedStrings(zip, entries, budget);
  const dates = await dateStyles(zip, entries, budget);
  clock.check();
  // A row of a typical sheet unpacks to 300 bytes or more: an estimate for progress and the page cache.
  const estimatedRows = Math.max(1, Math.round(part.uncompressedSize / 300));
  return {
    estimatedRows,
    batches: () => sheetRows(zip, part, budget, { strings, dates, limits, clock }),
  };
}

interface SheetContext {
  readonly strings: readonly string[];
  readonly dates: ReadonlySet<number>;
  readonly limits: ReadLimits;
  readonly clock: { check(): void };
}

async function* sheetRows(zip: ZipFile, part: Entry, budget: Budget, ctx: SheetContext): AsyncGenerator<SheetBatch> {
  const { limits } = ctx;
  const maxRowNumber = limits.maxRows + 100;
  let batch: SheetBatch = { rows: [], cells: [] };
  const ready: SheetBatch[] = [];
  let rowNumber = 0;
  let rowCells: string[] | null = null;
  let cellCount = 0;
  let cell: CellState | null = null;
  let inValue = false;
  let inInlineText = false;
  const openRow = (t: SaxesTagPlain) => {
    const r = t.attributes.r === undefined ? rowNumber + 1 : Number(t.attributes.r);
    if (!Number.isInteger(r) || r <= rowNumber) throw unreadable(`row ${String(t.attributes.r)}`);
    if (r > maxRowNumber) throw new SheetError('IMPORT_TOO_MANY_ROWS', r, undefined, String(limits.maxRows));
    rowNumber = r;
    rowCells = [];
  };
  const closeCell = () => {
    if (!cell || !rowCells) return;
    const c = cell;
    const text =
      c.type === 's'
        ? (ctx.strings[Number(c.value)] ?? '')
        : c.type === 'inlineStr'
          ? c.inline
          : c.type === 'b'
            ? c.value === '1'
              ? 'true'
              : 'false'
            : c.type === 'str' || c.type === 'e'
              ? c.value
              : c.type === 'd'
                ? c.value.slice(0, 10)
                : c.value === ''
                  ? ''
                  : numberText(c.value, ctx.dates.has(c.style));
    if (text.length > 0) {
      if (++cellCount > limits.maxCells)
        throw new SheetError('IMPORT_TOO_MANY_CELLS', rowNumber, undefined, String(limits.maxCells));
      while (rowCells.length < c.col) rowCells.push('');
      rowCells[c.col] = text;
    }
    cell = null;
  };
  const closeRow = () => {
    if (!rowCells) return;
    if (rowCells.length > 0) {
      batch.rows.push(rowNumber);
      batch.cells.push(rowCells);
      if (batch.rows.length >= BATCH_ROWS) {
        ready.push(batch);
        batch = { rows: [], cells: [] };
      }
    }
    rowCells = null;
  };
  const handlers = (p: SaxesParser) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'row') openRow(t);
      else if (n === 'c') {
        const ref = String(t.attributes.r ?? '');
        const col = ref ? columnOf(ref) : (rowCells?.length ?? 0);
        if (col < 0) throw unreadable(`cell ${ref}`);
        if (col >= limits.maxColumns)
          throw new SheetError('IMPORT_TOO_MANY_COLUMNS', rowNumber, undefined, String(limits.maxColumns));
        cell = { type: String(t.attributes.t ?? 'n'), style: Number(t.attributes.s ?? 0), col, value: '', inline: '' };
      } else if (n === 'v') inValue = true;
      else if (n === 't' && cell) inInlineText = true;
    });
    p.on('text', (text) => {
      if (!cell) return;
      if (inValue) cell.value += text;
      else if (inInlineText) cell.inline += text;
    });
    p.on('closetag', (t) => {
      const n = local(t.name);
      if (n === 'v') inValue = false;
      else if (n === 't') inInlineText = false;
      else if (n === 'c') closeCell();
      else if (n === 'row') closeRow();
    });
  };
  // Pulled chunk by chunk: a batch is handed out before the next chunk is unpacked.
  const parser = new SaxesParser();
  handlers(parser);
  let failure: unknown = null;
  parser.on('error', (e) => {
    failure = e;
  });
  let stream: Readable | null = null;
  try {
    try {
      stream = await zip.openReadStreamPromise(part);
    } catch (e) {
      throw unreadable(e);
    }
    for await (const chunk of stream) {
      budget.add((chunk as Buffer).length);
      try {
        parser.write((chunk as Buffer).toString('utf8'));
      } catch (e) {
        throw e instanceof SheetError ? e : unreadable(e);
      }
      if (failure) throw unreadable(failure);
      ctx.clock.check();
      while (ready.length > 0) yield ready.shift() as SheetBatch;
    }
    parser.close();
    if (failure) throw unreadable(failure);
    closeRow();
    if (batch.rows.length > 0) ready.push(batch);
    while (ready.length > 0) yield ready.shift() as SheetBatch;
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw unreadable(e);
  } finally {
    stream?.destroy();
    zip.close();
  }
}

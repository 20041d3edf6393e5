import type { Locale } from '../i18n/index.js';
import type { ReadLimits } from './limits.js';

/** What a file holds; each kind maps to one table (plus, for some, a child table). */
export const IMPORT_KIND_NAMES = [
  'customers',
  'suppliers',
  'invoices',
  'credit-notes',
  'receipts',
  'bills',
  'payments',
  'bank-balances',
  'fx-rates',
  'financial-statements',
  'legal-events',
  'recurring-items',
  'fx-forwards',
] as const;
export type ImportKind = (typeof IMPORT_KIND_NAMES)[number];

export function isImportKind(text: string): text is ImportKind {
  return (IMPORT_KIND_NAMES as readonly string[]).includes(text);
}

/** One thing wrong with a file, a row or a cell; `row` is the spreadsheet row (the header is row 1). */
export interface ImportProblem {
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly code: string;
  readonly expected: string | null;
  /** The translated message, one line. */
  readonly message: string;
}

export interface ImportReport {
  readonly kind: ImportKind;
  readonly file: string;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly problems: readonly ImportProblem[];
  /** True when the rows were written; false after a dry run or when any problem was found. */
  readonly committed: boolean;
}

export interface ImportParamsBase {
  readonly orgId: string;
  readonly kind: ImportKind;
  /** 'utf-8', 'gb18030', 'gbk'...; detected when absent (UTF-8 if it decodes strictly, else GB18030). */
  readonly encoding?: string;
  /** A saved mapping name, or a path to a JSON mapping file. */
  readonly mapping?: string;
  /** XLSX sheet name; the first sheet when absent. */
  readonly sheet?: string;
  readonly dryRun?: boolean;
  readonly locale: Locale;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Read and validate on a worker thread while this one writes: true or false forces it; absent,
   * large CSV files of kinds that allow it do (docs/adr/0009). The outcome is the same either way.
   */
  readonly worker?: boolean;
  /** Bounds of rows, columns, cells, unpacked bytes and time (DEFAULT_READ_LIMITS when absent). */
  readonly limits?: ReadLimits;
}

export interface ImportFileParams extends ImportParamsBase {
  readonly path: string;
}

export interface ImportBufferParams extends ImportParamsBase {
  readonly fileName: string;
  readonly data: Buffer;
}

/** A problem before translation. */
export interface RawProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly code: string;
  readonly expected: string | null;
}

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** How to read numbers and dates that are ambiguous; part of a column mapping. */
export interface ValueStyle {
  /** '.' reads 1,234.56 (default); ',' reads 1.234,56. */
  readonly decimal: '.' | ',';
  /** For dates like 03/04/2025 where both orders are possible. */
  readonly dateOrder: DateOrder | null;
}

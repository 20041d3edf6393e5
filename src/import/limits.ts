import { SheetError } from './sheet.js';

/**
 * How much of a file an import reads before refusing it (docs/import.md, "Limits"), checked while
 * the file streams: no file, however it was made, holds the importing process for long or makes
 * it lay out more than these. Settings: the defaults below, overridden by the environment
 * variables named beside each (the server and the command line read them).
 */
export interface ReadLimits {
  /** Data rows (CASHGUARD_IMPORT_MAX_ROWS); a row numbered more than 100 past it is refused at once. */
  readonly maxRows: number;
  /** Columns of a row (CASHGUARD_IMPORT_MAX_COLUMNS). */
  readonly maxColumns: number;
  /** Non-empty cells of a sheet (CASHGUARD_IMPORT_MAX_CELLS). */
  readonly maxCells: number;
  /** Bytes a workbook unpacks to, all its parts together (CASHGUARD_IMPORT_MAX_UNPACKED_BYTES). */
  readonly maxUncompressedBytes: number;
  /** Seconds the reading of one file may take (CASHGUARD_IMPORT_MAX_SECONDS). */
  readonly maxSeconds: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 1_000_000,
  maxColumns: 1_000,
  maxCells: 20_000_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxSeconds: 300,
};

const ENV: readonly [keyof ReadLimits, string][] = [
  ['maxRows', 'CASHGUARD_IMPORT_MAX_ROWS'],
  ['maxColumns', 'CASHGUARD_IMPORT_MAX_COLUMNS'],
  ['maxCells', 'CASHGUARD_IMPORT_MAX_CELLS'],
  ['maxUncompressedBytes', 'CASHGUARD_IMPORT_MAX_UNPACKED_BYTES'],
  ['maxSeconds', 'CASHGUARD_IMPORT_MAX_SECONDS'],
];

/**
 * The limits with the environment's overrides (positive whole numbers; anything else keeps the default).
 *
 * @example
 * readLimitsFrom({ CASHGUARD_IMPORT_MAX_ROWS: '50000' }).maxRows // 50000
 */
export function readLimitsFrom(env: Readonly<Record<string, string | undefined>>): ReadLimits {
  const out: Record<keyof ReadLimits, number> = { ...DEFAULT_READ_LIMITS };
  for (const [key, name] of ENV) {
    const text = Object.hasOwn(env, name) ? env[name] : undefined;
    if (text !== undefined && /^\d{1,15}$/.test(text.trim()) && Number(text) > 0) out[key] = Number(text);
  }
  return out;
}

/** The clock of one file's reading: `check` throws IMPORT_TOO_SLOW past `maxSeconds`. */
export function startClock(limits: ReadLimits): { check(): void } {
  const started = Date.now();
  return {
    check() {
      if (Date.now() - started > limits.maxSeconds * 1000)
        throw new SheetError('IMPORT_TOO_SLOW', null, undefined, `${limits.maxSeconds} s`);
    },
  };
}

/**
 * Checks a batch of rows read from any sheet (CSV or Excel) against the limits: rows so far, the
 * widest row, cells so far and the time. Keeps its counts between batches.
 */
export class SheetBounds {
  private rows = 0;
  private cells = 0;
  private readonly clock: { check(): void };

  constructor(private readonly limits: ReadLimits) {
    this.clock = startClock(limits);
  }

  check(rowNumbers: readonly number[], cells: readonly (readonly string[])[]): void {
    const { limits } = this;
    this.rows += rowNumbers.length;
    const last = rowNumbers[rowNumbers.length - 1] ?? 0;
    if (this.rows > limits.maxRows + 1)
      throw new SheetError('IMPORT_TOO_MANY_ROWS', last, undefined, String(limits.maxRows));
    for (let i = 0; i < cells.length; i++) {
      const row = cells[i] as readonly string[];
      if (row.length > limits.maxColumns)
        throw new SheetError('IMPORT_TOO_MANY_COLUMNS', rowNumbers[i] ?? null, undefined, String(limits.maxColumns));
      this.cells += row.length;
    }
    if (this.cells > limits.maxCells)
      throw new SheetError('IMPORT_TOO_MANY_CELLS', last, undefined, String(limits.maxCells));
    this.clock.check();
  }
}

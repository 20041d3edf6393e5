/** Rows of a sheet, in batches: `rows[i]` is the spreadsheet row number of `cells[i]`. */
export interface SheetBatch {
  readonly rows: number[];
  readonly cells: string[][];
}

/** A readable table: CSV text or an Excel worksheet, read batch by batch. */
export interface SheetSource {
  /** Data rows expected (for progress); may be approximate. */
  readonly estimatedRows: number;
  batches(): AsyncGenerator<SheetBatch>;
}

/** A file-level read failure at a row, raised by sources and reported as one problem. */
export class SheetError extends Error {
  constructor(
    readonly code: string,
    readonly row: number | null,
    cause?: unknown,
    /** The limit passed or the form expected, for the message. */
    readonly expected: string | null = null,
  ) {
    super(code, { cause });
    this.name = 'SheetError';
  }
}

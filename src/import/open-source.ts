import type { Result } from '../core/shared/index.js';
import { fail, ok } from '../core/shared/index.js';
import { csvChunkSource } from './csv-source.js';
import {
  type Bytes,
  decodeBytePieces,
  decodePieces,
  headBytes,
  needsWholeText,
  sniffDelimiter,
  sniffFormat,
} from './decode.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.js';
import type { SheetSource } from './sheet.js';
import { SheetError } from './sheet.js';

/** How a file is to be read: its name (for the format) and what the user said of it. */
export interface SourceOptions {
  readonly fileName: string;
  readonly encoding?: string;
  readonly sheet?: string;
  /** How much of the file to read at most (DEFAULT_READ_LIMITS when absent). */
  readonly limits?: ReadLimits;
}

/** 'xlsx' or 'csv' from the name and the first bytes, or the reason the file is neither. */
export function sourceFormat(options: SourceOptions, bytes: Bytes): Result<'xlsx' | 'csv'> {
  return sniffFormat(options.fileName, headBytes(bytes, 4));
}

/**
 * Opens the file as a sheet of rows: an Excel workbook's sheet, or CSV text checked and decoded
 * piece by piece (docs/adr/0006). The workbook reader is loaded only for workbooks, so a read
 * worker that sees CSV only never loads it.
 */
export async function openSource(options: SourceOptions, bytes: Bytes): Promise<Result<SheetSource>> {
  const head = headBytes(bytes, 4);
  const format = sniffFormat(options.fileName, head);
  if (!format.ok) return format;
  if (format.value === 'xlsx') {
    const { xlsxSource } = await import('./xlsx-source.js');
    try {
      return ok(await xlsxSource(bytes.all(), options.sheet, options.limits ?? DEFAULT_READ_LIMITS));
    } catch (e) {
      if (e instanceof SheetError)
        return fail(e.code, {
          value: options.sheet ?? options.fileName,
          ...(e.expected === null ? {} : { expected: e.expected }),
        });
      throw e;
    }
  }
  const decoded = needsWholeText(head, options.encoding)
    ? decodePieces(bytes.all(), options.encoding)
    : decodeBytePieces(bytes);
  if (!decoded.ok) return decoded;
  const { head: text, isBlank, lines, pieces } = decoded.value;
  if (isBlank) return fail('IMPORT_EMPTY_FILE', {});
  return ok(csvChunkSource(pieces, sniffDelimiter(text), Math.max(0, lines - 1)));
}

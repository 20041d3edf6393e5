import { parse } from 'csv-parse/sync';
import { decodeText, sniffDelimiter } from '../decode.js';
import { DEFAULT_READ_LIMITS } from '../limits.js';
import { xlsxSource } from '../xlsx-source.js';
import { looksLikeCamt, parseCamt } from './camt.js';
import { looksLikeCnBank, parseCnBankRows, type SheetRow } from './cn-bank.js';
import { looksLikeMt940, parseMt940 } from './mt940.js';
import { looksLikeOfx, parseOfx } from './ofx.js';
import { BankFileError, type ParsedStatement } from './types.js';

/** Reads every row of an .xlsx workbook's first sheet as text. */
async function xlsxRows(data: Buffer): Promise<SheetRow[]> {
  const source = await xlsxSource(data, undefined, DEFAULT_READ_LIMITS);
  const rows: SheetRow[] = [];
  for await (const batch of source.batches()) {
    batch.rows.forEach((row, i) => {
      rows.push({ row, cells: batch.cells[i] ?? [] });
    });
  }
  return rows;
}

function csvRows(text: string): SheetRow[] {
  const firstLines = text.split(/\r?\n/).slice(0, 30);
  // The header row decides the delimiter; a title block above it may have none.
  const headerLine =
    firstLines.find((l) => /日期|时间/.test(l) && /金额|借方|贷方|收入|支出/.test(l)) ?? firstLines[0] ?? '';
  const records = parse(text, {
    delimiter: sniffDelimiter(headerLine),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  return records.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => c.replace(/^\t+|\t+$/g, '').replace(/^="?|"$/g, '')),
  }));
}

/**
 * Reads a bank statement file whatever its name says: the content decides between camt (XML),
 * OFX, SWIFT MT940/MT942 and a Chinese bank's CSV or Excel export. Text is read as UTF-8, else
 * GB18030 (a superset of GBK). A file that is none of these, or holds no statement, is refused.
 */
export async function readStatementFile(data: Buffer): Promise<ParsedStatement[]> {
  if (data.length === 0) throw new BankFileError('BANK_EMPTY_FILE', {});
  let statements: ParsedStatement[];
  if (data[0] === 0x50 && data[1] === 0x4b) {
    const rows = await xlsxRows(data).catch((cause: unknown) => {
      throw new BankFileError('BANK_UNREADABLE_WORKBOOK', {
        value: String((cause as Error).message ?? cause).slice(0, 120),
      });
    });
    statements = parseCnBankRows(rows);
  } else {
    const decoded = decodeText(data, undefined);
    if (!decoded.ok) throw new BankFileError('BANK_UNKNOWN_FORMAT', { value: decoded.error.code });
    const text = decoded.value.text;
    const head = text.slice(0, 4096);
    if (looksLikeCamt(head) || looksLikeCamt(text.slice(0, 65536))) statements = parseCamt(text);
    else if (looksLikeOfx(head)) statements = parseOfx(text);
    else if (looksLikeMt940(text)) statements = parseMt940(text);
    else {
      const rows = csvRows(text);
      if (!looksLikeCnBank(rows)) throw new BankFileError('BANK_UNKNOWN_FORMAT', {});
      statements = parseCnBankRows(rows);
    }
  }
  if (statements.length === 0) throw new BankFileError('BANK_NO_STATEMENT', {});
  return statements;
}

import ExcelJS from 'exceljs';
import { type SheetBatch, SheetError, type SheetSource } from './sheet.js';

type CellValue = ExcelJS.CellValue;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A cell as the text a user would type: dates as YYYY-MM-DD, numbers without float noise. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText((value.result ?? null) as CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : '';
  return '';
}

/**
 * Opens an .xlsx and reads one worksheet (the first unless `sheet` names one). A truncated or
 * corrupt file is a `SheetError` with IMPORT_XLSX_UNREADABLE, never a stack trace.
 */
export async function xlsxSource(data: Buffer, sheet: string | undefined): Promise<SheetSource> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new SheetError('IMPORT_XLSX_UNREADABLE', null, e);
  }
  const ws = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!ws) throw new SheetError(sheet === undefined ? 'IMPORT_EMPTY_FILE' : 'IMPORT_SHEET_NOT_FOUND', null);
  const rows: number[] = [];
  const cells: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as CellValue[];
    const out: string[] = [];
    for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
    rows.push(n);
    cells.push(out);
  });
  return {
    estimatedRows: Math.max(0, rows.length - 1),
    batches: async function* (): AsyncGenerator<SheetBatch> {
      yield { rows, cells };
    },
  };
}

import { parseAmount } from '../amounts.js';
import { excelSerial, parseDate } from '../dates.js';
import { normaliseHeader, normaliseText } from '../text.js';

/** A cell as a workbook reader gives it: text, a number, a date, or nothing. */
export type CellValue = string | number | boolean | Date | null;

/** One sheet of a workbook: its name and its rows, `rows[0]` being spreadsheet row 1. */
export interface SheetRows {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

/** The cell as trimmed half-width text ('' when empty). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return normaliseText(String(v));
}

/**
 * A date cell: an Excel date, a serial day, or text as the credit-data services write it
 * (2024-03-05, 2024/3/5, 2024年3月5日, with a time after it or not). Null when empty, undefined
 * when unreadable.
 */
export function cellDate(v: CellValue | undefined): string | null | undefined {
  if (v === null || v === undefined || v === '' || v === '-' || v === '--') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    const d = excelSerial(v);
    return d.ok ? d.date : undefined;
  }
  const t = cellText(v);
  if (t === '' || t === '-' || t === '--' || t === '暂无') return null;
  const d = parseDate(t, null);
  return d.ok ? d.date : undefined;
}

const CURRENCY_TAILS: readonly (readonly [string, string])[] = [
  ['人民币', 'CNY'],
  ['美元', 'USD'],
  ['欧元', 'EUR'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['日元', 'JPY'],
  ['英镑', 'GBP'],
  ['元', 'CNY'],
];

/**
 * An amount as the services print it: a plain number of yuan, or text with 万 / 亿 and a currency
 * word ('1000万人民币', '500万美元', '12.5万元', '1,200,000.00元'). Exact: 万 reads the number with four
 * more decimals instead of multiplying a float. Null when empty, undefined when unreadable.
 *
 * @example
 * cellAmount('500万美元', 'CNY') // { minor: 500_000_000, currency: 'USD' } (5,000,000.00 USD)
 */
export function cellAmount(
  v: CellValue | undefined,
  baseCurrency: string,
): { minor: number; currency: string } | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    const p = parseAmount(String(v), 2, '.', baseCurrency);
    return p.ok ? { minor: p.minor, currency: baseCurrency } : undefined;
  }
  let t = cellText(v).replace(/\s+/g, '');
  if (t === '' || t === '-' || t === '--' || t === '暂无' || t === '未公开') return null;
  let currency = baseCurrency;
  for (const [word, code] of CURRENCY_TAILS) {
    if (t.endsWith(word)) {
      t = t.slice(0, -word.length);
      currency = code;
      break;
    }
  }
  let shift = 0;
  if (t.endsWith('亿')) shift = 8;
  else if (t.endsWith('万')) shift = 4;
  if (shift > 0) t = t.slice(0, -1);
  if (!/^-?[\d,]+(\.\d+)?$/.test(t)) return undefined;
  const p = parseAmount(t, 2 + shift, '.', currency);
  return p.ok ? { minor: p.minor, currency } : undefined;
}

/**
 * The header row of a table below a title and notes: the first of the first 15 rows that has at
 * least `min` of the `wanted` headers. Returns its index and, per wanted header, its column.
 */
export function findHeader(
  rows: readonly (readonly CellValue[])[],
  wanted: Readonly<Record<string, readonly string[]>>,
  min = 2,
): { index: number; columns: Map<string, number> } | null {
  const names = Object.entries(wanted).map(
    ([key, aliases]) => [key, new Set(aliases.map((a) => normaliseHeader(a)))] as const,
  );
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const columns = new Map<string, number>();
    const row = rows[r] ?? [];
    row.forEach((cell, c) => {
      const h = normaliseHeader(cellText(cell));
      if (h === '') return;
      for (const [key, set] of names) if (!columns.has(key) && set.has(h)) columns.set(key, c);
    });
    if (columns.size >= min) return { index: r, columns };
  }
  return null;
}

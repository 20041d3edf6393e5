import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { BacktestInvoice } from '../../core/receivables/behaviour/index.js';
import { type DomainError, fail, ok, type Result } from '../../core/shared/index.js';
import { isLocalDate, localDate } from '../../core/time/index.js';
import {
  detectHistoryLayout,
  EXPECTED_HEADERS,
  type HistoryField,
  type HistoryLayout,
} from './payment-history-layout.js';

/** A parsed payment history: settled invoices for the back-test, plus how many rows were open. */
export interface PaymentHistory {
  readonly layout: HistoryLayout['name'];
  readonly invoices: readonly BacktestInvoice[];
  /** 1-based file row (the header is row 1) of each invoice. */
  readonly rows: readonly number[];
  readonly openRows: number;
}

/** Reads and validates a payment-history CSV file. */
export async function readPaymentHistory(file: string): Promise<Result<PaymentHistory>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    return fail(code === 'ENOENT' ? 'HISTORY_FILE_NOT_FOUND' : 'HISTORY_FILE_UNREADABLE', {
      file,
      reason: String(code),
    });
  }
  return parsePaymentHistory(text, file);
}

/** Parses payment-history CSV text; `file` only names the source in errors. */
export function parsePaymentHistory(text: string, file: string): Result<PaymentHistory> {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_quotes: false }) as string[][];
  } catch (cause) {
    const row = (cause as { lines?: number }).lines;
    return fail('HISTORY_MALFORMED_CSV', {
      file,
      ...(row === undefined ? {} : { row }),
      reason: (cause as Error).message,
    });
  }
  const header = records[0];
  if (header === undefined) return fail('HISTORY_EMPTY_FILE', { file });
  const layout = detectHistoryLayout(header);
  if (layout === null) return fail('HISTORY_UNKNOWN_LAYOUT', { file, row: 1, expected: EXPECTED_HEADERS });
  const invoices: BacktestInvoice[] = [];
  const rows: number[] = [];
  let openRows = 0;
  for (let i = 1; i < records.length; i++) {
    const parsed = parseRow(records[i] ?? [], layout, file, i + 1);
    if (!parsed.ok) return parsed;
    if (parsed.value === null) openRows++;
    else {
      invoices.push(parsed.value);
      rows.push(i + 1);
    }
  }
  return ok({ layout: layout.name, invoices, rows, openRows });
}

type RowError = Result<never, DomainError>;

function parseRow(
  cells: readonly string[],
  layout: HistoryLayout,
  file: string,
  row: number,
): Result<BacktestInvoice | null> {
  const cell = (field: HistoryField): string | undefined => {
    const col = layout.columns.get(field);
    return col === undefined ? undefined : (cells[col.index] ?? '').trim();
  };
  const where = (field: HistoryField, value: string | undefined) => ({
    file,
    row,
    field: layout.columns.get(field)?.header ?? field,
    value: value ?? '',
  });
  const date = (field: HistoryField): string | RowError => {
    const raw = cell(field);
    const iso = raw === undefined ? null : toIsoDate(raw, layout.dateFormat);
    return iso ?? fail('HISTORY_BAD_DATE', { ...where(field, raw), expected: layout.dateFormat });
  };
  for (const field of ['invoiceNumber', 'customerId'] as const) {
    if (!cell(field)) return fail('HISTORY_MISSING_VALUE', where(field, cell(field)));
  }
  const issuedOn = date('issuedOn');
  if (typeof issuedOn !== 'string') return issuedOn;
  const dueOn = date('dueOn');
  if (typeof dueOn !== 'string') return dueOn;
  if (cell('settledOn') === '' && layout.name === 'project') return ok(null);
  const settledOn = date('settledOn');
  if (typeof settledOn !== 'string') return settledOn;
  if (settledOn < issuedOn) return fail('HISTORY_SETTLED_BEFORE_ISSUE', { ...where('settledOn', settledOn), issuedOn });
  const amount = Number((cell('amount') ?? '').replace(/,/g, ''));
  if (!Number.isFinite(amount) || amount <= 0 || cell('amount') === '') {
    return fail('HISTORY_BAD_AMOUNT', { ...where('amount', cell('amount')), expected: 'a positive number' });
  }
  const disputed = parseFlag(cell('disputed'));
  if (disputed === null)
    return fail('HISTORY_BAD_FLAG', { ...where('disputed', cell('disputed')), expected: 'Yes/No' });
  return ok({
    invoiceNumber: cell('invoiceNumber') ?? '',
    customerId: cell('customerId') ?? '',
    issuedOn,
    dueOn,
    settledOn,
    amount,
    isDisputed: disputed,
    channel: parseChannel(cell('channel')),
  });
}

/** 'M/D/YYYY' (IBM) or 'YYYY-MM-DD' to a validated LocalDate; null when not a real date. */
export function toIsoDate(raw: string, format: HistoryLayout['dateFormat']): string | null {
  if (format === 'YYYY-MM-DD') return isLocalDate(raw) ? raw : null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (!m) return null;
  const iso = localDate(Number(m[3]), Number(m[1]), Number(m[2]));
  return isLocalDate(iso) ? iso : null;
}

function parseFlag(raw: string | undefined): boolean | null {
  if (raw === undefined || raw === '') return false;
  const v = raw.toLowerCase();
  if (['yes', 'y', 'true', '1', '是'].includes(v)) return true;
  if (['no', 'n', 'false', '0', '否'].includes(v)) return false;
  return null;
}

function parseChannel(raw: string | undefined): BacktestInvoice['channel'] {
  const v = (raw ?? '').toLowerCase();
  if (v === 'paper' || v === '纸质') return 'paper';
  if (v === 'electronic' || v === '电子') return 'electronic';
  return null;
}

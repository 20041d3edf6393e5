import { epochDayUnchecked, type LocalDate } from '../time/index.js';
import type { LedgerInvoice, ReceivablesLedger } from './ledger.js';
import { ledgerInvoice } from './ledger-columnar.js';
import { LEDGER_INSTALMENTS, LEDGER_VOID, ledgerColumns, settledThrough } from './ledger-columns.js';

/**
 * One open line as of a date: an invoice, or one instalment of an invoice payable in parts.
 * `openMinor` may be negative when an invoice was over-settled (a credit balance).
 */
export interface OpenItem {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly number: string;
  readonly currency: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  /** 1-based instalment number, or null for an invoice with a single due date. */
  readonly instalment: number | null;
  readonly openMinor: number;
  readonly isDisputed: boolean;
}

/**
 * Called once per open line with a non-zero open amount; `part` is the 0-based instalment or -1,
 * `row` the invoice's index in the ledger (and in `ledgerColumns(ledger)`).
 */
export type OpenLineVisitor = (
  invoice: LedgerInvoice,
  dueOn: LocalDate,
  openMinor: number,
  part: number,
  row: number,
) => void;

/**
 * Spreads what was settled over an instalment schedule, earliest instalment first, and returns
 * the open amount of each instalment. The last instalment takes whatever the schedule leaves
 * (an over-payment, or a schedule that does not add up to the invoice), so the parts always
 * sum to `invoiceAmount − settled`.
 *
 * @example
 * splitOverInstalments([500, 500], 1000, 600) // [0, 400]
 */
export function splitOverInstalments(instalments: readonly number[], invoiceAmount: number, settled: number): number[] {
  const last = instalments.length - 1;
  const open = new Array<number>(instalments.length);
  let left = settled;
  let scheduled = 0;
  for (let i = 0; i < last; i++) {
    const amount = instalments[i] as number;
    const applied = Math.min(Math.max(left, 0), Math.max(amount, 0));
    open[i] = amount - applied;
    left -= applied;
    scheduled += amount;
  }
  open[last] = invoiceAmount - scheduled - left;
  return open;
}

/**
 * Called once per open line with a non-zero open amount, by row: `row` is the invoice's index in
 * the ledger's columns, `dueDay` the line's due date as an epoch day, `part` the 0-based
 * instalment or -1.
 */
export type OpenRowVisitor = (row: number, dueDay: number, openMinor: number, part: number) => void;

/**
 * Visits every open line as of `asOf` in ledger order, reading the ledger's columns
 * (`ledgerColumns`, built once per ledger) and making no invoice object, except for an invoice
 * payable in parts (its schedule). Void invoices and invoices issued after `asOf` are skipped;
 * settlements after `asOf` are ignored.
 *
 * @example
 * forEachOpenRow(ledger, '2026-03-31', (row, dueDay, open) => { total += open; });
 */
export function forEachOpenRow(ledger: ReceivablesLedger, asOf: LocalDate, visit: OpenRowVisitor): void {
  const cols = ledgerColumns(ledger);
  const asOfDay = epochDayUnchecked(asOf);
  for (let i = 0; i < cols.length; i++) {
    const flags = cols.flags[i] as number;
    if (flags & LEDGER_VOID || (cols.issued[i] as number) > asOfDay) continue;
    const paid = settledThrough(cols, i, asOfDay);
    if ((flags & LEDGER_INSTALMENTS) === 0) {
      const open = (cols.amount[i] as number) - paid;
      if (open !== 0) visit(i, cols.due[i] as number, open, -1);
      continue;
    }
    const { instalments } = ledgerInvoice(ledger, i);
    const amounts = instalments.map((part) => part.amountMinor);
    const open = splitOverInstalments(amounts, cols.amount[i] as number, paid);
    for (let p = 0; p < open.length; p++) {
      const amount = open[p] as number;
      if (amount !== 0) visit(i, epochDayUnchecked((instalments[p] as { dueOn: LocalDate }).dueOn), amount, p);
    }
  }
}

/**
 * Visits every open line as of `asOf` in ledger order with its invoice (`forEachOpenRow`, which
 * see); only open lines' invoices are made into objects for a ledger held in columns.
 */
export function forEachOpenLine(ledger: ReceivablesLedger, asOf: LocalDate, visit: OpenLineVisitor): void {
  forEachOpenRow(ledger, asOf, (row, _dueDay, open, part) => {
    const invoice = ledgerInvoice(ledger, row);
    const dueOn = part < 0 ? invoice.dueOn : (invoice.instalments[part] as { dueOn: LocalDate }).dueOn;
    visit(invoice, dueOn, open, part, row);
  });
}

/**
 * The open items of a ledger as of a date: amount minus settlements dated on or before `asOf`,
 * one line per instalment for invoices payable in parts. Lines that are fully settled are left out.
 *
 * @example
 * computeOpenItems(ledger, '2026-03-31').map((i) => i.openMinor)
 */
export function computeOpenItems(ledger: ReceivablesLedger, asOf: LocalDate): OpenItem[] {
  const items: OpenItem[] = [];
  forEachOpenLine(ledger, asOf, (invoice, dueOn, openMinor, part) => {
    items.push({
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      number: invoice.number,
      currency: invoice.currency,
      issuedOn: invoice.issuedOn,
      dueOn,
      instalment: part < 0 ? null : part + 1,
      openMinor,
      isDisputed: invoice.isDisputed,
    });
  });
  return items;
}

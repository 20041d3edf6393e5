import type { FxTable } from '../money/index.js';
import { fromEpochDay, type LocalDate } from '../time/index.js';
import { OPEN, type PaymentColumns, type PaymentRecord } from './behaviour/index.js';
import type { ReceivablesLedger } from './ledger.js';
import { ledgerInvoice } from './ledger-columnar.js';
import { LEDGER_VOID, type LedgerColumns, ledgerColumns, settledOnDay } from './ledger-columns.js';

/**
 * Turns the ledger into the behaviour model's records: an invoice counts as settled on the
 * date of the settlement that completed it (the latest settlement once they cover its amount;
 * partial payments leave it open); void invoices are left out. Amounts are weights: converted
 * to the base currency at the issue-date rate when `fx` is given (an invoice with no rate keeps
 * its own amount), so a USD invoice weighs as much as the same value in CNY. One pass over
 * settlements and one over invoices (typed arrays), for books of a million invoices.
 *
 * @example
 * ledgerToPaymentRecords({ invoices: [inv100], settlements: [{ invoiceId, on: '2026-02-03', amountMinor: 100, kind: 'receipt' }] })
 * // [{ customerId, issuedOn, dueOn, settledOn: '2026-02-03', amount: 100, isDisputed: false, channel: null }]
 */
export function ledgerToPaymentRecords(
  ledger: ReceivablesLedger,
  fx?: { table: FxTable; base: string },
): PaymentRecord[] {
  const lc = ledgerColumns(ledger);
  const records: PaymentRecord[] = [];
  ledger.invoices.forEach((inv, i) => {
    if (inv.status === 'void' || inv.amountMinor <= 0) return;
    const rate = fx && inv.currency !== fx.base ? fx.table.rate(inv.currency, fx.base, inv.issuedOn, fx.base) : 1;
    records.push({
      customerId: inv.customerId,
      issuedOn: inv.issuedOn,
      dueOn: inv.dueOn,
      settledOn: settledOn(lc, i),
      amount: inv.amountMinor * (rate ?? 1),
      isDisputed: inv.isDisputed,
      channel: inv.channel,
    });
  });
  return records;
}

/**
 * The same as `toPaymentColumns(ledgerToPaymentRecords(ledger, fx))`, built from the ledger's
 * columns (`ledgerColumns`, shared with aging) without a record object per invoice: the path for
 * whole books (a million invoices). When no invoice is left out, the customer, date, month and
 * flag columns are the ledger's own arrays, not copies (its flags carry the disputed and paper bits where the
 * behaviour model reads them); amounts too when none needs converting. Only `settled` is new.
 *
 * @example
 * buildPaymentBehaviour(ledgerToPaymentColumns(ledger), asOf)
 */
export function ledgerToPaymentColumns(
  ledger: ReceivablesLedger,
  fx?: { table: FxTable; base: string },
): PaymentColumns {
  const lc = ledgerColumns(ledger);
  const keep = keptRows(lc);
  const n = keep === null ? lc.length : keep.length;
  const settled = new Int32Array(n);
  for (let j = 0; j < n; j++) settled[j] = settledOnDay(lc, keep === null ? j : (keep[j] as number), OPEN);
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => (keep === null ? a : pickRows(a, keep));
  return {
    length: n,
    customerIds: lc.customerIds,
    customerIndex: lc.customerIndex,
    customer: pick(lc.customer),
    issued: pick(lc.issued),
    due: pick(lc.due),
    settled,
    amount: pick(convertedAmounts(ledger, lc, fx)),
    month: pick(lc.month),
    flags: pick(lc.flags),
  };
}

/** Rows the behaviour model reads (not void, positive amount), or null when that is every row. */
function keptRows(lc: LedgerColumns): Int32Array | null {
  let n = 0;
  for (let i = 0; i < lc.length; i++) if (isKept(lc, i)) n++;
  if (n === lc.length) return null;
  const keep = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < lc.length; i++) if (isKept(lc, i)) keep[j++] = i;
  return keep;
}

function isKept(lc: LedgerColumns, i: number): boolean {
  return ((lc.flags[i] as number) & LEDGER_VOID) === 0 && (lc.amount[i] as number) > 0;
}

function settledOn(lc: LedgerColumns, i: number): LocalDate | null {
  const day = settledOnDay(lc, i, OPEN);
  return day === OPEN ? null : fromEpochDay(day);
}

/** Amounts in the base currency at the issue-date rate (an invoice with no rate keeps its own). */
function convertedAmounts(
  ledger: ReceivablesLedger,
  lc: LedgerColumns,
  fx: { table: FxTable; base: string } | undefined,
): Int32Array | Float64Array {
  if (!fx || lc.currencies.every((c) => c === fx.base)) return lc.amount;
  const out = Float64Array.from(lc.amount);
  const base = lc.currencies.indexOf(fx.base);
  for (let i = 0; i < lc.length; i++) {
    if (lc.currency[i] === base) continue;
    const inv = ledgerInvoice(ledger, i);
    out[i] = (out[i] as number) * (fx.table.rate(inv.currency, fx.base, inv.issuedOn, fx.base) ?? 1);
  }
  return out;
}

function pickRows<T extends Int32Array | Float64Array | Uint8Array>(a: T, keep: Int32Array): T {
  const out = new (a.constructor as new (n: number) => T)(keep.length);
  for (let j = 0; j < keep.length; j++) out[j] = a[keep[j] as number] as number;
  return out;
}

import type { FxTable } from '../money/index.js';
import { epochDayUnchecked, type LocalDate } from '../time/index.js';
import {
  emptyPaymentColumns,
  FLAG_DISPUTED,
  OPEN,
  type PaymentColumns,
  type PaymentRecord,
} from './behaviour/index.js';
import type { ReceivablesLedger } from './ledger.js';
import { indexSettlements } from './settlement-index.js';

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
  const index = indexSettlements(ledger);
  const paid = new Float64Array(ledger.invoices.length);
  const lastOn: (LocalDate | undefined)[] = new Array(ledger.invoices.length);
  for (let k = 0; k < ledger.settlements.length; k++) {
    const s = ledger.settlements[k] as { on: LocalDate; amountMinor: number };
    const i = index[k] as number;
    if (i < 0) continue;
    paid[i] = (paid[i] ?? 0) + s.amountMinor;
    const prev = lastOn[i];
    if (prev === undefined || s.on > prev) lastOn[i] = s.on;
  }
  const records: PaymentRecord[] = [];
  ledger.invoices.forEach((inv, i) => {
    if (inv.status === 'void' || inv.amountMinor <= 0) return;
    const rate = fx && inv.currency !== fx.base ? fx.table.rate(inv.currency, fx.base, inv.issuedOn, fx.base) : 1;
    records.push({
      customerId: inv.customerId,
      issuedOn: inv.issuedOn,
      dueOn: inv.dueOn,
      settledOn: (paid[i] ?? 0) >= inv.amountMinor ? (lastOn[i] ?? null) : null,
      amount: inv.amountMinor * (rate ?? 1),
      isDisputed: inv.isDisputed,
      channel: null,
    });
  });
  return records;
}

/**
 * The same as `toPaymentColumns(ledgerToPaymentRecords(ledger, fx))`, built straight into typed
 * arrays without a record object per invoice: the path for whole books (a million invoices).
 *
 * @example
 * buildPaymentBehaviour(ledgerToPaymentColumns(ledger), asOf)
 */
export function ledgerToPaymentColumns(
  ledger: ReceivablesLedger,
  fx?: { table: FxTable; base: string },
): PaymentColumns {
  const { invoices, settlements } = ledger;
  const index = indexSettlements(ledger);
  const paid = new Float64Array(invoices.length);
  const last = new Int32Array(invoices.length).fill(-2147483648);
  for (let k = 0; k < settlements.length; k++) {
    const i = index[k] as number;
    if (i < 0) continue;
    const s = settlements[k] as { on: LocalDate; amountMinor: number };
    paid[i] = (paid[i] as number) + s.amountMinor;
    const day = epochDayUnchecked(s.on);
    if (day > (last[i] as number)) last[i] = day;
  }
  let n = 0;
  for (const inv of invoices) if (inv.status !== 'void' && inv.amountMinor > 0) n++;
  const { cols, customerIds, customerIndex, slotOf } = emptyPaymentColumns(n);
  let j = 0;
  invoices.forEach((inv, i) => {
    if (inv.status === 'void' || inv.amountMinor <= 0) return;
    const rate = fx && inv.currency !== fx.base ? fx.table.rate(inv.currency, fx.base, inv.issuedOn, fx.base) : 1;
    const amount = inv.amountMinor * (rate ?? 1);
    cols.customer[j] = slotOf(inv.customerId);
    cols.issued[j] = epochDayUnchecked(inv.issuedOn);
    cols.due[j] = epochDayUnchecked(inv.dueOn);
    cols.settled[j] = (paid[i] as number) >= inv.amountMinor ? (last[i] as number) : OPEN;
    cols.amount[j] = amount;
    cols.logAmount[j] = Math.log(Math.max(amount, 1e-9));
    cols.month[j] = (inv.issuedOn.charCodeAt(5) - 48) * 10 + (inv.issuedOn.charCodeAt(6) - 48);
    cols.flags[j] = inv.isDisputed ? FLAG_DISPUTED : 0;
    j++;
  });
  return { length: n, customerIds, customerIndex, ...cols };
}

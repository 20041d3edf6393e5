import type { FxTable } from '../money/index.js';
import type { LocalDate } from '../time/index.js';
import type { PaymentRecord } from './behaviour/index.js';
import type { ReceivablesLedger } from './ledger.js';

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
  const index = new Map<string, number>();
  ledger.invoices.forEach((inv, i) => {
    index.set(inv.id, i);
  });
  const paid = new Float64Array(ledger.invoices.length);
  const lastOn: (LocalDate | undefined)[] = new Array(ledger.invoices.length);
  for (const s of ledger.settlements) {
    const i = index.get(s.invoiceId);
    if (i === undefined) continue;
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

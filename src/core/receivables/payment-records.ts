import type { FxTable } from '../money/index.js';
import type { LocalDate } from '../time/index.js';
import type { PaymentRecord } from './behaviour/index.js';
import type { ReceivablesLedger } from './ledger.js';

/**
 * Turns the ledger into the behaviour model's records: an invoice is settled on the date its
 * cumulative settlements first cover its amount (partial payments leave it open), void invoices
 * are left out. Amounts are weights: converted to the base currency at the issue-date rate when
 * `fx` is given (an invoice with no rate keeps its own amount), so a USD invoice weighs as much
 * as the same value in CNY.
 *
 * @example
 * ledgerToPaymentRecords({ invoices: [inv100], settlements: [{ invoiceId, on: '2026-02-03', amountMinor: 100, kind: 'receipt' }] })
 * // [{ customerId, issuedOn, dueOn, settledOn: '2026-02-03', amount: 100, isDisputed: false, channel: null }]
 */
export function ledgerToPaymentRecords(
  ledger: ReceivablesLedger,
  fx?: { table: FxTable; base: string },
): PaymentRecord[] {
  const byInvoice = new Map<string, { on: LocalDate; amountMinor: number }[]>();
  for (const s of ledger.settlements) {
    const list = byInvoice.get(s.invoiceId);
    if (list) list.push(s);
    else byInvoice.set(s.invoiceId, [s]);
  }
  const records: PaymentRecord[] = [];
  for (const inv of ledger.invoices) {
    if (inv.status === 'void' || inv.amountMinor <= 0) continue;
    const list = byInvoice.get(inv.id) ?? [];
    list.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    let paid = 0;
    let settledOn: LocalDate | null = null;
    for (const s of list) {
      paid += s.amountMinor;
      if (paid >= inv.amountMinor) {
        settledOn = s.on;
        break;
      }
    }
    const rate = fx ? fx.table.rate(inv.currency, fx.base, inv.issuedOn, fx.base) : 1;
    records.push({
      customerId: inv.customerId,
      issuedOn: inv.issuedOn,
      dueOn: inv.dueOn,
      settledOn,
      amount: inv.amountMinor * (rate ?? 1),
      isDisputed: inv.isDisputed,
      channel: null,
    });
  }
  return records;
}

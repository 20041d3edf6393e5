import type { PayablesLedger } from '../receivables/index.js';
import type { LocalDate } from '../time/index.js';

export interface OpenBill {
  readonly billId: string;
  readonly number: string;
  readonly supplierId: string;
  readonly currency: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly openMinor: number;
}

/**
 * Bills still (partly) unpaid on `asOf`: amount minus payments dated on or before it. Void bills
 * and bills issued after `asOf` are left out.
 *
 * @example
 * computeOpenBills({ bills: [bill100], payments: [{ billId, on: '2026-01-05', amountMinor: 40 }] }, '2026-01-31')
 * // [{ ..., openMinor: 60 }]
 */
export function computeOpenBills(ledger: PayablesLedger, asOf: LocalDate): OpenBill[] {
  const paid = new Map<string, number>();
  for (const p of ledger.payments) {
    if (p.on <= asOf) paid.set(p.billId, (paid.get(p.billId) ?? 0) + p.amountMinor);
  }
  const open: OpenBill[] = [];
  for (const b of ledger.bills) {
    if (b.status === 'void' || b.issuedOn > asOf) continue;
    const openMinor = b.amountMinor - (paid.get(b.id) ?? 0);
    if (openMinor > 0)
      open.push({
        billId: b.id,
        number: b.number,
        supplierId: b.supplierId,
        currency: b.currency,
        issuedOn: b.issuedOn,
        dueOn: b.dueOn,
        openMinor,
      });
  }
  return open;
}

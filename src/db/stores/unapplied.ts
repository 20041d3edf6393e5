import type { Db } from '../connection.js';

/** Receipts not (fully) applied to invoices, per customer and currency (minor units). */
export interface UnappliedReceipts {
  /** Null for receipts whose payer is not known yet. */
  readonly customerId: string | null;
  readonly currency: string;
  readonly amountMinor: number;
}

/**
 * What customers paid by `asOf` that is not yet applied to an invoice: per customer and currency,
 * received amounts less the allocations of those receipts. Two grouped queries, whatever the size
 * of the book. Over-applied receipts (allocations above the amount) count 0, not negative.
 *
 * @example
 * await loadUnappliedReceipts(db, { orgId: 'demo', asOf: '2026-12-08' }) // [{ customerId: 'c-1', currency: 'CNY', amountMinor: 5000000 }]
 */
export async function loadUnappliedReceipts(
  db: Db,
  params: { orgId: string; asOf: string },
): Promise<UnappliedReceipts[]> {
  const [received, applied] = await Promise.all([
    db.kysely
      .selectFrom('receipts')
      .select(['customer_id', 'currency', (eb) => eb.fn.sum<number>('amount_minor').as('total')])
      .where('org_id', '=', params.orgId)
      .where('received_on', '<=', params.asOf)
      .groupBy(['customer_id', 'currency'])
      .execute(),
    db.kysely
      .selectFrom('receipt_allocations as a')
      .innerJoin('receipts as r', (j) => j.onRef('r.id', '=', 'a.receipt_id').onRef('r.org_id', '=', 'a.org_id'))
      .select(['r.customer_id', 'r.currency', (eb) => eb.fn.sum<number>('a.amount_minor').as('total')])
      .where('a.org_id', '=', params.orgId)
      .where('r.received_on', '<=', params.asOf)
      .groupBy(['r.customer_id', 'r.currency'])
      .execute(),
  ]);
  const key = (customer: string | null, currency: string) => `${customer ?? ''}\u0000${currency}`;
  const used = new Map(applied.map((a) => [key(a.customer_id, a.currency), Number(a.total ?? 0)]));
  const out: UnappliedReceipts[] = [];
  for (const r of received) {
    const left = Number(r.total ?? 0) - (used.get(key(r.customer_id, r.currency)) ?? 0);
    if (left > 0) out.push({ customerId: r.customer_id, currency: r.currency, amountMinor: left });
  }
  return out;
}

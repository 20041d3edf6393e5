import type { AcceptanceBill, SalesOrder } from '../../core/model/index.js';
import type { Db } from '../connection.js';

const BILL_STATUSES: readonly AcceptanceBill['status'][] = ['held', 'endorsed', 'discounted', 'settled', 'dishonoured'];

type BillRow = {
  id: string;
  number: string;
  kind: string;
  direction: string;
  currency: string;
  face_minor: number;
  issued_on: string;
  matures_on: string;
  acceptor_name: string;
  acceptor_customer_id: string | null;
  drawer_name: string;
  customer_id: string | null;
  status: string;
  discounted_on: string | null;
  discount_rate: number | null;
  planned_discount_on: string | null;
  is_with_recourse: number;
};

/** One acceptance-bill row as the domain reads it (an unknown status reads as 'held'). */
export function toAcceptanceBill(r: BillRow): AcceptanceBill {
  const status = BILL_STATUSES.find((s) => s === r.status) ?? 'held';
  return {
    id: r.id,
    number: r.number,
    kind: r.kind === 'commercial' ? 'commercial' : 'bank',
    direction: r.direction === 'payable' ? 'payable' : 'receivable',
    currency: r.currency,
    faceMinor: Number(r.face_minor),
    issuedOn: r.issued_on,
    maturesOn: r.matures_on,
    acceptorName: r.acceptor_name,
    acceptorCustomerId: r.acceptor_customer_id,
    drawerName: r.drawer_name,
    customerId: r.customer_id,
    endorsements: [],
    status,
    discountedOn: r.discounted_on,
    discountRate: r.discount_rate,
    plannedDiscountOn: r.planned_discount_on,
    isWithRecourse: Number(r.is_with_recourse) === 1,
  };
}

/** The organisation's acceptance bills, every status or only `status`. */
export async function loadAcceptanceBills(
  db: Db,
  params: { orgId: string; status?: AcceptanceBill['status'] },
): Promise<AcceptanceBill[]> {
  let q = db.kysely.selectFrom('acceptance_bills').selectAll().where('org_id', '=', params.orgId);
  if (params.status !== undefined) q = q.where('status', '=', params.status);
  return (await q.orderBy('matures_on').orderBy('id').execute()).map(toAcceptanceBill);
}

/** Sales orders not yet invoiced (open or shipped): part of each customer's exposure. */
export async function loadOpenSalesOrders(db: Db, params: { orgId: string }): Promise<SalesOrder[]> {
  const rows = await db.kysely
    .selectFrom('sales_orders')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('status', 'in', ['open', 'shipped'])
    .orderBy('id')
    .execute();
  return rows.map((o) => ({
    id: o.id,
    customerId: o.customer_id,
    number: o.number,
    orderedOn: o.ordered_on,
    currency: o.currency,
    amountMinor: Number(o.amount_minor),
    status: o.status === 'shipped' ? 'shipped' : 'open',
  }));
}

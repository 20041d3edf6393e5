import type { AcceptanceBill, RecurringCategory, RecurringItem } from '../../core/model/index.js';
import type { Db } from '../connection.js';

/**
 * Loaders for the cash forecast: one query per table, whatever the number of customers, so the
 * forecast never issues a query per invoice or per customer. Invoices and their settlements come
 * from `loadReceivablesLedger`, as for every receivables report.
 */
export async function loadForecastDocuments(db: Db, params: { orgId: string; asOf: string }) {
  const { orgId, asOf } = params;
  const [customers, bills, billPayments, suppliers] = await Promise.all([
    db.kysely
      .selectFrom('customers')
      .select(['id', 'name', 'default_terms_days'])
      .where('org_id', '=', orgId)
      .execute(),
    db.kysely
      .selectFrom('bills')
      .select(['id', 'supplier_id', 'number', 'issued_on', 'due_on', 'currency', 'amount_minor', 'status'])
      .where('org_id', '=', orgId)
      .where('issued_on', '<=', asOf)
      .where('status', '!=', 'void')
      .execute(),
    db.kysely
      .selectFrom('payment_allocations as a')
      .innerJoin('payments as p', (j) => j.onRef('p.id', '=', 'a.payment_id'))
      .select(['a.bill_id', 'p.paid_on as on', 'a.amount_minor'])
      .where('a.org_id', '=', orgId)
      .where('p.paid_on', '<=', asOf)
      .execute(),
    db.kysely.selectFrom('suppliers').select(['id', 'name']).where('org_id', '=', orgId).execute(),
  ]);
  return { customers, bills, billPayments, suppliers };
}

export async function loadForecastTreasury(db: Db, params: { orgId: string; asOf: string }) {
  const { orgId, asOf } = params;
  const [acceptance, recurring, fx, scores, payments90] = await Promise.all([
    db.kysely
      .selectFrom('acceptance_bills')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('status', '=', 'held')
      .execute(),
    db.kysely.selectFrom('recurring_items').selectAll().where('org_id', '=', orgId).execute(),
    db.kysely
      .selectFrom('fx_rates')
      .select(['rate_on', 'base', 'quote', 'rate'])
      .where('org_id', '=', orgId)
      .where('rate_on', '<=', asOf)
      .execute(),
    db.kysely
      .selectFrom('credit_scores')
      .select(['customer_id', 'as_of', 'pd'])
      .where('org_id', '=', orgId)
      .where('as_of', '<=', asOf)
      .orderBy('as_of')
      .execute(),
    db.kysely
      .selectFrom('payments')
      .select(['currency', (eb) => eb.fn.sum<number>('amount_minor').as('total')])
      .where('org_id', '=', orgId)
      .where('paid_on', '>', shiftDate(asOf, -90))
      .where('paid_on', '<=', asOf)
      .groupBy('currency')
      .execute(),
  ]);
  const pd = new Map<string, number>();
  for (const s of scores) pd.set(s.customer_id, s.pd);
  return {
    acceptanceBills: acceptance.map(toAcceptanceBill),
    recurringItems: recurring.map(
      (r): RecurringItem => ({
        id: r.id,
        name: r.name,
        category: r.category as RecurringCategory,
        direction: r.direction === 'inflow' ? 'inflow' : 'outflow',
        currency: r.currency,
        amountMinor: r.amount_minor,
        rule: r.rule,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
      }),
    ),
    fxRates: fx.map((r) => ({ on: r.rate_on, base: r.base, quote: r.quote, rate: r.rate })),
    acceptorPd: pd,
    trailingPayments: payments90.map((p) => ({ currency: p.currency, amountMinor: Number(p.total ?? 0) })),
  };
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function toAcceptanceBill(r: {
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
}): AcceptanceBill {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind === 'commercial' ? 'commercial' : 'bank',
    direction: r.direction === 'payable' ? 'payable' : 'receivable',
    currency: r.currency,
    faceMinor: r.face_minor,
    issuedOn: r.issued_on,
    maturesOn: r.matures_on,
    acceptorName: r.acceptor_name,
    acceptorCustomerId: r.acceptor_customer_id,
    drawerName: r.drawer_name,
    customerId: r.customer_id,
    endorsements: [],
    status: 'held',
    discountedOn: r.discounted_on,
    discountRate: r.discount_rate,
    plannedDiscountOn: r.planned_discount_on,
    isWithRecourse: Boolean(r.is_with_recourse),
  };
}

/** Actual receipts and payments per day in [from, to], by currency (for forecast accuracy). */
export async function loadActualCashByDay(db: Db, params: { orgId: string; from: string; to: string }) {
  const [receipts, payments] = await Promise.all([
    db.kysely
      .selectFrom('receipts')
      .select(['received_on as on', 'currency', (eb) => eb.fn.sum<number>('amount_minor').as('total')])
      .where('org_id', '=', params.orgId)
      .where('received_on', '>=', params.from)
      .where('received_on', '<=', params.to)
      .groupBy(['received_on', 'currency'])
      .execute(),
    db.kysely
      .selectFrom('payments')
      .select(['paid_on as on', 'currency', (eb) => eb.fn.sum<number>('amount_minor').as('total')])
      .where('org_id', '=', params.orgId)
      .where('paid_on', '>=', params.from)
      .where('paid_on', '<=', params.to)
      .groupBy(['paid_on', 'currency'])
      .execute(),
  ]);
  const norm = (rows: { on: string; currency: string; total: number | null }[]) =>
    rows.map((r) => ({ on: r.on, currency: r.currency, amountMinor: Number(r.total ?? 0) }));
  return { receipts: norm(receipts), payments: norm(payments) };
}

/** Stores a frozen forecast once per (organisation, scenario, granularity, week): a second freeze keeps the first. */
export async function insertSnapshotOnce(
  db: Db,
  params: {
    orgId: string;
    id: string;
    scenario: string;
    granularity: string;
    asOf: string;
    createdAt: string;
    payload: string;
  },
): Promise<boolean> {
  const result = await db.kysely
    .insertInto('forecast_snapshots')
    .values({
      org_id: params.orgId,
      id: params.id,
      scenario: params.scenario,
      granularity: params.granularity,
      as_of: params.asOf,
      created_at: params.createdAt,
      payload: params.payload,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function loadSnapshots(db: Db, params: { orgId: string; scenario: string; granularity: string }) {
  return db.kysely
    .selectFrom('forecast_snapshots')
    .select(['id', 'as_of', 'created_at', 'payload'])
    .where('org_id', '=', params.orgId)
    .where('scenario', '=', params.scenario)
    .where('granularity', '=', params.granularity)
    .orderBy('as_of')
    .execute();
}

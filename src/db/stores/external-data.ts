import type { Db } from '../connection.js';
import type { ExternalRegistrationsTable } from '../schema.js';

/**
 * External buyer data (docs/adr/0029): legal events and ratings (tables of migration 0001) and the
 * registration facts of migration 0017. Every function takes `orgId` and filters by it.
 */

export interface CustomerKey {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly registrationNo: string | null;
}

export async function listCustomerKeys(db: Db, orgId: string): Promise<CustomerKey[]> {
  const rows = await db.kysely
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'registration_no'])
    .where('org_id', '=', orgId)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, registrationNo: r.registration_no }));
}

export interface StoredLegalEvent {
  readonly id: string;
  readonly customerId: string;
  readonly type: string;
  readonly occurredOn: string;
  readonly reference: string;
  readonly amountMinor: number | null;
  readonly currency: string | null;
  readonly source: string | null;
  readonly description: string | null;
  readonly resolvedOn: string | null;
}

export async function listLegalEvents(db: Db, orgId: string, customerId: string): Promise<StoredLegalEvent[]> {
  const rows = await db.kysely
    .selectFrom('legal_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .orderBy('occurred_on', 'desc')
    .orderBy('type')
    .orderBy('reference')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    type: r.type,
    occurredOn: r.occurred_on,
    reference: r.reference,
    amountMinor: r.amount_minor === null ? null : Number(r.amount_minor),
    currency: r.currency,
    source: r.source,
    description: r.description,
    resolvedOn: r.resolved_on,
  }));
}

export async function insertLegalEvent(db: Db, orgId: string, e: StoredLegalEvent): Promise<void> {
  await db.kysely
    .insertInto('legal_events')
    .values({
      org_id: orgId,
      id: e.id,
      customer_id: e.customerId,
      type: e.type,
      occurred_on: e.occurredOn,
      reference: e.reference,
      amount_minor: e.amountMinor,
      currency: e.currency,
      source: e.source,
      description: e.description,
      resolved_on: e.resolvedOn,
    })
    .execute();
}

/** Updates what a later export may change of a known event: amount, source, description, resolution. */
export async function updateLegalEvent(db: Db, orgId: string, e: StoredLegalEvent): Promise<void> {
  await db.kysely
    .updateTable('legal_events')
    .set({
      amount_minor: e.amountMinor,
      currency: e.currency,
      source: e.source,
      description: e.description,
      resolved_on: e.resolvedOn,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', e.id)
    .execute();
}

export interface StoredRating {
  readonly customerId: string;
  readonly agency: string;
  readonly ratedOn: string;
  readonly value: string;
}

export async function listRatings(db: Db, orgId: string, customerId?: string): Promise<StoredRating[]> {
  let q = db.kysely.selectFrom('external_ratings').selectAll().where('org_id', '=', orgId);
  if (customerId !== undefined) q = q.where('customer_id', '=', customerId);
  const rows = await q.orderBy('rated_on', 'desc').orderBy('agency').execute();
  return rows.map((r) => ({ customerId: r.customer_id, agency: r.agency, ratedOn: r.rated_on, value: r.value }));
}

/** Inserts or replaces the rating of a customer by an agency on a day (the table's key). */
export async function saveRating(db: Db, orgId: string, r: StoredRating): Promise<void> {
  await db.kysely
    .insertInto('external_ratings')
    .values({ org_id: orgId, customer_id: r.customerId, agency: r.agency, rated_on: r.ratedOn, value: r.value })
    .onConflict((oc) => oc.columns(['org_id', 'customer_id', 'agency', 'rated_on']).doUpdateSet({ value: r.value }))
    .execute();
}

export type StoredRegistration = Omit<ExternalRegistrationsTable, 'org_id'>;

export async function listRegistrations(db: Db, orgId: string, customerId: string): Promise<StoredRegistration[]> {
  const rows = await db.kysely
    .selectFrom('external_registrations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .orderBy('reported_on', 'desc')
    .orderBy('source')
    .execute();
  return rows.map(({ org_id: _, ...r }) => ({
    ...r,
    capital_minor: r.capital_minor === null ? null : Number(r.capital_minor),
    shareholders: r.shareholders === null ? null : Number(r.shareholders),
  }));
}

/** Inserts or replaces a customer's registration facts from one source on one report date. */
export async function saveRegistration(db: Db, orgId: string, r: StoredRegistration): Promise<void> {
  const { customer_id: _c, source: _s, reported_on: _d, ...facts } = r;
  await db.kysely
    .insertInto('external_registrations')
    .values({ org_id: orgId, ...r })
    .onConflict((oc) => oc.columns(['org_id', 'customer_id', 'source', 'reported_on']).doUpdateSet(facts))
    .execute();
}

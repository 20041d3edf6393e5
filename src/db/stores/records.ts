import type { Kysely } from 'kysely';
import type { TableName } from '../bulk.js';
import type { Db } from '../connection.js';

/**
 * A table-driven store for the business tables: one set of list/get/insert/update/delete
 * functions serves customers, invoices, FX rates and the rest. Every query filters by
 * `org_id`; column names come from the caller's table spec (never from a request) and values
 * are always bound parameters.
 */
export interface ChildSpec {
  readonly table: TableName;
  /** The column pointing at the parent's `id`. */
  readonly parentColumn: string;
}

export interface TableSpec {
  readonly table: TableName;
  /** Primary-key columns (besides org_id): ['id'] or a natural key like ['rate_on', 'base', 'quote']. */
  readonly key: readonly string[];
  readonly child?: ChildSpec;
}

export type DbRow = Record<string, unknown>;
export type Key = Readonly<Record<string, string>>;

export interface ListQuery {
  readonly orgId: string;
  /** Equality filters, column -> value. */
  readonly equals: Readonly<Record<string, string>>;
  readonly range?: { readonly column: string; readonly from?: string; readonly to?: string };
  readonly sort: { readonly column: string; readonly descending: boolean };
  readonly limit: number;
  readonly offset: number;
}

type Loose = Record<string, DbRow>;
const k = (db: Db) => db.kysely as unknown as Kysely<Loose>;

/** One page of rows; sorted by the chosen column, then by the key so pages never overlap. */
export async function listRows(db: Db, spec: TableSpec, q: ListQuery): Promise<DbRow[]> {
  let query = k(db).selectFrom(spec.table).selectAll().where('org_id', '=', q.orgId);
  for (const [column, value] of Object.entries(q.equals)) query = query.where(column, '=', value);
  if (q.range?.from !== undefined) query = query.where(q.range.column, '>=', q.range.from);
  if (q.range?.to !== undefined) query = query.where(q.range.column, '<=', q.range.to);
  const direction = q.sort.descending ? 'desc' : 'asc';
  query = query.orderBy(q.sort.column, direction);
  for (const column of spec.key) if (column !== q.sort.column) query = query.orderBy(column, direction);
  return query.limit(q.limit).offset(q.offset).execute();
}

export async function getRow(db: Db, spec: TableSpec, params: { orgId: string; key: Key }): Promise<DbRow | undefined> {
  let query = k(db).selectFrom(spec.table).selectAll().where('org_id', '=', params.orgId);
  for (const column of spec.key) query = query.where(column, '=', keyValue(params.key, column));
  return query.executeTakeFirst();
}

export async function insertRow(db: Db, spec: TableSpec, params: { orgId: string; values: DbRow }): Promise<void> {
  await k(db)
    .insertInto(spec.table)
    .values({ ...params.values, org_id: params.orgId })
    .execute();
}

/** Updates one row of the organisation; false when no such row exists there. */
export async function updateRow(db: Db, spec: TableSpec, params: { orgId: string; key: Key; values: DbRow }) {
  if (Object.keys(params.values).length === 0) return (await getRow(db, spec, params)) !== undefined;
  let query = k(db).updateTable(spec.table).set(params.values).where('org_id', '=', params.orgId);
  for (const column of spec.key) query = query.where(column, '=', keyValue(params.key, column));
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes one row (and its child rows) of the organisation; false when there is none. */
export async function deleteRow(db: Db, spec: TableSpec, params: { orgId: string; key: Key }): Promise<boolean> {
  if (spec.child) {
    await k(db)
      .deleteFrom(spec.child.table)
      .where('org_id', '=', params.orgId)
      .where(spec.child.parentColumn, '=', keyValue(params.key, 'id'))
      .execute();
  }
  let query = k(db).deleteFrom(spec.table).where('org_id', '=', params.orgId);
  for (const column of spec.key) query = query.where(column, '=', keyValue(params.key, column));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The child rows of many parents in one query (no N+1). */
export async function listChildRows(db: Db, child: ChildSpec, params: { orgId: string; parentIds: readonly string[] }) {
  if (params.parentIds.length === 0) return [];
  return k(db)
    .selectFrom(child.table)
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where(child.parentColumn, 'in', [...params.parentIds])
    .execute();
}

/** Replaces a parent's child rows (allocations) with `rows`. */
export async function replaceChildRows(
  db: Db,
  child: ChildSpec,
  params: { orgId: string; parentId: string; rows: readonly DbRow[] },
): Promise<void> {
  await k(db)
    .deleteFrom(child.table)
    .where('org_id', '=', params.orgId)
    .where(child.parentColumn, '=', params.parentId)
    .execute();
  if (params.rows.length === 0) return;
  const rows = params.rows.map((r) => ({ ...r, org_id: params.orgId, [child.parentColumn]: params.parentId }));
  await k(db).insertInto(child.table).values(rows).execute();
}

/** Which of `ids` exist in `table` for the organisation: references are checked inside the tenant. */
export async function existingIds(db: Db, params: { orgId: string; table: TableName; ids: readonly string[] }) {
  if (params.ids.length === 0) return new Set<string>();
  const rows = await k(db)
    .selectFrom(params.table)
    .select('id')
    .where('org_id', '=', params.orgId)
    .where('id', 'in', [...params.ids])
    .execute();
  return new Set(rows.map((r) => String(r.id)));
}

export interface AuditEntry {
  readonly orgId: string;
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await k(db)
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      id: entry.id,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** The kind of constraint a driver error reports, on either dialect; null for anything else. */
export function constraintViolation(error: unknown): 'unique' | 'foreign_key' | 'not_null' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
    return 'unique';
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'foreign_key';
  if (code === 'SQLITE_CONSTRAINT_NOTNULL' || code === '23502') return 'not_null';
  return null;
}

function keyValue(key: Key, column: string): string {
  const value = key[column];
  if (value === undefined) throw new Error(`key column ${column} missing`);
  return value;
}

/** A document as a settlement's allocation sees it: its party, currency and what is still open on it. */
export interface OpenDocument {
  readonly id: string;
  readonly partyId: string;
  readonly currency: string;
  readonly openMinor: number;
}

/**
 * The invoices (or bills) of the organisation among `ids`, each with its amount less its credit
 * notes and the allocations of settlements other than `exceptParent` (the one being written).
 */
export async function openDocuments(
  db: Db,
  params: { orgId: string; table: 'invoices' | 'bills'; ids: readonly string[]; exceptParent: string | null },
): Promise<Map<string, OpenDocument>> {
  const out = new Map<string, OpenDocument>();
  if (params.ids.length === 0) return out;
  const isAr = params.table === 'invoices';
  const docs = await k(db)
    .selectFrom(params.table)
    .select(['id', isAr ? 'customer_id as party_id' : 'supplier_id as party_id', 'currency', 'amount_minor'])
    .where('org_id', '=', params.orgId)
    .where('id', 'in', [...params.ids])
    .execute();
  const open = new Map(docs.map((d) => [String(d.id), Number(d.amount_minor)]));
  const allocations = isAr ? 'receipt_allocations' : 'payment_allocations';
  const docColumn = isAr ? 'invoice_id' : 'bill_id';
  const parentColumn = isAr ? 'receipt_id' : 'payment_id';
  let taken = k(db)
    .selectFrom(allocations)
    .select([docColumn, 'amount_minor'])
    .where('org_id', '=', params.orgId)
    .where(docColumn, 'in', [...params.ids]);
  if (params.exceptParent !== null) taken = taken.where(parentColumn, '!=', params.exceptParent);
  const rows = await taken.execute();
  const credits = isAr
    ? await k(db)
        .selectFrom('credit_notes')
        .select(['invoice_id', 'amount_minor'])
        .where('org_id', '=', params.orgId)
        .where('invoice_id', 'in', [...params.ids])
        .execute()
    : [];
  for (const r of rows) {
    const id = String(r[docColumn]);
    open.set(id, (open.get(id) ?? 0) - Number(r.amount_minor));
  }
  for (const r of credits) {
    const id = String(r.invoice_id);
    open.set(id, (open.get(id) ?? 0) - Number(r.amount_minor));
  }
  for (const d of docs) {
    const id = String(d.id);
    out.set(id, { id, partyId: String(d.party_id), currency: String(d.currency), openMinor: open.get(id) ?? 0 });
  }
  return out;
}

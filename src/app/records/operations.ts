import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { TableName } from '../../db/bulk.js';
import type { Db } from '../../db/connection.js';
import {
  constraintViolation,
  type DbRow,
  deleteRow,
  existingIds,
  getRow,
  insertRow,
  type Key,
  listChildRows,
  listRows,
  replaceChildRows,
  updateRow,
} from '../../db/stores/records.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from './audit.js';
import { apiToRow, type Field, rowToApi, toSnake } from './fields.js';
import { fieldColumn, type RecordKind } from './registry.js';
import { checkWriteRules } from './validate.js';

export type ApiRecord = Record<string, unknown>;
type Body = Record<string, unknown>;

export interface ListParams {
  readonly orgId: string;
  /** Filters by API field name (only the kind's `filters`). */
  readonly filters: Readonly<Record<string, string>>;
  readonly from?: string;
  readonly to?: string;
  /** A sortable field, '-' in front for descending. */
  readonly sort?: string;
  readonly limit: number;
  readonly offset: number;
}

/** One page of records with their child rows (two queries whatever the page size). */
export async function listRecords(db: Db, kind: RecordKind, p: ListParams) {
  const equals: Record<string, string> = {};
  for (const [name, value] of Object.entries(p.filters)) equals[fieldColumn(kind, name)] = value;
  const sortName = p.sort?.replace(/^-/, '') ?? kind.sortable[0] ?? kind.key[0] ?? 'id';
  const rows = await listRows(db, kind.spec, {
    orgId: p.orgId,
    equals,
    ...(kind.dateField ? { range: { column: fieldColumn(kind, kind.dateField), ...bounds(p) } } : {}),
    sort: { column: fieldColumn(kind, sortName), descending: p.sort?.startsWith('-') ?? false },
    limit: p.limit + 1,
    offset: p.offset,
  });
  const items = await withChildren(db, kind, p.orgId, rows.slice(0, p.limit));
  return { items, nextOffset: rows.length > p.limit ? p.offset + p.limit : null };
}

function bounds(p: ListParams): { from?: string; to?: string } {
  return { ...(p.from ? { from: p.from } : {}), ...(p.to ? { to: p.to } : {}) };
}

async function withChildren(db: Db, kind: RecordKind, orgId: string, rows: readonly DbRow[]): Promise<ApiRecord[]> {
  const items = rows.map((r) => rowToApi(kind.readFields, r));
  const child = kind.child;
  const childSpec = kind.spec.child;
  if (!child || !childSpec) return items;
  const ids = rows.map((r) => String(r.id));
  const childRows = await listChildRows(db, childSpec, { orgId, parentIds: ids });
  const byParent = new Map<string, ApiRecord[]>(ids.map((id) => [id, []]));
  for (const c of childRows) byParent.get(String(c[childSpec.parentColumn]))?.push(rowToApi(child.fields, c));
  return items.map((item) => ({ ...item, [child.field]: byParent.get(String(item.id)) ?? [] }));
}

/** The key columns of a record from its API key fields (path parameters). */
export function keyOf(kind: RecordKind, apiKey: Readonly<Record<string, string>>): Key {
  return Object.fromEntries(kind.key.map((name) => [fieldColumn(kind, name), apiKey[name] ?? '']));
}

export async function getRecord(db: Db, kind: RecordKind, p: { orgId: string; key: Key }): Promise<Result<ApiRecord>> {
  const row = await getRow(db, kind.spec, p);
  if (!row) return fail('RECORD_NOT_FOUND', { kind: kind.path });
  const [item] = await withChildren(db, kind, p.orgId, [row]);
  return item ? ok(item) : fail('RECORD_NOT_FOUND', { kind: kind.path });
}

/** The code of a reference to no record of the organisation: the one the importer gives. */
const UNKNOWN_REFERENCE: ReadonlyMap<string, string> = new Map([
  ['customers', 'UNKNOWN_CUSTOMER'],
  ['suppliers', 'UNKNOWN_SUPPLIER'],
  ['invoices', 'UNKNOWN_INVOICE'],
  ['bills', 'UNKNOWN_BILL'],
  ['bank_accounts', 'UNKNOWN_BANK_ACCOUNT'],
]);

/** Every id the body refers to must belong to the same organisation. */
async function checkReferences(db: Db, kind: RecordKind, orgId: string, body: Body): Promise<Result<true>> {
  const wanted: { field: Field; path: string; value: string }[] = [];
  const collect = (fields: readonly Field[], values: Body, prefix: string) => {
    for (const f of fields) {
      const v = values[f.name];
      if (f.refTable && typeof v === 'string') wanted.push({ field: f, path: `${prefix}${f.name}`, value: v });
    }
  };
  collect(kind.fields, body, '');
  const children = kind.child ? body[kind.child.field] : undefined;
  if (kind.child && Array.isArray(children))
    children.forEach((c, i) => {
      collect(kind.child?.fields ?? [], c as Body, `${kind.child?.field}.${i}.`);
    });
  const tables = new Set(wanted.map((w) => w.field.refTable as string));
  for (const table of tables) {
    const ids = wanted.filter((w) => w.field.refTable === table);
    const found = await existingIds(db, { orgId, table: table as TableName, ids: ids.map((w) => w.value) });
    const missing = ids.find((w) => !found.has(w.value));
    if (missing)
      return fail(UNKNOWN_REFERENCE.get(table) ?? 'REFERENCE_NOT_FOUND', { field: missing.path, value: missing.value });
  }
  return ok(true);
}

function stamped(kind: RecordKind, by: Actor, values: DbRow): DbRow {
  const out = { ...values };
  for (const [name, what] of Object.entries(kind.stamps ?? {})) {
    out[toSnake(name)] = what === 'actor' ? by.actor : by.now;
  }
  return out;
}

export async function createRecord(db: Db, kind: RecordKind, by: Actor, body: Body): Promise<Result<ApiRecord>> {
  return guarded('create', async () => {
    return withTransaction(db, async (tx) => {
      const refs = await checkReferences(tx, kind, by.orgId, body);
      if (!refs.ok) return refs;
      const rules = await checkWriteRules(tx, kind, by.orgId, body, null);
      if (!rules.ok) return rules;
      const values = stamped(kind, by, apiToRow(kind.fields, body, true));
      if (kind.hasGeneratedId) values.id = randomUUID();
      await insertRow(tx, kind.spec, { orgId: by.orgId, values });
      const key = Object.fromEntries(kind.spec.key.map((c) => [c, String(values[c])]));
      await writeChildren(tx, kind, by.orgId, String(values.id), body);
      const created = await getRecord(tx, kind, { orgId: by.orgId, key });
      if (created.ok && kind.audited) await audit(tx, kind, by, 'create', key, null, created.value);
      return created;
    });
  });
}

async function writeChildren(db: Db, kind: RecordKind, orgId: string, parentId: string, body: Body) {
  const childSpec = kind.spec.child;
  const rows = kind.child ? body[kind.child.field] : undefined;
  if (!kind.child || !childSpec || !Array.isArray(rows)) return;
  const fields = kind.child.fields;
  await replaceChildRows(db, childSpec, { orgId, parentId, rows: rows.map((r) => apiToRow(fields, r as Body, true)) });
}

export async function updateRecord(
  db: Db,
  kind: RecordKind,
  by: Actor,
  key: Key,
  body: Body,
): Promise<Result<ApiRecord>> {
  return guarded('update', async () => {
    return withTransaction(db, async (tx) => {
      const before = await getRecord(tx, kind, { orgId: by.orgId, key });
      if (!before.ok) return before;
      const refs = await checkReferences(tx, kind, by.orgId, body);
      if (!refs.ok) return refs;
      const id = typeof before.value.id === 'string' ? before.value.id : null;
      const rules = await checkWriteRules(tx, kind, by.orgId, { ...before.value, ...body }, id);
      if (!rules.ok) return rules;
      await updateRow(tx, kind.spec, { orgId: by.orgId, key, values: apiToRow(kind.fields, body, false) });
      await writeChildren(tx, kind, by.orgId, String(before.value.id), body);
      const after = await getRecord(tx, kind, { orgId: by.orgId, key });
      if (after.ok && kind.audited) await audit(tx, kind, by, 'update', key, before.value, after.value);
      return after;
    });
  });
}

export async function deleteRecord(db: Db, kind: RecordKind, by: Actor, key: Key): Promise<Result<true>> {
  return guarded('delete', async () => {
    return withTransaction(db, async (tx) => {
      const before = await getRecord(tx, kind, { orgId: by.orgId, key });
      if (!before.ok) return before;
      await deleteRow(tx, kind.spec, { orgId: by.orgId, key });
      if (kind.audited) await audit(tx, kind, by, 'delete', key, before.value, null);
      return ok(true as const);
    });
  });
}

async function audit(db: Db, kind: RecordKind, by: Actor, verb: string, key: Key, before: unknown, after: unknown) {
  const entityId = Object.values(key).join('/');
  await writeAudit(db, by, { action: `${kind.path}.${verb}`, entityType: kind.path, entityId, before, after });
}

/** Constraint violations are the caller's to fix (a duplicate number, a record still in use). */
async function guarded<T>(op: 'create' | 'update' | 'delete', work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation === 'unique') return fail('RECORD_DUPLICATE', {});
    if (violation === 'foreign_key') return fail(op === 'delete' ? 'RECORD_IN_USE' : 'REFERENCE_NOT_FOUND', {});
    throw error;
  }
}

import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { insertAuditEntry, listRows, type TableSpec } from '../../db/stores/records.js';

/** Who did something, in which organisation, and when (from the request context and the clock). */
export interface Actor {
  readonly orgId: string;
  /** 'user:<id>' or 'token:<id>'. */
  readonly actor: string;
  readonly now: string;
}

/** Appends one entry to the organisation's audit log: who, when, what, before and after. */
export async function writeAudit(
  db: Db,
  by: Actor,
  entry: { action: string; entityType: string; entityId: string | null; before: unknown; after: unknown },
): Promise<void> {
  await insertAuditEntry(db, { orgId: by.orgId, id: randomUUID(), at: by.now, actor: by.actor, ...entry });
}

const AUDIT: TableSpec = { table: 'audit_log', key: ['id'] };

export interface AuditQuery {
  readonly orgId: string;
  readonly entityType?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly offset: number;
}

/** The audit log, newest first, one page at a time. */
export async function listAudit(db: Db, q: AuditQuery) {
  const rows = await listRows(db, AUDIT, {
    orgId: q.orgId,
    equals: q.entityType ? { entity_type: q.entityType } : {},
    range: { column: 'at', ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) },
    sort: { column: 'at', descending: true },
    limit: q.limit + 1,
    offset: q.offset,
  });
  const items = rows.slice(0, q.limit).map((r) => ({
    id: String(r.id),
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    entityType: String(r.entity_type),
    entityId: r.entity_id === null ? null : String(r.entity_id),
    before: r.before === null ? null : (JSON.parse(String(r.before)) as unknown),
    after: r.after === null ? null : (JSON.parse(String(r.after)) as unknown),
  }));
  return { items, nextOffset: rows.length > q.limit ? q.offset + q.limit : null };
}

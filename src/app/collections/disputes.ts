import { randomUUID } from 'node:crypto';
import { type DisputeReason, type DisputeResolution, validateDispute } from '../../core/collections/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import {
  findInvoiceForDispute,
  insertDispute,
  listDisputes,
  resolveDisputeRow,
  type StoredDispute,
  setInvoiceDisputed,
} from '../../db/stores/collections.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from '../records/audit.js';

export interface NewDispute {
  readonly invoiceId: string;
  readonly reason: DisputeReason;
  /** The contested amount; default the whole invoice is not assumed: it is asked for. */
  readonly amountMinor: number;
  readonly owner: string;
  readonly openedOn: string;
  readonly note: string | null;
}

function refused(v: { code: string; field: string; value: string; expected?: string }): Result<never> {
  return fail(v.code, {
    field: v.field,
    value: v.value,
    ...(v.expected === undefined ? {} : { expected: v.expected }),
  });
}

/**
 * Use case 'collections.dispute.open': records a dispute (reason, amount, owner) on an invoice and
 * marks the invoice disputed, in one transaction with its audit entry. The invoice's disputed flag
 * stays the one every figure reads (risk state, forecast, ladder); the dispute keeps the why.
 */
export async function openDispute(db: Db, by: Actor, d: NewDispute): Promise<Result<StoredDispute>> {
  const invoice = await findInvoiceForDispute(db, { orgId: by.orgId, invoiceId: d.invoiceId });
  if (!invoice) return fail('UNKNOWN_INVOICE', { field: 'invoiceId', value: d.invoiceId });
  const [first] = validateDispute({
    amountMinor: d.amountMinor,
    currency: invoice.currency,
    openedOn: d.openedOn,
    resolvedOn: null,
  });
  if (first) return refused(first);
  const row: StoredDispute = {
    id: randomUUID(),
    customerId: invoice.customerId,
    invoiceId: invoice.id,
    reason: d.reason,
    amountMinor: d.amountMinor,
    currency: invoice.currency,
    owner: d.owner,
    openedOn: d.openedOn,
    resolvedOn: null,
    resolution: null,
    note: d.note,
    recordedBy: by.actor,
    recordedAt: by.now,
  };
  await withTransaction(db, async (tx) => {
    await insertDispute(tx, by.orgId, row);
    await setInvoiceDisputed(tx, { orgId: by.orgId, invoiceId: invoice.id, isDisputed: true });
    await writeAudit(tx, by, {
      action: 'dispute.open',
      entityType: 'disputes',
      entityId: row.id,
      before: null,
      after: row,
    });
  });
  return ok(row);
}

/**
 * Use case 'collections.dispute.resolve': closes a dispute with its resolution; the invoice stops
 * being disputed when no other dispute on it is open (one transaction, audited).
 */
export async function resolveDispute(
  db: Db,
  by: Actor,
  p: { id: string; resolvedOn: string; resolution: DisputeResolution; note: string | null },
): Promise<Result<StoredDispute>> {
  const [before] = await listDisputes(db, { orgId: by.orgId, id: p.id });
  if (!before) return fail('NOT_FOUND', {});
  if (before.resolvedOn !== null)
    return fail('DISPUTE_ALREADY_RESOLVED', { field: 'id', value: p.id, resolvedOn: before.resolvedOn });
  const [first] = validateDispute({ ...before, resolvedOn: p.resolvedOn });
  if (first) return refused(first);
  const after: StoredDispute = {
    ...before,
    resolvedOn: p.resolvedOn,
    resolution: p.resolution,
    note: p.note ?? before.note,
  };
  await withTransaction(db, async (tx) => {
    await resolveDisputeRow(tx, { orgId: by.orgId, ...p });
    const others = await listDisputes(tx, { orgId: by.orgId, invoiceId: before.invoiceId });
    if (!others.some((o) => o.id !== p.id && o.resolvedOn === null))
      await setInvoiceDisputed(tx, { orgId: by.orgId, invoiceId: before.invoiceId, isDisputed: false });
    await writeAudit(tx, by, { action: 'dispute.resolve', entityType: 'disputes', entityId: p.id, before, after });
  });
  return ok(after);
}

export { listDisputes };

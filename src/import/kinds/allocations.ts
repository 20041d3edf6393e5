import { insertRows } from '../../db/bulk.js';
import type { Db } from '../../db/connection.js';
import type { DbRow } from '../spec.js';
import type { DocRef } from './refs.js';

export interface Allocation {
  readonly docId: string;
  readonly amountMinor: number;
}

interface History {
  readonly stored: Map<string, Allocation[]>;
  readonly storedByDoc: Map<string, { number: string; amountMinor: number }[]>;
  readonly credits: Map<string, number>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

async function loadChildren(db: Db, orgId: string, kind: 'receipts' | 'payments') {
  if (kind === 'receipts') {
    const parents = await db.kysely
      .selectFrom('receipts')
      .select(['id', 'number'])
      .where('org_id', '=', orgId)
      .execute();
    const children = await db.kysely
      .selectFrom('receipt_allocations')
      .select(['receipt_id as parent', 'invoice_id as doc', 'amount_minor'])
      .where('org_id', '=', orgId)
      .execute();
    return { parents, children };
  }
  const parents = await db.kysely.selectFrom('payments').select(['id', 'number']).where('org_id', '=', orgId).execute();
  const children = await db.kysely
    .selectFrom('payment_allocations')
    .select(['payment_id as parent', 'bill_id as doc', 'amount_minor'])
    .where('org_id', '=', orgId)
    .execute();
  return { parents, children };
}

/** Stored allocations (by settlement number and by document) and credit notes per invoice. */
export async function loadSettlementHistory(db: Db, orgId: string, kind: 'receipts' | 'payments'): Promise<History> {
  const { parents, children } = await loadChildren(db, orgId, kind);
  const numberOf = new Map(parents.map((p) => [p.id, p.number]));
  const history: History = { stored: new Map(), storedByDoc: new Map(), credits: new Map() };
  for (const c of children) {
    const number = numberOf.get(c.parent) ?? '';
    push(history.stored, number, { docId: c.doc, amountMinor: c.amount_minor });
    push(history.storedByDoc, c.doc, { number, amountMinor: c.amount_minor });
  }
  if (kind === 'receipts') {
    const notes = await db.kysely
      .selectFrom('credit_notes')
      .select(['invoice_id', 'amount_minor'])
      .where('org_id', '=', orgId)
      .where('invoice_id', 'is not', null)
      .execute();
    for (const n of notes) {
      const id = n.invoice_id as string;
      history.credits.set(id, (history.credits.get(id) ?? 0) + n.amount_minor);
    }
  }
  return history;
}

interface PlanState extends History {
  readonly requested: Map<string, DocRef[]>;
  readonly planned: Map<string, Allocation[]>;
}

/**
 * Allocates each settlement to the documents it names, oldest issue date first (ties in the
 * order listed), each up to its open amount, until the settlement is used up; what is left stays
 * unallocated. Open amounts leave out the stored allocations of settlements in this file, since
 * re-importing a settlement replaces its allocations.
 */
export function planAllocations(state: PlanState, rows: readonly DbRow[]): void {
  const inFile = new Set(rows.map((r) => r.number as string));
  const open = new Map<string, number>();
  const openOf = (doc: DocRef): number => {
    let v = open.get(doc.id);
    if (v === undefined) {
      v = doc.amountMinor - (state.credits.get(doc.id) ?? 0);
      for (const s of state.storedByDoc.get(doc.id) ?? []) if (!inFile.has(s.number)) v -= s.amountMinor;
      open.set(doc.id, v);
    }
    return v;
  };
  for (const row of rows) {
    const number = row.number as string;
    const docs = [...(state.requested.get(number) ?? [])].sort((a, b) =>
      a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0,
    );
    let remaining = row.amount_minor as number;
    const out: Allocation[] = [];
    for (const doc of docs) {
      const amount = Math.min(remaining, Math.max(0, openOf(doc)));
      if (amount <= 0) continue;
      out.push({ docId: doc.id, amountMinor: amount });
      open.set(doc.id, openOf(doc) - amount);
      remaining -= amount;
    }
    state.planned.set(number, out);
  }
}

/** Replaces the allocations of the settlements that were inserted or changed. */
export async function writeAllocations(
  tx: Db,
  kind: 'receipts' | 'payments',
  state: PlanState,
  rows: readonly DbRow[],
  changed: Set<string>,
): Promise<void> {
  const touched = rows.filter((r) => changed.has(r.number as string));
  const ids = touched.map((r) => r.id as string);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (kind === 'receipts')
      await tx.kysely.deleteFrom('receipt_allocations').where('receipt_id', 'in', chunk).execute();
    else await tx.kysely.deleteFrom('payment_allocations').where('payment_id', 'in', chunk).execute();
  }
  const orgId = touched[0]?.org_id as string;
  if (kind === 'receipts') {
    const out = touched.flatMap((r) =>
      (state.planned.get(r.number as string) ?? []).map((a) => ({
        org_id: orgId,
        receipt_id: r.id as string,
        invoice_id: a.docId,
        amount_minor: a.amountMinor,
      })),
    );
    await insertRows(tx, 'receipt_allocations', out);
  } else {
    const out = touched.flatMap((r) =>
      (state.planned.get(r.number as string) ?? []).map((a) => ({
        org_id: orgId,
        payment_id: r.id as string,
        bill_id: a.docId,
        amount_minor: a.amountMinor,
      })),
    );
    await insertRows(tx, 'payment_allocations', out);
  }
}

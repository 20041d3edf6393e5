import { allocateMinor } from '../../core/money/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { findInvoicesByNumber, loadLastStageDone } from '../../db/stores/collections.js';
import { findCreditCustomer } from '../../db/stores/credit.js';
import { withTransaction } from '../../db/transaction.js';
import { fixedClock } from '../clock.js';
import type { Actor } from '../records/audit.js';
import { type ApiRecord, createRecord } from '../records/operations.js';
import { RECORD_KINDS } from '../records/registry.js';
import { getWorklist } from './worklist.js';

const kind = (path: string) => {
  const k = RECORD_KINDS.find((x) => x.path === path);
  if (!k) throw new Error(`record kind ${path} is not registered`);
  return k;
};

/** A Result carried out of a transaction so that it rolls back. */
class Refused extends Error {
  constructor(readonly result: Result<never>) {
    super('refused');
  }
}

/** An invoice by number or id, or UNKNOWN_INVOICE naming the field. */
export async function resolveInvoice(db: Db, p: { orgId: string; invoice: string }) {
  const [found] = await findInvoicesByNumber(db, { orgId: p.orgId, numbers: [p.invoice] });
  return found ? ok(found) : fail('UNKNOWN_INVOICE', { field: 'invoice', value: p.invoice });
}

/** Whom and what a promise is for: the customer (id or code) and its invoices (numbers or ids), all in one currency. */
export async function resolvePromiseTarget(
  db: Db,
  p: { orgId: string; customer: string; invoices: readonly string[] },
): Promise<
  Result<{
    customerId: string;
    invoices: Awaited<ReturnType<typeof findInvoicesByNumber>>;
    currency: string | null;
  }>
> {
  const customer = await findCreditCustomer(db, { orgId: p.orgId, customer: p.customer });
  if (!customer) return fail('UNKNOWN_CUSTOMER', { field: 'customer', value: p.customer });
  const found = await findInvoicesByNumber(db, { orgId: p.orgId, customerId: customer.id, numbers: p.invoices });
  const missing = p.invoices.find((n) => !found.some((f) => f.number === n || f.id === n));
  if (missing !== undefined) return fail('UNKNOWN_INVOICE', { field: 'invoice', value: missing });
  const currencies = new Set(found.map((f) => f.currency));
  if (currencies.size > 1)
    return fail('PROMISE_CURRENCIES_DIFFER', { field: 'invoice', value: [...currencies].join(', ') });
  return ok({ customerId: customer.id, invoices: found, currency: found[0]?.currency ?? null });
}

/**
 * Use case 'collections.promise': records a promise to pay through the records' write rules (the
 * API's 'promises-to-pay'). For several invoices, one promise each, the amount shared among them
 * by their invoice amounts (largest remainder: the parts add up to the amount), in one
 * transaction: all are recorded or none. No invoice: a promise on the customer's account.
 */
export async function recordPromise(
  db: Db,
  by: Actor,
  p: {
    customerId: string;
    invoiceIds: readonly string[];
    invoiceAmounts: readonly number[];
    currency: string;
    amountMinor: number;
    madeOn: LocalDate;
    promisedOn: LocalDate;
    note: string | null;
  },
): Promise<Result<ApiRecord[]>> {
  const shares = p.invoiceIds.length <= 1 ? [p.amountMinor] : allocateMinor(p.amountMinor, [...p.invoiceAmounts]);
  const targets: (string | null)[] = p.invoiceIds.length === 0 ? [null] : [...p.invoiceIds];
  try {
    return await withTransaction(db, async (tx) => {
      const out: ApiRecord[] = [];
      for (const [k, invoiceId] of targets.entries()) {
        const r = await createRecord(tx, kind('promises-to-pay'), by, {
          customerId: p.customerId,
          invoiceId,
          amountMinor: shares[k],
          currency: p.currency,
          madeOn: p.madeOn,
          promisedOn: p.promisedOn,
          note: p.note,
        });
        if (!r.ok) throw new Refused(r);
        out.push(r.value);
      }
      return ok(out);
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
}

export const CONTACT_KINDS = ['call', 'letter', 'visit'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
const CHANNEL: Readonly<Record<ContactKind, string>> = { call: 'phone', letter: 'letter', visit: 'visit' };

/**
 * Use case 'collections.log': a call, letter or visit in the contact log (the API's
 * 'dunning-actions', same write rules), done now. Unless a stage is given, the contact does the
 * highest stage due for the customer today: one row per invoice of that step, so that its other
 * invoices keep their own place on the ladder (one transaction). With nothing due, one row on the
 * account at the customer's last stage done, so that a logged contact never moves the ladder back.
 */
export async function logContact(
  db: Db,
  by: Actor,
  p: { customer: string; kind: ContactKind; note: string; asOf: LocalDate; stage: number | null },
): Promise<Result<ApiRecord[]>> {
  // Logged for an earlier day: done at noon China time that day, so the ladder reads it on that day.
  const doneAt = fixedClock(by.now).today() === p.asOf ? by.now : `${p.asOf}T04:00:00.000Z`;
  const customer = await findCreditCustomer(db, { orgId: by.orgId, customer: p.customer });
  if (!customer) return fail('UNKNOWN_CUSTOMER', { field: 'customer', value: p.customer });
  let rows: { stage: number; action: string; invoiceId: string | null }[] = [];
  if (p.stage !== null) rows = [{ stage: p.stage, action: `contact_${p.kind}`, invoiceId: null }];
  else {
    const w = await getWorklist(db, { orgId: by.orgId, asOf: p.asOf });
    if (!w.ok) return w;
    const due = w.value.items.filter((i) => i.customerId === customer.id).sort((a, b) => b.stage - a.stage)[0];
    const stage = due?.stage ?? (await loadLastStageDone(db, { orgId: by.orgId, customerId: customer.id }));
    const action = due?.action ?? `contact_${p.kind}`;
    const invoices = due ? [...new Set(due.invoices.map((i) => i.invoiceId.split('#')[0] as string))] : [null];
    rows = invoices.map((invoiceId) => ({ stage, action, invoiceId }));
  }
  try {
    return await withTransaction(db, async (tx) => {
      const out: ApiRecord[] = [];
      for (const row of rows) {
        const r = await createRecord(tx, kind('dunning-actions'), by, {
          customerId: customer.id,
          ...row,
          plannedOn: p.asOf,
          doneAt,
          channel: CHANNEL[p.kind],
          promisedOn: null,
          notes: p.note,
        });
        if (!r.ok) throw new Refused(r);
        out.push(r.value);
      }
      return ok(out);
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
}

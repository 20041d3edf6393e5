import { fail, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadCustomerTimelineRows } from '../../db/stores/collections.js';
import { findCreditCustomer } from '../../db/stores/credit.js';
import { fixedClock } from '../clock.js';

/** What happened: a contact, a message sent, a promise, a dispute opened or resolved, a plan agreed, an instalment due. */
export const TIMELINE_KINDS = [
  'plan_agreed',
  'plan_instalment',
  'promise',
  'promise_due',
  'dispute_opened',
  'dispute_resolved',
  'contact',
  'message',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One event of a customer's collections history. */
export interface TimelineEvent {
  readonly on: LocalDate;
  readonly kind: TimelineKind;
  /** The record the event opens to (dunning action, promise, dispute, plan). */
  readonly recordType: 'dunning-actions' | 'promises-to-pay' | 'disputes' | 'payment-plans';
  readonly recordId: string;
  readonly invoiceId: string | null;
  readonly invoiceNumber: string | null;
  readonly stage: number | null;
  readonly action: string | null;
  readonly channel: string | null;
  readonly amountMinor: number | null;
  readonly currency: string | null;
  readonly detail: string | null;
  readonly by: string | null;
}

const ORDER = new Map(TIMELINE_KINDS.map((k, i) => [k, i]));

/**
 * Use case 'collections.timeline': a customer's collections history in date order (then by kind
 * and record): each contact and message of the contact log (a message is a contact by e-mail;
 * one not yet confirmed sent is dated its planned day), each promise made and its promised day,
 * each dispute opened and resolved, each payment plan agreed and its instalments.
 */
export async function customerTimeline(
  db: Db,
  p: { orgId: string; customer: string },
): Promise<Result<{ customerId: string; code: string; name: string; events: TimelineEvent[] }>> {
  const customer = await findCreditCustomer(db, { orgId: p.orgId, customer: p.customer });
  if (!customer) return fail('NOT_FOUND', {});
  const rows = await loadCustomerTimelineRows(db, { orgId: p.orgId, customerId: customer.id });
  const numberOf = (id: string | null) => (id === null ? null : (rows.invoiceNumbers.get(id) ?? null));
  const base = { stage: null, action: null, channel: null, amountMinor: null, currency: null, detail: null, by: null };
  const events: TimelineEvent[] = [];
  for (const a of rows.actions)
    events.push({
      ...base,
      on: a.doneAt === null ? a.plannedOn : fixedClock(a.doneAt).today(),
      kind: a.channel === 'email' ? 'message' : 'contact',
      recordType: 'dunning-actions',
      recordId: a.id,
      invoiceId: a.invoiceId,
      invoiceNumber: numberOf(a.invoiceId),
      stage: a.stage,
      action: a.action,
      channel: a.channel,
      detail: a.notes,
    });
  for (const x of rows.promises) {
    const common = {
      ...base,
      recordType: 'promises-to-pay' as const,
      recordId: x.id,
      invoiceId: x.invoiceId,
      invoiceNumber: numberOf(x.invoiceId),
      amountMinor: x.amountMinor,
      currency: x.currency,
    };
    events.push({ ...common, on: x.madeOn, kind: 'promise', detail: x.note, by: x.recordedBy });
    events.push({ ...common, on: x.promisedOn, kind: 'promise_due' });
  }
  for (const d of rows.disputes) {
    const common = {
      ...base,
      recordType: 'disputes' as const,
      recordId: d.id,
      invoiceId: d.invoiceId,
      invoiceNumber: numberOf(d.invoiceId),
      amountMinor: d.amountMinor,
      currency: d.currency,
    };
    events.push({ ...common, on: d.openedOn, kind: 'dispute_opened', action: d.reason, detail: d.note, by: d.owner });
    if (d.resolvedOn !== null)
      events.push({ ...common, on: d.resolvedOn, kind: 'dispute_resolved', action: d.resolution, by: d.owner });
  }
  for (const pl of rows.plans)
    events.push({
      ...base,
      on: pl.agreedOn,
      kind: 'plan_agreed',
      recordType: 'payment-plans',
      recordId: pl.id,
      invoiceId: null,
      invoiceNumber: null,
      amountMinor: pl.totalMinor,
      currency: pl.currency,
      detail: pl.note,
      by: pl.recordedBy,
    });
  for (const i of rows.instalments)
    events.push({
      ...base,
      on: i.dueOn,
      kind: 'plan_instalment',
      recordType: 'payment-plans',
      recordId: i.planId,
      invoiceId: null,
      invoiceNumber: null,
      amountMinor: i.amountMinor,
      currency: i.currency,
    });
  events.sort(
    (a, b) =>
      (a.on < b.on ? -1 : a.on > b.on ? 1 : 0) ||
      (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0) ||
      (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0) ||
      ((a.invoiceNumber ?? '') < (b.invoiceNumber ?? '') ? -1 : 1),
  );
  return ok({ customerId: customer.id, code: customer.code, name: customer.name, events });
}

import { allocateMinor } from '../money/index.js';
import { addDays, addMonths, type LocalDate } from '../time/index.js';

/** A receipt applied to one of the customer's invoices (from the ledger's settlements). */
export interface AppliedReceipt {
  readonly invoiceId: string;
  readonly on: LocalDate;
  readonly amountMinor: number;
  readonly currency: string;
}

/** A promise to pay: the customer (or one invoice of it) will pay `amountMinor` by `promisedOn`. */
export interface PromiseToPay {
  readonly id: string;
  readonly customerId: string;
  /** The invoice promised for; null = any of the customer's invoices. */
  readonly invoiceId: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly madeOn: LocalDate;
  readonly promisedOn: LocalDate;
}

export type PromiseState =
  | { readonly state: 'kept'; readonly paidMinor: number }
  | { readonly state: 'open'; readonly paidMinor: number; readonly until: LocalDate }
  | { readonly state: 'broken'; readonly paidMinor: number; readonly brokenOn: LocalDate };

/**
 * Whether a promise was kept: the receipts of its invoice (or of any of the customer's invoices,
 * `invoicesOfCustomer`) in its currency from the day it was made to the promised day plus
 * `graceDays` reach the amount. Broken the day after that window when they do not; open before.
 *
 * @example
 * promiseState(p, receipts, '2026-05-03', 2) // { state: 'broken', paidMinor: 0, brokenOn: '2026-05-03' }
 */
export function promiseState(
  p: PromiseToPay,
  receipts: readonly AppliedReceipt[],
  invoicesOfCustomer: ReadonlySet<string>,
  asOf: LocalDate,
  graceDays: number,
): PromiseState {
  const last = addDays(p.promisedOn, graceDays);
  let paid = 0;
  for (const r of receipts) {
    const isOurs = p.invoiceId === null ? invoicesOfCustomer.has(r.invoiceId) : r.invoiceId === p.invoiceId;
    if (isOurs && r.currency === p.currency && r.on >= p.madeOn && r.on <= last && r.on <= asOf) paid += r.amountMinor;
  }
  if (paid >= p.amountMinor) return { state: 'kept', paidMinor: paid };
  if (asOf <= last) return { state: 'open', paidMinor: paid, until: p.promisedOn };
  return { state: 'broken', paidMinor: paid, brokenOn: addDays(last, 1) };
}

export interface PlanInstalment {
  readonly dueOn: LocalDate;
  readonly amountMinor: number;
}

export interface PaymentPlan {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly totalMinor: number;
  readonly agreedOn: LocalDate;
  readonly instalments: readonly PlanInstalment[];
}

export type PlanState =
  | { readonly state: 'completed'; readonly paidMinor: number }
  | { readonly state: 'on_track'; readonly paidMinor: number; readonly dueMinor: number }
  | {
      readonly state: 'breached';
      readonly paidMinor: number;
      readonly dueMinor: number;
      readonly breachedOn: LocalDate;
    };

/**
 * Whether a payment plan is kept: the customer's receipts in the plan's currency since it was
 * agreed cover every instalment due `graceDays` ago or earlier. Breached the day after the first
 * instalment's grace that they do not cover.
 */
export function planState(
  plan: PaymentPlan,
  receipts: readonly AppliedReceipt[],
  invoicesOfCustomer: ReadonlySet<string>,
  asOf: LocalDate,
  graceDays: number,
): PlanState {
  const paidBy = (on: LocalDate): number => {
    let s = 0;
    for (const r of receipts)
      if (invoicesOfCustomer.has(r.invoiceId) && r.currency === plan.currency && r.on >= plan.agreedOn && r.on <= on)
        s += r.amountMinor;
    return s;
  };
  const paid = paidBy(asOf);
  if (paid >= plan.totalMinor) return { state: 'completed', paidMinor: paid };
  let due = 0;
  for (const i of [...plan.instalments].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))) {
    const last = addDays(i.dueOn, graceDays);
    if (last >= asOf) break;
    due += i.amountMinor;
    if (paidBy(last) < due) return { state: 'breached', paidMinor: paid, dueMinor: due, breachedOn: addDays(last, 1) };
  }
  return { state: 'on_track', paidMinor: paid, dueMinor: due };
}

/**
 * Instalments of a plan: the total split into `count` equal parts by the largest-remainder
 * allocation (the parts always sum to the total), due every `everyMonths` months from `firstDueOn`.
 *
 * @example
 * planInstalments(100_000_01, 3, '2026-05-31', 1)
 * // [33,333,34 on 05-31, 33,333,34 on 06-30, 33,333,33 on 07-31]
 */
export function planInstalments(
  totalMinor: number,
  count: number,
  firstDueOn: LocalDate,
  everyMonths: number,
): PlanInstalment[] {
  const parts = allocateMinor(totalMinor, new Array<number>(count).fill(1));
  return parts.map((amountMinor, k) => ({ dueOn: addMonths(firstDueOn, k * everyMonths), amountMinor }));
}

/**
 * DOMAIN 5.3 and 1.5 rule 4: instalments after the maximum extension period (the oldest plan
 * invoice's original due date + the policy's maxExtensionDays) need the insurer's prior agreement.
 * Returns those instalments; none when the customer is uninsured (`maxExtensionDays` null).
 */
export function instalmentsBeyondMep(
  instalments: readonly PlanInstalment[],
  oldestDueOn: LocalDate,
  maxExtensionDays: number | null,
): { readonly mepOn: LocalDate | null; readonly beyond: readonly PlanInstalment[] } {
  if (maxExtensionDays === null) return { mepOn: null, beyond: [] };
  const mepOn = addDays(oldestDueOn, maxExtensionDays);
  return { mepOn, beyond: instalments.filter((i) => i.dueOn > mepOn) };
}

import type { LocalDate } from '../time/index.js';
import type { CommittedPart, ForecastInvoice } from './types.js';

/** A promise to pay still open, with what is left to pay of it (src/app/collections reads its state). */
export interface CustomerPromise {
  readonly id: string;
  readonly customerId: string;
  /** The invoice promised for; null: the customer's invoices in the currency, oldest due first. */
  readonly invoiceId: string | null;
  readonly currency: string;
  readonly amountMinor: number;
  readonly promisedOn: LocalDate;
}

/** A payment plan on track, with its instalments (or the parts of them) not yet paid. */
export interface CustomerPlan {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly instalments: readonly { readonly dueOn: LocalDate; readonly amountMinor: number }[];
}

const byDue = (a: ForecastInvoice, b: ForecastInvoice): number =>
  a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;

/**
 * Commits open receivables to the dates the customer agreed (ADR 0030): an open promise's amount
 * to its invoice (or, for a promise on the account, to the customer's invoices in its currency,
 * oldest due first) on the promised date; a plan on track's unpaid instalments to the customer's
 * invoices in the plan's currency, oldest due first, on each instalment's date. A disputed line is
 * not committed (the dispute decides). What no commitment covers stays with the behaviour model.
 *
 * @example
 * commitReceipts(lines, [{ id: 'P1', customerId: 'C1', invoiceId: 'A', currency: 'CNY', amountMinor: 60_000_00, promisedOn: '2026-12-21' }], [])
 * // line A gets commitment [{ kind: 'promise', id: 'P1', on: '2026-12-21', amountMinor: 60_000_00 }]
 */
export function commitReceipts(
  lines: readonly ForecastInvoice[],
  promises: readonly CustomerPromise[],
  plans: readonly CustomerPlan[],
): ForecastInvoice[] {
  if (promises.length === 0 && plans.length === 0) return [...lines];
  const left = lines.map((l) => (l.isDisputed ? 0 : Math.max(0, l.openMinor)));
  const parts: CommittedPart[][] = lines.map(() => []);
  const ofCustomer = new Map<string, number[]>();
  for (const [i, l] of lines.entries()) {
    const list = ofCustomer.get(l.customerId) ?? [];
    list.push(i);
    ofCustomer.set(l.customerId, list);
  }
  for (const list of ofCustomer.values())
    list.sort((a, b) => byDue(lines[a] as ForecastInvoice, lines[b] as ForecastInvoice));
  const take = (idxs: readonly number[], amount: number, part: Omit<CommittedPart, 'amountMinor'>) => {
    let rest = amount;
    for (const i of idxs) {
      if (rest <= 0) break;
      const x = Math.min(left[i] as number, rest);
      if (x <= 0) continue;
      (parts[i] as CommittedPart[]).push({ ...part, amountMinor: x });
      left[i] = (left[i] as number) - x;
      rest -= x;
    }
  };
  const sortedPromises = [...promises].sort((a, b) =>
    a.promisedOn < b.promisedOn ? -1 : a.promisedOn > b.promisedOn ? 1 : a.id < b.id ? -1 : 1,
  );
  for (const p of sortedPromises) {
    const idxs = (ofCustomer.get(p.customerId) ?? []).filter((i) => {
      const l = lines[i] as ForecastInvoice;
      return l.currency === p.currency && (p.invoiceId === null || l.id === p.invoiceId);
    });
    take(idxs, p.amountMinor, { kind: 'promise', id: p.id, on: p.promisedOn });
  }
  for (const plan of plans) {
    const idxs = (ofCustomer.get(plan.customerId) ?? []).filter(
      (i) => (lines[i] as ForecastInvoice).currency === plan.currency,
    );
    for (const inst of [...plan.instalments].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1)))
      take(idxs, inst.amountMinor, { kind: 'plan', id: plan.id, on: inst.dueOn });
  }
  return lines.map((l, i) => {
    const mine = parts[i] as CommittedPart[];
    return mine.length === 0 ? l : { ...l, commitment: mine.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)) };
  });
}

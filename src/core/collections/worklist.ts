import type { DunningAction } from './ladder.js';

/** What the ranking reads about one open invoice line: its open amount in the base currency and its further-delay probability. */
export interface InvoiceRisk {
  readonly openBaseMinor: number;
  /** P(still unpaid `longOverdueDays` after due | unpaid today), from the customer's payment behaviour. */
  readonly pFurtherDelay: number;
}

/** What the ranking reads about the customer, from its one risk state (src/core/credit/risk-state). */
export interface CustomerRisk {
  /** The PD the risk state's treatment carries (1 for an insolvent or written-off customer). */
  readonly pd: number;
  readonly status: string;
  readonly isOnHold: boolean;
}

/** A dunning action with its place on today's worklist and the figures behind it. */
export interface WorklistItem extends DunningAction {
  readonly rank: number;
  /** Open amount of the action's invoices, in the base currency. */
  readonly amountAtRiskMinor: number;
  readonly pd: number;
  /** The open-weighted probability of further delay of the action's invoices. */
  readonly pFurtherDelay: number;
  /** Σ open × PD × P(further delay): the expected loss weighted by urgency, in base minor units. */
  readonly priorityMinor: number;
  readonly riskStatus: string;
  readonly isOnHold: boolean;
}

/**
 * Today's actions ranked by expected loss × urgency (docs/figures.md, 'Worklist priority'): for each
 * action, Σ over its invoices of open amount (base currency) × the customer's PD × the invoice's
 * probability of further delay. Customers come in the order of their actions' total (then by id),
 * each customer's actions together, the highest stage first. Actions of customers with no risk
 * state are ranked with PD `unknownPd`.
 *
 * @example
 * rankWorklist(plan.actions, risks, customers, 0.03)[0].priorityMinor // 1_234_56
 */
export function rankWorklist(
  actions: readonly DunningAction[],
  invoiceRisk: ReadonlyMap<string, InvoiceRisk>,
  customerRisk: ReadonlyMap<string, CustomerRisk>,
  unknownPd: number,
): WorklistItem[] {
  const items = actions.map((a) => {
    const c = customerRisk.get(a.customerId);
    const pd = c?.pd ?? unknownPd;
    let amount = 0;
    let weighted = 0;
    for (const inv of a.invoices) {
      const r = invoiceRisk.get(inv.invoiceId);
      const open = r?.openBaseMinor ?? 0;
      amount += open;
      weighted += open * (r?.pFurtherDelay ?? 1);
    }
    return {
      ...a,
      rank: 0,
      amountAtRiskMinor: amount,
      pd,
      pFurtherDelay: amount > 0 ? weighted / amount : 0,
      priorityMinor: weighted * pd,
      riskStatus: c?.status ?? 'unscored',
      isOnHold: c?.isOnHold ?? false,
    };
  });
  // A customer's actions stay together, ranked by the customer's total: one call covers them all.
  const total = new Map<string, number>();
  for (const it of items) total.set(it.customerId, (total.get(it.customerId) ?? 0) + it.priorityMinor);
  const of = (id: string): number => total.get(id) ?? 0;
  items.sort(
    (x, y) =>
      of(y.customerId) - of(x.customerId) ||
      (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0) ||
      y.stage - x.stage,
  );
  return items.map((it, i) => ({ ...it, rank: i + 1 }));
}

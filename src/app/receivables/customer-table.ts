import {
  buildPaymentBehaviour,
  describeCustomerBehaviour,
  ledgerToPaymentColumns,
  type ReceivablesLedger,
} from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { diffDays } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { loadCustomerDirectory } from '../../db/stores/position.js';
import { getSummary } from '../summary.js';
import { loadReceivablesContext } from './load.js';

/** One row of the customer table: exposure and overdue in the base currency, how late it pays. */
export interface CustomerRow {
  readonly customerId: string;
  readonly code: string;
  readonly name: string;
  readonly openMinor: number;
  readonly overdueMinor: number;
  /** Open AR less unapplied receipts, plus 商承 accepted and open orders (DOMAIN 4.3 rule 2). */
  readonly exposureMinor: number;
  readonly limitMinor: number | null;
  readonly isOverLimit: boolean;
  readonly typicalDaysLate: number | null;
  readonly weightedDbt: number | null;
  readonly onTimeShare: number | null;
  readonly settledCount: number;
}

/** The customer table of the dashboard: every customer, largest exposure first. */
export async function listCustomerRows(db: Db, orgId: string, on: string): Promise<Result<{ items: CustomerRow[] }>> {
  const ctx = await loadReceivablesContext(db, { orgId, asOf: on });
  if (!ctx.ok) return ctx;
  const { ledger, fx, baseCurrency } = ctx.value;
  const organisation = await getOrganisation(db, { orgId });
  if (!organisation) return fail('ORGANISATION_NOT_FOUND', { orgId });
  const [customers, position] = await Promise.all([
    loadCustomerDirectory(db, { orgId, asOf: on }),
    getSummary(db, { organisation, asOf: on, topN: Number.MAX_SAFE_INTEGER }),
  ]);
  const exposures = new Map(position.largestExposures.map((e) => [e.customerId, e]));
  const model = buildPaymentBehaviour(ledgerToPaymentColumns(ledger, { table: fx, base: baseCurrency }), on);
  const items = [...customers].map(([customerId, c]): CustomerRow => {
    const e = exposures.get(customerId);
    const b = describeCustomerBehaviour(model, customerId);
    return {
      ...{ customerId, code: c.code, name: c.name, openMinor: e?.openMinor ?? 0, overdueMinor: e?.overdueMinor ?? 0 },
      exposureMinor: e?.exposureMinor ?? 0,
      limitMinor: e ? e.limitMinor : c.limitCurrency === baseCurrency ? c.limitMinor : null,
      isOverLimit: e?.isOverLimit ?? false,
      typicalDaysLate: b.delay?.median ?? null,
      weightedDbt: b.shrunkWeightedDbt,
      onTimeShare: b.onTimeShare,
      settledCount: b.count,
    };
  });
  items.sort((a, b) => b.openMinor - a.openMinor || a.code.localeCompare(b.code));
  return ok({ items });
}

/** Days late of every fully settled invoice (last settlement vs due date), oldest first. */
export function paymentHistory(ledger: ReceivablesLedger, customerId: string, on: string) {
  const paid = new Map<string, { amount: number; lastOn: string }>();
  for (const s of ledger.settlements) {
    if (s.on > on) continue;
    const p = paid.get(s.invoiceId) ?? { amount: 0, lastOn: s.on };
    // LocalDate strings sort as dates: the latest settlement is the larger string.
    const lastOn = [p.lastOn, s.on].sort()[1] ?? s.on;
    paid.set(s.invoiceId, { amount: p.amount + s.amountMinor, lastOn });
  }
  return ledger.invoices
    .filter((i) => i.customerId === customerId && i.status !== 'void' && i.amountMinor > 0)
    .flatMap((i) => {
      const p = paid.get(i.id);
      if (!p || p.amount < i.amountMinor) return [];
      const base = { invoiceId: i.id, number: i.number, issuedOn: i.issuedOn, dueOn: i.dueOn, settledOn: p.lastOn };
      return [{ ...base, currency: i.currency, amountMinor: i.amountMinor, daysLate: diffDays(i.dueOn, p.lastOn) }];
    })
    .sort((a, b) => (a.settledOn < b.settledOn ? -1 : a.settledOn > b.settledOn ? 1 : 0));
}

import { convert, money } from '../../core/money/index.js';
import {
  buildPaymentBehaviour,
  type CustomerBehaviour,
  computeOpenItems,
  describeCustomerBehaviour,
  ledgerToPaymentColumns,
  type OpenItem,
  predictSettlement,
} from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { loadReceivablesContext } from './load.js';

export interface CustomerProfile {
  readonly asOf: string;
  readonly customer: {
    id: string;
    code: string;
    name: string;
    country: string;
    industry: string | null;
    termsDays: number;
  };
  readonly behaviour: CustomerBehaviour;
  readonly openItems: readonly (OpenItem & { expectedOn: string; expectedP10: string; expectedP90: string })[];
  readonly openBaseMinor: number;
  readonly overdueBaseMinor: number;
  readonly baseCurrency: string;
}

/**
 * One customer as the credit controller sees it: how it really pays (behaviour learned from the
 * whole book as of `asOf`, so the portfolio prior is the company's own) and what it owes now,
 * each open item with its predicted payment date.
 */
export async function getCustomerProfile(
  db: Db,
  params: { orgId: string; customer: string; asOf: string },
): Promise<Result<CustomerProfile>> {
  const row = await db.kysely
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'country', 'industry', 'default_terms_days'])
    .where('org_id', '=', params.orgId)
    .where((eb) => eb.or([eb('id', '=', params.customer), eb('code', '=', params.customer)]))
    .executeTakeFirst();
  if (!row) return fail('CUSTOMER_NOT_FOUND', { customer: params.customer });
  const ctx = await loadReceivablesContext(db, { orgId: params.orgId, asOf: params.asOf });
  if (!ctx.ok) return ctx;
  const { ledger, fx, baseCurrency } = ctx.value;
  const model = buildPaymentBehaviour(ledgerToPaymentColumns(ledger, { table: fx, base: baseCurrency }), params.asOf);
  const invoices = new Map(ledger.invoices.map((i) => [i.id, i]));
  let openBaseMinor = 0;
  let overdueBaseMinor = 0;
  const openItems = computeOpenItems(ledger, params.asOf)
    .filter((item) => item.customerId === row.id && item.openMinor > 0)
    .map((item) => {
      const inv = invoices.get(item.invoiceId);
      const rate = fx.rate(item.currency, baseCurrency, params.asOf, baseCurrency) ?? 0;
      const base = convert(money(item.openMinor, item.currency), baseCurrency, rate || 1).amountMinor;
      openBaseMinor += rate ? base : 0;
      if (item.dueOn < params.asOf) overdueBaseMinor += rate ? base : 0;
      const p = predictSettlement(model, {
        customerId: row.id,
        issuedOn: item.issuedOn,
        dueOn: item.dueOn,
        amount: (inv?.amountMinor ?? item.openMinor) * (rate || 1),
        isDisputed: item.isDisputed,
        channel: null,
      });
      return { ...item, expectedOn: p.settleOn.p50, expectedP10: p.settleOn.p10, expectedP90: p.settleOn.p90 };
    });
  return ok({
    asOf: params.asOf,
    customer: {
      id: row.id,
      code: row.code,
      name: row.name,
      country: row.country,
      industry: row.industry,
      termsDays: row.default_terms_days,
    },
    behaviour: describeCustomerBehaviour(model, row.id),
    openItems,
    openBaseMinor,
    overdueBaseMinor,
    baseCurrency,
  });
}

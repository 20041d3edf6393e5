import type { CustomerRiskState } from '../../core/credit/index.js';
import {
  type CustomerBehaviour,
  computeOpenItems,
  computeReceivablesFigures,
  describeCustomerBehaviour,
  type OpenItem,
} from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { loadUnappliedReceipts } from '../../db/stores/unapplied.js';
import { loadRiskBook } from '../credit/risk-states.js';
import { type ExpectedReceipt, expectedReceipts } from '../forecast/customer-receipts.js';

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
  /** Its risk state: status, grade, PD, insolvency, hold, exposure against the limit, cover, disputes. */
  readonly risk: CustomerRiskState | null;
  readonly openItems: readonly (OpenItem &
    Pick<ExpectedReceipt, 'expectedMinor' | 'reason' | 'reasonData'> & {
      expectedOn: string;
      expectedP10: string | null;
      expectedP90: string | null;
    })[];
  /** Open and overdue receivables in the base currency: the same figures as every other screen. */
  readonly openBaseMinor: number;
  readonly overdueBaseMinor: number;
  readonly baseCurrency: string;
}

/**
 * One customer as the credit controller sees it: its risk state, how it really pays (behaviour
 * learned from the whole book as of `asOf`, so the portfolio prior is the company's own) and what
 * it owes now, each open item with the date and amount the base forecast expects for it.
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
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const [risk, unapplied] = await Promise.all([
    loadRiskBook(db, { orgId: params.orgId, asOf: params.asOf, customerId: row.id }),
    loadUnappliedReceipts(db, { orgId: params.orgId, asOf: params.asOf }),
  ]);
  if (!risk.ok) return risk;
  const { book, behaviour } = risk.value.scored;
  const expected = expectedReceipts(risk.value, org, row.id, params.asOf, unapplied);
  if (!expected.ok) return expected;
  const byLine = new Map(expected.value.items.map((e) => [`${e.invoiceId}\u0000${e.instalment ?? ''}`, e]));
  const figures = computeReceivablesFigures(book.ledger, params.asOf, { currency: book.baseCurrency, fx: book.fx });
  const mine = figures.byCustomer.get(row.id);
  const openItems = computeOpenItems(book.ledger, params.asOf)
    .filter((item) => item.customerId === row.id && item.openMinor > 0)
    .flatMap((item) => {
      const e = byLine.get(`${item.invoiceId}\u0000${item.instalment ?? ''}`);
      if (!e)
        // Nothing left to expect: the customer's unapplied receipts cover this line already.
        return [
          {
            ...item,
            expectedOn: params.asOf,
            expectedP10: null,
            expectedP90: null,
            expectedMinor: 0,
            reason: 'COVERED_BY_UNAPPLIED',
            reasonData: {},
          },
        ];
      return [
        {
          ...item,
          expectedOn: e.expectedOn,
          expectedP10: e.expectedP10,
          expectedP90: e.expectedP90,
          expectedMinor: e.expectedMinor,
          reason: e.reason,
          reasonData: e.reasonData,
        },
      ];
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
    behaviour: describeCustomerBehaviour(behaviour.model, row.id),
    risk: risk.value.states.get(row.id) ?? null,
    openItems,
    openBaseMinor: mine?.openMinor ?? 0,
    overdueBaseMinor: mine?.overdueMinor ?? 0,
    baseCurrency: book.baseCurrency,
  });
}

import type { RecordedCheck } from '../../core/credit/index.js';
import { parsePolicyTerms } from '../../core/insurance/index.js';
import type {
  AcceptanceBill,
  ExternalRating,
  FinancialStatement,
  LegalEvent,
  LegalEventType,
  Organisation,
  RatingAgency,
  SalesOrder,
} from '../../core/model/index.js';
import { DEFAULT_POLICY_TERMS, type PolicyTerms } from '../../core/model/index.js';
import type { FxTable } from '../../core/money/index.js';
import type { ReceivablesLedger } from '../../core/receivables/index.js';
import { fail, groupBy, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { listCreditLimits, listCreditReviews, listOnboardingChecks, listScoreHistory } from '../../db/stores/credit.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { loadReceivablesContext } from '../receivables/load.js';

export interface BookCustomer {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly registrationNo: string | null;
  readonly country: string;
  readonly industry: string | null;
  readonly termsDays: number;
}

/** An insured buyer limit with the policy's maximum extension (from insurance_policies.terms). */
export interface BookInsuredLimit {
  readonly customerId: string;
  readonly kind: string;
  readonly currency: string;
  readonly limitMinor: number;
  readonly effectiveFrom: string;
  readonly cancelledOn: string | null;
  readonly maxExtensionDays: number;
  /** The policy's commercial insured percentage (DOMAIN 1.5: 0.9 by default). */
  readonly insuredPct: number;
  readonly policyId: string;
  readonly policyStartsOn: string;
  readonly policyEndsOn: string;
  /** All the policy's terms (src/core/insurance `parsePolicyTerms`; the defaults when unreadable). */
  readonly terms: PolicyTerms;
}

export interface CreditBook {
  readonly org: Organisation;
  readonly baseCurrency: string;
  readonly fx: FxTable;
  readonly ledger: ReceivablesLedger;
  readonly customers: readonly BookCustomer[];
  readonly statements: ReadonlyMap<string, FinancialStatement[]>;
  readonly events: ReadonlyMap<string, LegalEvent[]>;
  readonly ratings: ReadonlyMap<string, ExternalRating[]>;
  readonly insured: ReadonlyMap<string, BookInsuredLimit[]>;
  readonly orders: readonly SalesOrder[];
  readonly bills: readonly AcceptanceBill[];
  readonly limits: ReadonlyMap<string, Awaited<ReturnType<typeof listCreditLimits>>>;
  readonly reviews: ReadonlyMap<string, Awaited<ReturnType<typeof listCreditReviews>>>;
  readonly checks: ReadonlyMap<string, RecordedCheck[]>;
  readonly scoreHistory: Awaited<ReturnType<typeof listScoreHistory>>;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

async function loadRows(db: Db, orgId: string) {
  const q = db.kysely;
  return Promise.all([
    q
      .selectFrom('customers')
      .select(['id', 'code', 'name', 'registration_no', 'country', 'industry', 'default_terms_days'])
      .where('org_id', '=', orgId)
      .orderBy('id')
      .execute(),
    q.selectFrom('financial_statements').selectAll().where('org_id', '=', orgId).orderBy('period_end').execute(),
    q.selectFrom('legal_events').selectAll().where('org_id', '=', orgId).orderBy('occurred_on').execute(),
    q.selectFrom('external_ratings').selectAll().where('org_id', '=', orgId).execute(),
    q
      .selectFrom('insured_buyer_limits as l')
      .innerJoin('insurance_policies as p', 'p.id', 'l.policy_id')
      .select([
        'l.customer_id',
        'l.kind',
        'l.currency',
        'l.limit_minor',
        'l.effective_from',
        'l.cancelled_on',
        'l.policy_id',
        'p.starts_on',
        'p.ends_on',
        'p.terms',
      ])
      .where('l.org_id', '=', orgId)
      .orderBy('l.effective_from')
      .execute(),
    q
      .selectFrom('sales_orders')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('status', 'in', ['open', 'shipped'])
      .execute(),
    q
      .selectFrom('acceptance_bills')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('kind', '=', 'commercial')
      .where('acceptor_customer_id', 'is not', null)
      .execute(),
  ]);
}

function toStatement(r: Awaited<ReturnType<typeof loadRows>>[1][number]): FinancialStatement {
  return {
    customerId: r.customer_id,
    periodEnd: r.period_end,
    currency: r.currency,
    revenue: num(r.revenue),
    ebit: num(r.ebit),
    netIncome: num(r.net_income),
    totalAssets: num(r.total_assets),
    currentAssets: num(r.current_assets),
    currentLiabilities: num(r.current_liabilities),
    totalLiabilities: num(r.total_liabilities),
    retainedEarnings: num(r.retained_earnings),
    bookEquity: num(r.book_equity),
    inventory: num(r.inventory),
    receivables: num(r.receivables),
    cash: num(r.cash),
    marketValueEquity: num(r.market_value_equity),
    source: r.source,
  };
}

/** The policy's terms (one parser: `parsePolicyTerms`); unreadable terms fall back to the DOMAIN defaults. */
function policyTerms(text: string): { maxExtensionDays: number; insuredPct: number; terms: PolicyTerms } {
  let raw: unknown = {};
  try {
    raw = JSON.parse(text);
  } catch {
    // Unreadable terms: the defaults apply (the insurance reports name the policy and the error).
  }
  const parsed = parsePolicyTerms(raw);
  const terms = parsed.ok ? parsed.value : DEFAULT_POLICY_TERMS;
  return { maxExtensionDays: terms.maxExtensionDays, insuredPct: terms.insuredPctCommercial, terms };
}

/**
 * Loads everything buyer credit needs for the whole book in one round of queries (about 15, run
 * together; none per customer): customers, the receivables ledger and FX rates, statements, legal
 * events, ratings, insured limits with policy terms, open orders, 商承 bills, limits, reviews,
 * onboarding checks and the stored score history.
 */
export async function loadCreditBook(db: Db, params: { orgId: string; asOf: string }): Promise<Result<CreditBook>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const [ctx, rows, limits, reviews, checks, scoreHistory] = await Promise.all([
    // The whole book, always: behaviour's portfolio prior and exposure need every customer.
    loadReceivablesContext(db, { orgId: params.orgId, asOf: params.asOf }),
    loadRows(db, params.orgId),
    listCreditLimits(db, { orgId: params.orgId, asOf: params.asOf }),
    listCreditReviews(db, { orgId: params.orgId }),
    listOnboardingChecks(db, { orgId: params.orgId }),
    listScoreHistory(db, { orgId: params.orgId, to: params.asOf }),
  ]);
  if (!ctx.ok) return ctx;
  const [customers, statements, events, ratings, insured, orders, bills] = rows;
  return ok({
    org,
    ...ctx.value,
    customers: customers.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      registrationNo: c.registration_no,
      country: c.country,
      industry: c.industry,
      termsDays: c.default_terms_days,
    })),
    statements: groupBy(statements.map(toStatement), (s) => s.customerId),
    events: groupBy(
      events.map((e) => ({
        id: e.id,
        customerId: e.customer_id,
        type: e.type as LegalEventType,
        occurredOn: e.occurred_on,
        amountMinor: num(e.amount_minor),
        currency: e.currency,
        source: e.source,
        description: e.description,
        resolvedOn: e.resolved_on,
      })),
      (e) => e.customerId,
    ),
    ratings: groupBy(
      ratings.map((r) => ({
        customerId: r.customer_id,
        agency: r.agency as RatingAgency,
        value: r.value,
        ratedOn: r.rated_on,
      })),
      (r) => r.customerId,
    ),
    insured: groupBy(
      insured.map((l) => ({
        customerId: l.customer_id,
        kind: l.kind,
        currency: l.currency,
        limitMinor: Number(l.limit_minor),
        effectiveFrom: l.effective_from,
        cancelledOn: l.cancelled_on,
        policyId: l.policy_id,
        policyStartsOn: l.starts_on,
        policyEndsOn: l.ends_on,
        ...policyTerms(l.terms),
      })),
      (l) => l.customerId,
    ),
    orders: orders.map((o) => ({
      id: o.id,
      customerId: o.customer_id,
      number: o.number,
      orderedOn: o.ordered_on,
      currency: o.currency,
      amountMinor: Number(o.amount_minor),
      status: o.status as SalesOrder['status'],
    })),
    bills: bills.map((b) => ({
      id: b.id,
      number: b.number,
      kind: b.kind as AcceptanceBill['kind'],
      direction: b.direction as AcceptanceBill['direction'],
      currency: b.currency,
      faceMinor: Number(b.face_minor),
      issuedOn: b.issued_on,
      maturesOn: b.matures_on,
      acceptorName: b.acceptor_name,
      acceptorCustomerId: b.acceptor_customer_id,
      drawerName: b.drawer_name,
      customerId: b.customer_id,
      endorsements: [],
      status: b.status as AcceptanceBill['status'],
      discountedOn: b.discounted_on,
      discountRate: b.discount_rate,
      plannedDiscountOn: b.planned_discount_on,
      isWithRecourse: Number(b.is_with_recourse) === 1,
    })),
    limits: groupBy(limits, (l) => l.customer_id),
    reviews: groupBy(reviews, (r) => r.customer_id),
    checks: groupBy(
      checks.map((c) => ({
        customerId: c.customer_id,
        item: c.item,
        status: c.status as RecordedCheck['status'],
        checkedOn: c.checked_on,
        checkedBy: c.checked_by,
        note: c.note,
      })),
      (c) => c.customerId,
    ),
    scoreHistory,
  });
}

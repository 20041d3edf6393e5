import { randomUUID } from 'node:crypto';
import {
  type BuyerFinancials,
  computeExposure,
  type Exposure,
  type LimitRecommendation,
  latestRatings,
  recommendLimit,
  type ToLimitCurrency,
} from '../../core/credit/index.js';
import { convert, money } from '../../core/money/index.js';
import {
  computeOpenItems,
  describeCustomerBehaviour,
  type OpenItem,
  salesInBase,
  trailingSalesWindow,
} from '../../core/receivables/index.js';
import { fail, groupBy, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { insertCreditAudit, insertCreditLimit } from '../../db/stores/credit.js';
import { withTransaction } from '../../db/transaction.js';
import { systemClock } from '../clock.js';
import type { CreditBook } from './load-book.js';
import { creditSettings, insuredOn, latestStatement } from './prepare.js';
import { type CustomerCreditScore, type ScoredBook, scoreBook } from './score-customers.js';

export interface CurrentLimit {
  readonly limitMinor: number;
  readonly binding: string;
  readonly effectiveFrom: string;
  readonly approvedBy: string;
  readonly approvedAt: string;
}

export interface CustomerLimitView {
  readonly customerId: string;
  readonly code: string;
  readonly name: string;
  readonly grade: CustomerCreditScore['grade'];
  readonly recommendation: LimitRecommendation;
  readonly current: CurrentLimit | null;
  readonly exposure: Exposure;
  /** Exposure / current limit; null without a positive current limit. */
  readonly utilisation: number | null;
}

/** Converts to the base currency at the rate on or before `on`; null without a rate. */
export function toBase(book: CreditBook, on: LocalDate): ToLimitCurrency {
  return (amountMinor, currency) => {
    const rate = book.fx.rate(currency, book.baseCurrency, on, book.baseCurrency);
    return rate === undefined ? null : convert(money(amountMinor, currency), book.baseCurrency, rate).amountMinor;
  };
}

export function currentLimit(book: CreditBook, customerId: string): CurrentLimit | null {
  const last = (book.limits.get(customerId) ?? []).at(-1);
  if (!last) return null;
  return {
    limitMinor: Number(last.limit_minor),
    binding: last.binding,
    effectiveFrom: last.effective_from,
    approvedBy: last.approved_by,
    approvedAt: last.approved_at,
  };
}

function buyerFinancials(book: CreditBook, customerId: string, asOf: LocalDate): BuyerFinancials | null {
  const s = latestStatement(book, customerId, asOf);
  if (s === null) return null;
  const conv = toBase(book, s.periodEnd <= asOf ? s.periodEnd : asOf);
  const c = (v: number | null) => (v === null ? null : conv(v, s.currency));
  return {
    bookEquity: c(s.bookEquity),
    intangibles: null,
    currentAssets: c(s.currentAssets),
    currentLiabilities: c(s.currentLiabilities),
    revenue: c(s.revenue),
  };
}

/** Limit view of each scored customer: the recommendation, the limit in force, exposure and utilisation. */
export function buildLimitViews(
  scored: ScoredBook,
  asOf: LocalDate,
  openItems: readonly OpenItem[] = computeOpenItems(scored.book.ledger, asOf),
): CustomerLimitView[] {
  const { book, result, behaviour } = scored;
  const settings = creditSettings(book).limits;
  const conv = toBase(book, asOf);
  // The one trailing-12 sales figure (12 complete months, each invoice at its issue-date rate).
  const sales = salesInBase(book.ledger, trailingSalesWindow(asOf), {
    currency: book.baseCurrency,
    fx: book.fx,
  }).byCustomer;
  const open = groupBy(openItems, (i) => i.customerId);
  const orders = groupBy(book.orders, (o) => o.customerId);
  const bills = groupBy(book.bills, (b) => b.acceptorCustomerId ?? '');
  const byId = new Map(book.customers.map((c) => [c.id, c]));
  return result.customers.map((s) => {
    const customer = byId.get(s.customerId);
    const b = describeCustomerBehaviour(behaviour.model, s.customerId);
    const creditsafe = latestRatings(book.ratings.get(s.customerId) ?? [], asOf).find((r) => r.agency === 'creditsafe');
    const insured = insuredOn(book, s.customerId, asOf).active;
    const recommendation = recommendLimit(
      {
        customerId: s.customerId,
        currency: book.baseCurrency,
        grade: s.grade,
        annualSalesMinor: sales.get(s.customerId) ?? 0,
        termsDays: customer?.termsDays ?? 30,
        expectedDbtDays: b.shrunkWeightedDbt ?? 0,
        financials: buyerFinancials(book, s.customerId, asOf),
        insurerCapMinor: insured === null ? null : conv(insured.limitMinor, insured.currency),
        overrides: s.overrides,
        externalScore: creditsafe === undefined ? null : Number(creditsafe.value),
        isSecured: false,
      },
      settings,
    );
    const exposure = computeExposure(
      s.customerId,
      book.baseCurrency,
      {
        openItems: open.get(s.customerId) ?? [],
        acceptanceBills: bills.get(s.customerId) ?? [],
        salesOrders: orders.get(s.customerId) ?? [],
      },
      asOf,
      conv,
    );
    const current = currentLimit(book, s.customerId);
    const utilisation = current !== null && current.limitMinor > 0 ? exposure.totalMinor / current.limitMinor : null;
    return {
      customerId: s.customerId,
      code: s.code,
      name: s.name,
      grade: s.grade,
      recommendation,
      current,
      exposure,
      utilisation,
    };
  });
}

/**
 * Recommended credit limits for the book (DOMAIN 4.1/4.3): need, capacity, internal limit, insurer
 * cap, the binding constraint and its reasons, beside the limit in force, exposure and utilisation.
 * Amounts are minor units of the organisation's base currency. Nothing is stored.
 */
export async function recommendLimits(
  db: Db,
  params: { orgId: string; asOf: string; customerId?: string },
): Promise<Result<{ asOf: string; currency: string; customers: CustomerLimitView[] }>> {
  const scored = await scoreBook(db, params);
  if (!scored.ok) return scored;
  return ok({
    asOf: params.asOf,
    currency: scored.value.book.baseCurrency,
    customers: buildLimitViews(scored.value, params.asOf),
  });
}

export interface ApprovedLimit {
  readonly id: string;
  readonly customerId: string;
  readonly code: string;
  readonly name: string;
  /** The organisation's base currency, in which limits are kept. */
  readonly currency: string;
  readonly limitMinor: number;
  readonly binding: string;
  readonly effectiveFrom: string;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly recommendation: LimitRecommendation;
}

/**
 * Approves a limit for a customer (by id or code): appends a credit_limits row with the recommendation's need,
 * capacity, internal limit, insurer cap and binding constraint ('manual' when the approved amount
 * differs from the recommendation), who approved it, when, and why.
 */
export async function approveLimit(
  db: Db,
  params: {
    orgId: string;
    customerId: string;
    limitMinor: number;
    actor: string;
    reason: string;
    asOf: string;
    now?: string;
  },
): Promise<Result<ApprovedLimit>> {
  if (!Number.isSafeInteger(params.limitMinor) || params.limitMinor < 0)
    return fail('VALIDATION_FAILED', {
      field: 'limitMinor',
      value: String(params.limitMinor),
      expected: 'a non-negative integer (minor units)',
    });
  if (params.reason.trim() === '') return fail('VALIDATION_FAILED', { field: 'reason', expected: 'why this limit' });
  if (params.actor.trim() === '') return fail('VALIDATION_FAILED', { field: 'actor', expected: 'who approves' });
  const views = await recommendLimits(db, params);
  if (!views.ok) return views;
  const view = views.value.customers[0];
  if (!view) return fail('CUSTOMER_NOT_FOUND', { customer: params.customerId });
  const r = view.recommendation;
  const binding = params.limitMinor === r.recommendedMinor ? r.binding : 'manual';
  const id = randomUUID();
  const approvedAt = params.now ?? systemClock.now().toISOString();
  const row = {
    id,
    customerId: view.customerId,
    currency: r.currency,
    limitMinor: params.limitMinor,
    needMinor: r.needMinor,
    capacityMinor: r.capacityMinor,
    internalMinor: r.internalMinor,
    insurerCapMinor: r.insurerCapMinor,
    binding,
    effectiveFrom: params.asOf,
    approvedBy: params.actor,
    approvedAt,
    reason: params.reason,
    detail: { recommendedMinor: r.recommendedMinor, reasons: r.reasons, grade: view.grade },
  };
  // The new limit and its audit entry (before, after) are written together or not at all.
  await withTransaction(db, async (tx) => {
    await insertCreditLimit(tx, params.orgId, row);
    await insertCreditAudit(tx, params.orgId, {
      id: randomUUID(),
      at: approvedAt,
      actor: params.actor,
      action: 'credit_limit.approve',
      entityType: 'customer',
      entityId: view.customerId,
      before: view.current,
      after: {
        limitMinor: row.limitMinor,
        currency: row.currency,
        binding,
        reason: params.reason,
        effectiveFrom: params.asOf,
      },
    });
  });
  return ok({
    id,
    customerId: view.customerId,
    code: view.code,
    name: view.name,
    currency: r.currency,
    limitMinor: params.limitMinor,
    binding,
    effectiveFrom: params.asOf,
    approvedBy: params.actor,
    approvedAt,
    recommendation: r,
  });
}

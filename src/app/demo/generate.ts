import { createRng, type Rng } from '../../core/shared/random.js';
import { addDays, fromEpochDay, workingDayOnOrBefore } from '../../core/time/index.js';
import { buildAcceptanceBills } from './acceptance.js';
import { DateCache, demoCalendar, WorkingDays } from './calendar.js';
import { Activity, CashFlows } from './cash.js';
import { buildInsurance, buildRatings, type CustomerSummary, rankBySales } from './credit-data.js';
import { buildDisputeNotes } from './disputes.js';
import { generateFxRates } from './fx.js';
import { buildLegalEvents } from './legal-events.js';
import { buildCreditLimits, exposures } from './limits.js';
import { type DemoOptions, type DemoParams, pad, resolveOptions } from './options.js';
import { buildSalesOrders } from './orders.js';
import { companySampler, planSales } from './plan.js';
import { buildProfile, type CustomerProfile } from './profiles.js';
import { buildSuppliers, generatePurchases } from './purchases.js';
import { generateRecurring } from './recurring.js';
import { buildOnboardingChecks, buildReviews, planReviews } from './reviews.js';
import { generateCustomerSales, type SalesContext } from './sales.js';
import { flushReceipts, newSettlementState, newStats } from './settlements.js';
import { buildStatements } from './statements.js';
import { bankAccountIds, buildBankAccounts, buildBankHistory, buildCreditLine } from './treasury.js';
import type { DemoBatch, DemoOrganisation, DemoReceipt, NamedCustomers } from './types.js';

/** Invoices gathered before the sales stream yields a batch: bounds memory, keeps inserts large. */
const BATCH_INVOICES = 5_000;

export const DEMO_NAME = '示例贸易有限公司';
export const DEMO_NAME_EN = 'Demo Trading Co., Ltd.';

export function demoOrganisation(opts: DemoOptions, id: string): DemoOrganisation {
  return {
    id,
    name: DEMO_NAME,
    nameEn: DEMO_NAME_EN,
    baseCurrency: 'CNY',
    locale: 'zh-CN',
    createdAt: `${opts.asOf}T00:00:00.000Z`,
  };
}

/** The customers that carry the story: the first nine profiles, in the order of `ROLES`. */
export function namedCustomers(opts: DemoOptions): NamedCustomers {
  const id = (i: number) => `${opts.idPrefix}c-${pad(i, 4)}`;
  return {
    top: id(1),
    prompt: id(2),
    late: id(3),
    seasonal: id(4),
    deteriorating: id(5),
    insolvent: id(6),
    overLimit: id(7),
    disputing: id(8),
    acceptor: id(9),
  };
}

function* salesBatches(
  opts: DemoOptions,
  profiles: readonly CustomerProfile[],
  ctx: SalesContext,
  root: Rng,
  summaries: CustomerSummary[],
): Generator<DemoBatch> {
  const plan = planSales(opts, profiles, ctx.sampler);
  let state = newSettlementState();
  for (const profile of profiles) {
    const rng = root.fork('sales').fork(profile.index);
    state.stats = newStats();
    generateCustomerSales(
      profile,
      plan.counts[profile.index] as number,
      plan.meanGrossFen[profile.index] as number,
      ctx,
      state,
      rng,
    );
    flushReceipts(profile, ctx, state, rng.fork('receipts'));
    summaries.push({ profile, stats: state.stats });
    const isLast = profile.index === profiles.length - 1;
    if (state.invoices.length >= BATCH_INVOICES || isLast) {
      const { invoices, creditNotes, receipts, allocations } = state;
      yield {
        phase: 'sales',
        done: profile.index + 1,
        total: profiles.length,
        records: { invoices, creditNotes, receipts, receiptAllocations: allocations },
      };
      state = newSettlementState();
    }
  }
}

/** Whole months from the month of `a` to the month of `b`, plus one (inclusive count). */
function monthsBetween(a: string, b: string): number {
  const idx = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return idx(b) - idx(a) + 1;
}

/** Three receipts nobody has matched yet (no customer): work for the matching screen. */
function unmatchedReceipts(opts: DemoOptions, ctx: SalesContext, rng: Rng): DemoReceipt[] {
  return [1, 2, 3].map(() => {
    const day = workingDayOnOrBefore(ctx.calendar, opts.endDay - rng.int(1, 20));
    const seq = ++ctx.seq.receipt;
    const amount = rng.int(50, 900) * 10_000;
    ctx.cash.add('CNY', day, amount);
    return {
      id: `${opts.idPrefix}rc-${pad(seq, 6)}`,
      number: `SK${fromEpochDay(day).replaceAll('-', '')}${pad(seq, 6)}`,
      customerId: null,
      receivedOn: fromEpochDay(day),
      currency: 'CNY',
      amountMinor: amount,
      reference: '转账 无附言',
      bankAccountId: ctx.accounts.general ?? null,
      externalId: null,
    };
  });
}

/** Credit data that needs the whole book: events, orders, bills, reviews, limits, onboarding, insurance. */
function creditRecords(opts: DemoOptions, ctx: SalesContext, summaries: readonly CustomerSummary[], root: Rng) {
  const ranked = rankBySales(summaries);
  const larger = ranked.slice(0, 50);
  const legalEvents = buildLegalEvents(opts, summaries, root.fork('legal'));
  const salesOrders = buildSalesOrders(opts, ranked, ctx.fx, root.fork('orders'));
  const acceptor = summaries.find((s) => s.profile.role === 'acceptor');
  const acceptanceBills = buildAcceptanceBills(opts, larger, acceptor, root.fork('acceptance'));
  const plans = planReviews(opts, summaries, legalEvents, root.fork('reviews'));
  const insolvencyOn = legalEvents.find((e) => e.type === 'insolvency')?.occurredOn ?? null;
  const exposure = exposures(opts, summaries, salesOrders, acceptanceBills, ctx.fx);
  const insurance = buildInsurance(opts, ranked.slice(0, 30), root.fork('insurance'));
  const lastYear = Number(addDays(opts.asOf, -120).slice(0, 4)) - 1;
  return {
    acceptanceBills,
    financialStatements: larger.flatMap((s) =>
      buildStatements(s.profile, s.stats.salesCnyLast12m, lastYear, 3, root.fork('statements').fork(s.profile.index)),
    ),
    legalEvents,
    externalRatings: buildRatings(opts, larger, root.fork('ratings')),
    creditLimits: buildCreditLimits(opts, summaries, exposure, plans, insolvencyOn),
    salesOrders,
    insurancePolicies: [insurance.policy],
    insuredBuyerLimits: insurance.limits,
    creditReviews: buildReviews(opts, plans),
    onboardingChecks: buildOnboardingChecks(opts, summaries, plans),
    dunningActions: buildDisputeNotes(opts, summaries),
  };
}

function treasuryBatch(
  opts: DemoOptions,
  ctx: SalesContext,
  summaries: readonly CustomerSummary[],
  root: Rng,
): DemoBatch {
  const recurringItems = generateRecurring(opts, ctx.activity, ctx.cash, ctx.calendar);
  const receipts = unmatchedReceipts(opts, ctx, root.fork('unmatched'));
  const history = buildBankHistory(opts, ctx.activity, ctx.cash, ctx.fx, ctx.calendar, root.fork('bank-history'));
  return {
    phase: 'treasury',
    done: 1,
    total: 1,
    records: {
      receipts,
      bankBalances: history.balances,
      fxConversions: history.conversions,
      recurringItems,
      creditLines: [buildCreditLine(opts, ctx.activity, root.fork('credit-line'))],
      ...creditRecords(opts, ctx, summaries, root),
    },
  };
}

/**
 * The demo company as a stream of batches, in an order that respects foreign keys: reference
 * data, then sales customer by customer, then purchases month by month, then treasury and credit
 * data (which need the totals). Memory stays bounded by the batch size plus one small summary per
 * customer, so 10,000 customers and a million invoices stream fine. Pure: same params, same batches.
 *
 * @example
 * for (const batch of streamDemoCompany({ asOf: '2026-03-31', seed: 7 })) console.log(batch.phase);
 */
export function* streamDemoCompany(params: DemoParams): Generator<DemoBatch> {
  const opts = resolveOptions(params);
  const root = createRng(opts.seed);
  const calendar = demoCalendar();
  const workingDays = new WorkingDays(calendar, opts.startDay - 31, opts.endDay + 400);
  const fx = generateFxRates(opts, root.fork('fx'), calendar);
  const used = new Set<string>();
  const profiles = Array.from({ length: opts.customers }, (_, i) =>
    buildProfile(i, opts, root.fork('customers').fork(i), used),
  );
  const book = buildSuppliers(opts, root.fork('suppliers'));
  const bankAccounts = buildBankAccounts(opts, root.fork('bank'));
  const records = {
    customers: profiles.map((p) => p.customer),
    suppliers: book.suppliers,
    bankAccounts,
    fxRates: [...fx.records],
  };
  yield { phase: 'reference', done: 1, total: 1, records };
  const ctx: SalesContext = {
    opts,
    sampler: companySampler(opts, calendar),
    fx,
    cash: new CashFlows(opts.startDay, opts.endDay),
    activity: new Activity(opts.startDay, opts.endDay),
    seq: { invoice: 0, receipt: 0, creditNote: 0 },
    dates: new DateCache(),
    calendar,
    workingDays,
    accounts: bankAccountIds(opts),
  };
  const summaries: CustomerSummary[] = [];
  yield* salesBatches(opts, profiles, ctx, root, summaries);
  let month = 0;
  const months = monthsBetween(opts.start, opts.asOf) + 1;
  for (const batch of generatePurchases(opts, book, ctx.activity, ctx.cash, workingDays, root.fork('purchases'))) {
    yield { phase: 'purchases', done: ++month, total: months, records: batch };
  }
  yield treasuryBatch(opts, ctx, summaries, root);
}

import { DEFAULT_LIMIT_SETTINGS, recommendLimit } from '../../core/credit/index.js';
import type { AcceptanceBill, CreditLimit, SalesOrder } from '../../core/model/index.js';
import { addDays } from '../../core/time/index.js';
import type { CustomerSummary } from './credit-data.js';
import type { FxSeries } from './fx.js';
import { type DemoOptions, pad } from './options.js';
import type { ReviewPlan } from './reviews.js';
import type { DemoCreditLimit } from './types.js';

/** Approved limits are whole ¥10,000. */
const STEP = 1_000_000;
const ceilToStep = (fen: number) => Math.max(STEP, Math.ceil(fen / STEP) * STEP);
/**
 * The limit covers the customer's exposure plus room for its next order (a week of its sales, or
 * as much as its open orders), with 5 % to spare: a limit set at the last review for the peak
 * of the season, so a customer in good standing can place its usual next order.
 */
const ORDER_ROOM_WEEKS = 1;
const EXPOSURE_HEADROOM = 1.05;
/** The over-limit customer's limit: just above what it owes, so its open order takes it over. */
const OVER_LIMIT_COVER = 1.02;

/** A customer's exposure in CNY at asOf (DOMAIN 4.3 rule 2): open AR and 商承 it accepted, and open orders. */
export interface DemoExposure {
  readonly arAndBillsCny: number;
  readonly ordersCny: number;
}

/** Exposure of every customer, from the generated records (CNY at the asOf rate). */
export function exposures(
  opts: DemoOptions,
  summaries: readonly CustomerSummary[],
  orders: readonly SalesOrder[],
  bills: readonly AcceptanceBill[],
  fx: FxSeries,
): Map<string, DemoExposure> {
  const out = new Map<string, { arAndBillsCny: number; ordersCny: number }>();
  for (const s of summaries) out.set(s.profile.customer.id, { arAndBillsCny: s.stats.openCny, ordersCny: 0 });
  for (const o of orders) {
    const e = out.get(o.customerId);
    if (e) e.ordersCny += Math.round(o.amountMinor * fx.rateOn(o.currency, opts.endDay));
  }
  for (const b of bills) {
    const e = b.acceptorCustomerId === null ? undefined : out.get(b.acceptorCustomerId);
    if (e && b.kind === 'commercial') e.arAndBillsCny += b.faceMinor;
  }
  return out;
}

/** Amount-weighted days beyond terms of the invoices the customer settled in the last year. */
export function expectedDbt(s: CustomerSummary): number {
  return s.stats.settledCny > 0 ? s.stats.settledDelayCny / s.stats.settledCny : 0;
}

/**
 * The limits approved at each customer's last review, in CNY: core's need-based recommendation
 * (sales of the last year × (terms + days beyond terms + order-to-invoice) × 1.1, DOMAIN 4.1),
 * raised where needed to cover the exposure and the next order. Two exceptions tell the story:
 * the over-limit customer's limit sits just above what it owes, so its open order takes it over;
 * the insolvent customer's limit was frozen at 0 two days after its bankruptcy filing.
 */
export function buildCreditLimits(
  opts: DemoOptions,
  summaries: readonly CustomerSummary[],
  exposure: ReadonlyMap<string, DemoExposure>,
  reviews: ReadonlyMap<string, ReviewPlan>,
  insolvencyOn: string | null,
): DemoCreditLimit[] {
  const out: DemoCreditLimit[] = [];
  for (const s of summaries) {
    const { profile, stats } = s;
    const e = exposure.get(profile.customer.id) ?? { arAndBillsCny: 0, ordersCny: 0 };
    const plan = reviews.get(profile.customer.id);
    if ((stats.salesCnyLast12m <= 0 && e.arAndBillsCny + e.ordersCny <= 0) || !plan) continue;
    const rec = recommendLimit(
      {
        customerId: profile.customer.id,
        currency: 'CNY',
        grade: null,
        annualSalesMinor: stats.salesCnyLast12m,
        termsDays: profile.customer.defaultTermsDays,
        expectedDbtDays: expectedDbt(s),
        financials: null,
        insurerCapMinor: null,
        overrides: [],
        externalScore: null,
        isSecured: false,
      },
      DEFAULT_LIMIT_SETTINGS,
    );
    const limit =
      profile.role === 'over_limit'
        ? ceilToStep(e.arAndBillsCny * OVER_LIMIT_COVER)
        : ceilToStep(
            Math.max(
              rec.recommendedMinor,
              (e.arAndBillsCny + e.ordersCny + Math.max((stats.salesCnyLast12m / 52) * ORDER_ROOM_WEEKS, e.ordersCny)) *
                EXPOSURE_HEADROOM,
            ),
          );
    const row = (id: string, limitMinor: number, binding: CreditLimit['binding'], from: string, reason: string) => ({
      id,
      customerId: profile.customer.id,
      currency: 'CNY',
      limitMinor,
      needMinor: rec.needMinor,
      capacityMinor: null,
      insurerCapMinor: null,
      binding,
      effectiveFrom: from,
      approvedBy: plan.reviewer,
      approvedAt: `${from}T02:00:00.000Z`,
      reason,
    });
    const id = `${opts.idPrefix}lim-${pad(profile.index + 1, 5)}`;
    const approvedOn =
      profile.role === 'insolvent' && plan.dates.length > 1 ? (plan.dates.at(-2) as string) : plan.last;
    out.push(row(id, limit, limit === rec.recommendedMinor ? rec.binding : 'manual', approvedOn, plan.reason));
    if (profile.role === 'insolvent' && insolvencyOn !== null)
      out.push(row(`${id}-z`, 0, 'override_zero', addDays(insolvencyOn, 2), '客户进入破产程序，额度清零并停止供货'));
  }
  return out;
}

import type { Grade, LimitConstraint } from '../../model/index.js';
import type { Reason } from '../scorecard/index.js';
import type { LimitSettings } from './settings.js';

/** Buyer figures for capacity, in the limit's currency (minor units); null = unknown. */
export interface BuyerFinancials {
  /** Tangible net worth; book equity when intangibles are unknown (stated in the reasons). */
  readonly bookEquity: number | null;
  readonly intangibles: number | null;
  readonly currentAssets: number | null;
  readonly currentLiabilities: number | null;
  readonly revenue: number | null;
}

export interface LimitInput {
  readonly customerId: string;
  readonly currency: string;
  readonly grade: Grade | null;
  /** Our expected annual sales to the customer (minor units); the last 12 months by default. */
  readonly annualSalesMinor: number;
  readonly termsDays: number;
  /** Expected days beyond terms (the shrunk wDBT; negative values count as 0). */
  readonly expectedDbtDays: number;
  readonly financials: BuyerFinancials | null;
  /** Insurer limit or DCL in force (null = not insured). */
  readonly insurerCapMinor: number | null;
  /** Scorecard overrides (失信, insolvency, …): limit 0. */
  readonly overrides: readonly Reason[];
  /** Newest Creditsafe-scale external score, for the cut-off. */
  readonly externalScore: number | null;
  /** Security held (bank guarantee, L/C, deposit): lifts the external-score cut-off. */
  readonly isSecured: boolean;
}

export interface LimitRecommendation {
  readonly customerId: string;
  readonly currency: string;
  readonly needMinor: number;
  readonly capacityMinor: number | null;
  readonly internalMinor: number;
  readonly insurerCapMinor: number | null;
  readonly recommendedMinor: number;
  readonly binding: LimitConstraint;
  readonly reasons: readonly Reason[];
}

const floorTo = (x: number, step: number) => (step > 0 ? Math.floor(x / step) * step : Math.floor(x));

/** min of the three capacity measures that are known; null when none is. */
function capacity(
  grade: Grade | null,
  f: BuyerFinancials | null,
  settings: LimitSettings,
  reasons: Reason[],
): number | null {
  if (f === null || grade === null) {
    reasons.push({ code: 'CL_CAPACITY_UNKNOWN', data: { grade, hasFinancials: f !== null } });
    return null;
  }
  const pct = settings.capacity[grade];
  const parts: number[] = [];
  if (f.bookEquity !== null) {
    const tnw = f.bookEquity - (f.intangibles ?? 0);
    if (f.intangibles === null) reasons.push({ code: 'CL_TNW_FROM_BOOK_EQUITY', data: { equityMinor: f.bookEquity } });
    parts.push(pct.tnw * Math.max(tnw, 0));
  }
  if (f.currentAssets !== null && f.currentLiabilities !== null)
    parts.push(pct.wc * Math.max(f.currentAssets - f.currentLiabilities, 0));
  if (f.revenue !== null) parts.push(pct.sales * Math.max(f.revenue, 0));
  if (parts.length === 0) {
    reasons.push({ code: 'CL_CAPACITY_UNKNOWN', data: { grade, hasFinancials: true } });
    return null;
  }
  return Math.floor(Math.min(...parts));
}

/**
 * DOMAIN 4.1: need = annual sales/365 × (terms + expected DBT + order-to-invoice days);
 * capacity = min(%TNW·TNW, %WC·max(WC, 0), %sales·turnover) by grade; internal = min(need × 1.1,
 * capacity); insured: min(internal, insurer cap) + the uninsured risk appetite. An override, grade
 * E, or an unsecured external score below the cut-off gives 0 ('override_zero'). The binding constraint is
 * the one that set the figure.
 *
 * @example
 * // ¥3.65m a year on 60 days, 10 days late, 7 order-to-invoice: need = 10,000 × 77 = ¥770,000;
 * // internal = min(847,000, capacity 1,200,000) = ¥847,000, binding 'need'
 */
export function recommendLimit(input: LimitInput, settings: LimitSettings): LimitRecommendation {
  const reasons: Reason[] = [];
  const days = input.termsDays + Math.max(input.expectedDbtDays, 0) + settings.orderToInvoiceDays;
  const needMinor = Math.round((Math.max(input.annualSalesMinor, 0) / 365) * days);
  reasons.push({ code: 'CL_NEED', data: { annualSalesMinor: input.annualSalesMinor, days, currency: input.currency } });
  const cap = capacity(input.grade, input.financials, settings, reasons);
  const headroom = Math.round(needMinor * settings.needHeadroom);
  const internalMinor = cap === null ? headroom : Math.min(headroom, cap);
  let binding: LimitConstraint = cap !== null && cap < headroom ? 'capacity' : 'need';
  let limit = internalMinor;
  const insured = input.insurerCapMinor;
  if (insured !== null && insured + settings.uninsuredRiskAppetiteMinor < internalMinor) {
    limit = insured + settings.uninsuredRiskAppetiteMinor;
    binding = 'insurer';
  }
  const base = {
    customerId: input.customerId,
    currency: input.currency,
    needMinor,
    capacityMinor: cap,
    internalMinor,
    insurerCapMinor: insured,
  };
  const zero = (r: Reason[]) => ({
    ...base,
    recommendedMinor: 0,
    binding: 'override_zero' as const,
    reasons: [...r, ...reasons],
  });
  if (input.overrides.length > 0)
    return zero([{ code: 'CL_ZERO_OVERRIDE', data: { count: input.overrides.length } }, ...input.overrides]);
  // DOMAIN 4.1: grade E gives no credit (cash in advance, L/C or bank bill only), whatever else is known.
  if (input.grade === 'E') return zero([{ code: 'CL_ZERO_GRADE_E', data: {} }]);
  if (input.externalScore !== null && input.externalScore < settings.externalCutoff && !input.isSecured)
    return zero([
      { code: 'CL_ZERO_EXTERNAL_CUTOFF', data: { score: input.externalScore, cutoff: settings.externalCutoff } },
    ]);
  reasons.push({ code: `CL_BINDING_${binding.toUpperCase()}`, data: {} });
  return { ...base, recommendedMinor: floorTo(limit, settings.roundingStepMinor), binding, reasons };
}

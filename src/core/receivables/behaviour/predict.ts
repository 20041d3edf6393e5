import { epochDayUnchecked, fromEpochDay, type LocalDate } from '../../time/index.js';
import type { PaymentBehaviour } from './build.js';
import { FLAG_DISPUTED, FLAG_PAPER, featureValue, logOfAmount } from './columns.js';
import { normalCdf, normalQuantile } from './numeric.js';
import type { BehaviourFeature } from './settings.js';

/** The facts of an open invoice known at issue. */
export interface InvoiceToPredict {
  readonly customerId: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly amount: number;
  readonly isDisputed: boolean;
  readonly channel: 'paper' | 'electronic' | null;
}

export interface Quantiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** Why the prediction is what it is, for the UI to explain. */
export interface PredictionReasons {
  readonly asOf: LocalDate;
  readonly basis: 'customer' | 'portfolio';
  /** Settled invoices of this customer the model learned from. */
  readonly historyCount: number;
  /** n/(n+k): the weight on the customer's own history (the rest is the portfolio's). */
  readonly shrinkageWeight: number;
  readonly shrinkageK: number;
  readonly customerLocationDays: number | null;
  readonly portfolioLocationDays: number;
  readonly effects: readonly { feature: BehaviourFeature; value: number; days: number }[];
  /** Predictive standard deviation of the delay (days). */
  readonly spreadDays: number;
  /** The distribution is conditioned on the invoice being unpaid at the end of this date. */
  readonly unpaidThrough: LocalDate;
}

export interface SettlementPrediction {
  readonly customerId: string;
  /** Days from issue to settlement; p50 is the point estimate. */
  readonly daysToSettle: Quantiles;
  /** Days after the due date (negative = early). */
  readonly delayDays: Quantiles;
  readonly settleOn: { readonly p10: LocalDate; readonly p50: LocalDate; readonly p90: LocalDate };
  /**
   * K equally likely settlement dates: the quantiles (i + 0.5)/K of the same conditional
   * distribution, earliest first (non-decreasing). One date (the P50) unless `slices` ≥ 2 was asked.
   */
  readonly settleOnSlices: readonly LocalDate[];
  /** P(still unpaid `longOverdueDays` after due | unpaid through `unpaidThrough`). */
  readonly probUnpaidLongOverdue: number;
  readonly reasons: PredictionReasons;
}

/**
 * Predicts when an open invoice settles. Location = shrunk customer location + feature effects;
 * spread = customer residual spread shrunk toward the portfolio's, widened for location error;
 * the normal distribution is conditioned on 'unpaid through max(asOf, issue − 1)', with an
 * exponential residual-life floor so long-overdue invoices are not forecast to pay tomorrow.
 *
 * @example
 * const p = predictSettlement(model, { customerId: 'C1', issuedOn: '2025-07-01', dueOn: '2025-07-31',
 *   amount: 100, isDisputed: false, channel: 'electronic' });
 * p.settleOn.p50; // e.g. '2025-08-04'
 * predictSettlement(model, invoice, 5).settleOnSlices; // the quantiles 0.1, 0.3, 0.5, 0.7, 0.9 as dates
 */
export function predictSettlement(
  model: PaymentBehaviour,
  invoice: InvoiceToPredict,
  slices = 1,
): SettlementPrediction {
  const { portfolio, settings } = model;
  const c = model.columns.customerIndex.get(invoice.customerId);
  const n = c === undefined ? 0 : (model.history.offsets[c + 1] ?? 0) - (model.history.offsets[c] ?? 0);
  const own = c === undefined || n === 0 ? null : (model.customers.location[c] ?? 0);
  const k = portfolio.predictionShrinkageK;
  const weight = own === null ? 0 : n / (n + k);
  const effects = invoiceEffects(model, invoice);
  const mean = weight * (own ?? 0) + (1 - weight) * portfolio.location + effects.reduce((s, e) => s + e.days, 0);
  const spread = predictiveSpread(model, c, n, k);
  const issued = epochDayUnchecked(invoice.issuedOn);
  const due = epochDayUnchecked(invoice.dueOn);
  const unpaidThrough = Math.max(model.asOfDay, issued - 1);
  const lower = unpaidThrough - due;
  const q = (p: number): number => conditionalQuantile(mean, spread, lower, p);
  const delayDays = { p10: q(settings.lowerQuantile), p50: q(0.5), p90: q(settings.upperQuantile) };
  const terms = due - issued;
  const day = (d: number): LocalDate => fromEpochDay(Math.max(unpaidThrough + 1, issued + Math.round(terms + d)));
  const parts = Math.max(1, Math.floor(slices));
  const settleOnSlices =
    parts === 1 ? [day(delayDays.p50)] : Array.from({ length: parts }, (_, i) => day(q((i + 0.5) / parts)));
  return {
    customerId: invoice.customerId,
    daysToSettle: { p10: terms + delayDays.p10, p50: terms + delayDays.p50, p90: terms + delayDays.p90 },
    delayDays,
    settleOn: { p10: day(delayDays.p10), p50: day(delayDays.p50), p90: day(delayDays.p90) },
    settleOnSlices,
    probUnpaidLongOverdue: probLongOverdue(model, c, n, k, mean, spread, lower),
    reasons: {
      asOf: model.asOf,
      basis: own === null ? 'portfolio' : 'customer',
      historyCount: n,
      shrinkageWeight: weight,
      shrinkageK: k,
      customerLocationDays: own,
      portfolioLocationDays: portfolio.location,
      effects,
      spreadDays: spread,
      unpaidThrough: fromEpochDay(unpaidThrough),
    },
  };
}

function invoiceEffects(model: PaymentBehaviour, inv: InvoiceToPredict): PredictionReasons['effects'] {
  const flags = (inv.isDisputed ? FLAG_DISPUTED : 0) | (inv.channel === 'paper' ? FLAG_PAPER : 0);
  const month = (inv.issuedOn.charCodeAt(5) - 48) * 10 + (inv.issuedOn.charCodeAt(6) - 48);
  const logAmount = logOfAmount(inv.amount);
  return model.settings.features.map((feature, j) => {
    const value = featureValue(feature, flags, logAmount, month);
    return { feature, value, days: (model.effects[j] ?? 0) * value };
  });
}

/** sqrt(s_c²·(1 + 1/(n+k))), s_c² = ((n−1)·own² + k_s·pooled²)/((n−1) + k_s). */
function predictiveSpread(model: PaymentBehaviour, c: number | undefined, n: number, k: number): number {
  const pooled = model.portfolio.spread;
  const own = c === undefined ? Number.NaN : (model.customers.spread[c] ?? Number.NaN);
  const ks = model.settings.spreadShrinkageK;
  const dof = Number.isNaN(own) ? 0 : n - 1;
  const variance = (dof * (Number.isNaN(own) ? 0 : own * own) + ks * pooled * pooled) / (dof + ks);
  return Math.sqrt(variance * (1 + 1 / (n + k)));
}

/** Quantile p of N(mean, s²) given X > lower, floored by an exponential residual life of mean s. */
export function conditionalQuantile(mean: number, s: number, lower: number, p: number): number {
  const below = normalCdf((lower - mean) / s);
  const tail = 1 - below;
  const normal = tail > 1e-9 ? mean + s * normalQuantile(below + p * tail) : lower;
  return Math.max(normal, lower + s * -Math.log(1 - p));
}

function probLongOverdue(
  model: PaymentBehaviour,
  c: number | undefined,
  n: number,
  k: number,
  mean: number,
  s: number,
  lower: number,
): number {
  const limit = model.settings.longOverdueDays;
  if (lower >= limit) return 1;
  const above = 1 - normalCdf((limit - mean) / s);
  const tail = above / Math.max(1e-12, 1 - normalCdf((lower - mean) / s));
  const events = c === undefined ? 0 : (model.longOverdue[c] ?? 0);
  const exposure = n + (c === undefined ? 0 : (model.openLongOverdue[c] ?? 0));
  const rate = (events + k * model.portfolio.longOverdueRate) / (exposure + k);
  return Math.min(1, Math.max(tail, rate));
}

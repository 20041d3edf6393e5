import { allocateMinor, roundWith, splitEvenly } from '../money/index.js';
import { type BusinessCalendar, epochDayUnchecked, workingDayOnOrAfter } from '../time/index.js';
import type { BaseConverter } from './fx.js';
import type { ReceiptPlacement, ScenarioParams } from './scenarios.js';
import { type FlowSink, lineIndex, type ReasonData } from './sink.js';
import type { ForecastCustomerRisk, ForecastInvoice, PaymentDateDistribution } from './types.js';

const INVOICES = lineIndex('invoices');
/** z of the 90th percentile: σ ≈ (P90 − P10) / (2·1.2816) for the 'slip' placement. */
const Z90 = 1.2815515655446004;

const PLACEMENT_CODE: Record<ReceiptPlacement, string> = {
  due: 'PLACED_DUE_DATE',
  p10: 'PLACED_P10',
  p50: 'PLACED_P50',
  p90: 'PLACED_P90',
  slip: 'PLACED_P50_PLUS_SLIP',
};

/** The same placements applied to a receipt spread over its likely dates. */
const SPREAD_CODE: Record<ReceiptPlacement, string> = {
  due: 'PLACED_DUE_DATE',
  p10: 'PLACED_SPREAD_EARLY',
  p50: 'PLACED_SPREAD',
  p90: 'PLACED_SPREAD_LATE',
  slip: 'PLACED_SPREAD_PLUS_SLIP',
};

/** The day a receipt is expected by `placement`, from a due day and (optional) delay quantiles in days. */
export function placementDay(
  placement: ReceiptPlacement,
  dueDay: number,
  q: { p10: number; p50: number; p90: number } | null,
  slipMinDays: number,
): number {
  if (q === null) return placement === 'slip' ? dueDay + slipMinDays : dueDay;
  switch (placement) {
    case 'due':
      return dueDay;
    case 'p10':
      return q.p10;
    case 'p50':
      return q.p50;
    case 'p90':
      return q.p90;
    case 'slip':
      return q.p50 + Math.max(slipMinDays, Math.round((q.p90 - q.p10) / (2 * Z90)));
  }
}

/** Keeps a receipt day on the scenario's side of the base day ('upper' = not later). */
export function boundReceiptDay(day: number, baseDay: number, bound: ScenarioParams['bound']): number {
  if (bound === 'upper') return Math.min(day, baseDay);
  if (bound === 'lower') return Math.max(day, baseDay);
  return day;
}

/**
 * Money reaches the bank on working days: a receipt expected on a weekend or a public holiday of
 * the organisation's calendar moves to the next working day. Days before `asOfDay` are left as
 * they are (the sink places them on the as-of day). Memoised: a forecast asks for few distinct days.
 *
 * @example
 * const roll = receiptDayRoller(createCalendar(CN_PUBLIC_HOLIDAYS), toEpochDay('2026-12-08'));
 * fromEpochDay(roll(toEpochDay('2026-12-12'))) // '2026-12-14' (Saturday → Monday)
 */
export function receiptDayRoller(calendar: BusinessCalendar, asOfDay: number): (day: number) => number {
  const memo = new Map<number, number>();
  return (day) => {
    if (day < asOfDay) return day;
    let out = memo.get(day);
    if (out === undefined) {
      out = workingDayOnOrAfter(calendar, day);
      memo.set(day, out);
    }
    return out;
  };
}

/**
 * The share of a receipt expected after credit risk (DOMAIN 2.5 rule 10): 1 − PD_h × LGD, with the
 * customer's 12-month PD scaled to the days until the receipt, PD_h = 1 − (1 − PD)^(days/365).
 *
 * @example
 * riskShare(0.05, 0.8, 73) // 1 − (1 − 0.95^0.2) × 0.8 ≈ 0.99179
 */
export function riskShare(pd: number, lgd: number, days: number): number {
  if (pd <= 0 || lgd <= 0) return 1;
  const pdH = pd >= 1 ? 1 : 1 - (1 - pd) ** (Math.max(0, days) / 365);
  return Math.max(0, 1 - pdH * Math.min(1, lgd));
}

/** The PD a scenario reads from a customer's band ('none': no adjustment). */
export function scenarioPd(risk: ForecastCustomerRisk | undefined, band: ScenarioParams['pdBand']): number {
  if (risk === undefined || band === 'none') return 0;
  return band === 'low' ? risk.pdLow : band === 'high' ? risk.pdHigh : risk.pd;
}

/** Where and how much of one open receivable a scenario expects, and why. */
export interface ReceiptPlan {
  /**
   * The expected day (a working day, or a past day when already late); for a receipt spread over
   * several dates, the middle part's day.
   */
  readonly day: number;
  /**
   * The days of its equally likely parts, earliest first (non-decreasing working days); one day,
   * `day`, when the receipt is not spread.
   */
  readonly days: readonly number[];
  /** Share of the open amount expected (0–1). */
  readonly share: number;
  readonly reason: string;
  readonly data: ReasonData;
  /** Why the rest is not expected, when the plan writes it off rather than risk-adjusting it. */
  readonly lossReason: string | null;
  /**
   * A receipt committed to dates (a promise, plan instalments): the parts' weights (their amounts),
   * one per day, and each part's own reason; absent for the equally likely parts of a spread.
   */
  readonly committed?: { readonly weights: readonly number[]; readonly reasons: readonly PartReason[] };
}

/** Why one committed part is where it is. */
export interface PartReason {
  readonly reason: string;
  readonly data: ReasonData;
}

export interface PlanContext {
  readonly asOfDay: number;
  readonly doubtfulOverdueDays: number;
  readonly roll: (day: number) => number;
}

function quantileDays(p: PaymentDateDistribution | null) {
  return p === null
    ? null
    : { p10: epochDayUnchecked(p.p10), p50: epochDayUnchecked(p.p50), p90: epochDayUnchecked(p.p90) };
}

const pct = (x: number): number => Math.round(x * 10_000) / 100;

/**
 * One open receivable's plan in one scenario (DOMAIN 2.5 rules 3, 9, 10): the one rule the
 * forecast and the customer page both apply.
 * - An insolvent or written-off customer: the recovery share on the recovery date, the rest lost.
 * - Disputed, or more than `doubtfulOverdueDays` past due: the scenario's recovery share on the
 *   P90 date (or excluded).
 * - Otherwise: the scenario's placement (P10 / P50 / P50 + slip), moved to a working day, at
 *   1 − PD_h × LGD of its amount (PD_h to the plan's day). When the distribution carries K ≥ 2
 *   likely dates, the receipt is spread over them (ADR 0022): each date moved as the scenario
 *   moves the median, part by part (`days`), `day` being the middle part's.
 *
 * @example
 * planInvoiceReceipt(invoice, risk, BASE_SCENARIO, ctx) // { day, days: [5 days], share: 0.993, reason: 'PLACED_SPREAD_CUSTOMER_HISTORY', … }
 */
export function planInvoiceReceipt(
  inv: Pick<ForecastInvoice, 'dueOn' | 'isDisputed' | 'payment'> &
    Partial<Pick<ForecastInvoice, 'openMinor' | 'commitment'>>,
  risk: ForecastCustomerRisk | undefined,
  params: ScenarioParams,
  ctx: PlanContext,
): ReceiptPlan {
  const dueDay = epochDayUnchecked(inv.dueOn);
  if (risk?.recovery) {
    const { recovery } = risk;
    const what = risk.status === 'written_off' ? 'WRITTEN_OFF' : 'INSOLVENCY';
    const day = ctx.roll(epochDayUnchecked(recovery.on));
    return {
      day,
      days: [day],
      share: recovery.share,
      reason: `${what}_RECOVERY`,
      data: { since: recovery.since, on: recovery.on, share: pct(recovery.share) },
      lossReason: `${what}_LOSS`,
    };
  }
  if (inv.commitment !== undefined && inv.commitment.length > 0 && !inv.isDisputed)
    return committedPlan(inv as CommittedInvoice, risk, params, ctx);
  const q = quantileDays(inv.payment);
  const isOver90 = ctx.asOfDay - dueDay > ctx.doubtfulOverdueDays;
  if (inv.isDisputed || isOver90) {
    const what = inv.isDisputed ? 'DISPUTED' : 'OVERDUE_90';
    const day = ctx.roll(q === null ? dueDay : q.p90);
    if (params.doubtful === 'exclude')
      return { day, days: [day], share: 0, reason: `${what}_EXCLUDED`, data: {}, lossReason: `${what}_EXCLUDED` };
    const share = Math.max(0, params.recoveryShare - (isOver90 ? params.writeOffOver90 : 0));
    return {
      day,
      days: [day],
      share,
      reason: `${what}_RECOVERY`,
      data: { share: pct(share) },
      lossReason: `${what}_HAIRCUT`,
    };
  }
  const baseDay = placementDay('p50', dueDay, q, params.slipMinDays);
  const raw = placementDay(params.receiptPlacement, dueDay, q, params.slipMinDays);
  const pd = scenarioPd(risk, params.pdBand);
  const lgd = risk?.lgd ?? 0;
  const slices = inv.payment?.slices;
  if (
    q !== null &&
    inv.payment !== null &&
    slices !== undefined &&
    slices.length > 1 &&
    params.receiptPlacement !== 'due'
  ) {
    const spread = spreadPlan(slices, q, raw - baseDay, params, ctx);
    const day = spread.days[spread.days.length >> 1] as number;
    const share = riskShare(pd, lgd, day - ctx.asOfDay);
    const history = inv.payment.basis === 'customer' ? 'CUSTOMER_HISTORY' : 'PORTFOLIO_HISTORY';
    const code = spread.isBase ? SPREAD_CODE.p50 : SPREAD_CODE[params.receiptPlacement];
    const parts = spread.days.length;
    const data: ReasonData = share < 1 ? { parts, pd: pct(pd), lgd: pct(lgd), expectedPct: pct(share) } : { parts };
    return { day, days: spread.days, share, reason: `${code}_${history}`, data, lossReason: null };
  }
  const day = ctx.roll(boundReceiptDay(raw, baseDay, params.bound));
  const share = riskShare(pd, lgd, day - ctx.asOfDay);
  const reason = placementReason(
    params.receiptPlacement,
    boundReceiptDay(raw, baseDay, params.bound),
    raw,
    baseDay,
    inv.payment,
  );
  const data: ReasonData = share < 1 ? { pd: pct(pd), lgd: pct(lgd), expectedPct: pct(share) } : {};
  return { day, days: [day], share, reason, data, lossReason: null };
}

/**
 * The days of a receipt spread over its K likely dates in one scenario: each date moved as the
 * scenario moves the median (`offset` = its placement − P50: P10 earlier, P50 + slip later), never
 * earlier than the P10 when moved earlier, kept on the scenario's side of the base date part by
 * part, and moved to a working day. Rolling and bounding keep the days non-decreasing.
 */
function spreadPlan(
  slices: readonly string[],
  q: { p10: number; p50: number; p90: number },
  offset: number,
  params: ScenarioParams,
  ctx: PlanContext,
): { days: number[]; isBase: boolean } {
  let isBase = true;
  const days = new Array<number>(slices.length);
  for (let i = 0; i < slices.length; i++) {
    const base = epochDayUnchecked(slices[i] as string);
    const moved =
      offset === 0 ? base : boundReceiptDay(Math.max(base + offset, Math.min(q.p10, base)), base, params.bound);
    if (moved !== base) isBase = false;
    days[i] = ctx.roll(moved);
  }
  return { days, isBase };
}

/**
 * The amounts a plan carries of `amountMinor`, one per day of `plan.days`: its expected share,
 * rounded half-even once, split into equal parts by the largest-remainder method
 * (`splitEvenly` = `allocateMinor` with equal ratios), so no fen is lost. The forecast places these
 * parts and the customer page shows their sum, so both expect the same amount to the fen.
 *
 * @example
 * carriedParts({ days: [20_431, 20_433, 20_440], share: 1 }, 100) // [34, 33, 33]
 */
export function carriedParts(plan: Pick<ReceiptPlan, 'days' | 'share' | 'committed'>, amountMinor: number): number[] {
  const carried = roundWith(amountMinor * plan.share, 'halfEven');
  if (plan.committed) return allocateMinor(carried, [...plan.committed.weights]);
  return plan.days.length <= 1 ? [carried] : splitEvenly(carried, plan.days.length);
}

type CommittedInvoice = Pick<ForecastInvoice, 'dueOn' | 'isDisputed' | 'payment'> & {
  readonly openMinor?: number;
  readonly commitment: NonNullable<ForecastInvoice['commitment']>;
};

const COMMITTED_CODE = { promise: 'PROMISED_TO_PAY', plan: 'PAYMENT_PLAN_INSTALMENT' } as const;

/**
 * A receipt the customer committed to dates (ADR 0030): each promised or instalment part on its
 * own date (moved to a working day), what no commitment covers on the day the behaviour model
 * expects it; the whole at 1 − PD_h × LGD, PD_h to the last part's day. A scenario that moves
 * receipts later moves nothing here: the dates are the customer's word, and a broken word returns
 * the invoice to the model (the commitment is then no longer passed in).
 */
function committedPlan(
  inv: CommittedInvoice,
  risk: ForecastCustomerRisk | undefined,
  params: ScenarioParams,
  ctx: PlanContext,
): ReceiptPlan {
  const entries: { day: number; weight: number; reason: string; data: ReasonData }[] = inv.commitment.map((p) => ({
    day: ctx.roll(epochDayUnchecked(p.on)),
    weight: p.amountMinor,
    reason: COMMITTED_CODE[p.kind],
    data: { on: p.on, [p.kind]: p.id },
  }));
  const committed = inv.commitment.reduce((sum, p) => sum + p.amountMinor, 0);
  if (inv.openMinor !== undefined && committed < inv.openMinor) {
    const { commitment: _, ...rest } = inv;
    const model = planInvoiceReceipt(rest, risk, params, ctx);
    entries.push({ day: model.day, weight: inv.openMinor - committed, reason: model.reason, data: model.data });
  }
  entries.sort((a, b) => a.day - b.day);
  const days = entries.map((e) => e.day);
  const last = days[days.length - 1] as number;
  const pd = scenarioPd(risk, params.pdBand);
  const lgd = risk?.lgd ?? 0;
  const share = riskShare(pd, lgd, last - ctx.asOfDay);
  const first = entries[0] as (typeof entries)[number];
  return {
    day: first.day,
    days,
    share,
    reason: first.reason,
    data: share < 1 ? { ...first.data, pd: pct(pd), lgd: pct(lgd), expectedPct: pct(share) } : first.data,
    lossReason: null,
    committed: {
      weights: entries.map((e) => e.weight),
      reasons: entries.map((e) => ({
        reason: e.reason,
        data: share < 1 ? { ...e.data, pd: pct(pd), lgd: pct(lgd), expectedPct: pct(share) } : e.data,
      })),
    },
  };
}

/**
 * Places every open invoice's receipt for one scenario by its plan (`planInvoiceReceipt`); what a
 * plan does not expect is excluded (with its reason) or counted as the risk adjustment.
 */
export function placeInvoices(
  invoices: readonly ForecastInvoice[],
  risk: ReadonlyMap<string, ForecastCustomerRisk>,
  params: ScenarioParams,
  toBase: BaseConverter,
  sink: FlowSink,
  ctx: PlanContext,
  trace: boolean,
): void {
  for (const inv of invoices) {
    if (inv.openMinor <= 0) continue;
    const src = trace
      ? {
          kind: 'invoice' as const,
          id: inv.id,
          number: inv.number,
          counterparty: inv.customerName,
          currency: inv.currency,
          originalMinor: inv.openMinor,
        }
      : null;
    const amount = toBase.toBase(inv.openMinor, inv.currency);
    if (amount === null) {
      sink.exclude(0, epochDayUnchecked(inv.dueOn), 'FX_RATE_MISSING', src);
      continue;
    }
    const plan = planInvoiceReceipt(inv, risk.get(inv.customerId), params, ctx);
    const amounts = carriedParts(plan, amount);
    let carried = 0;
    for (const part of amounts) carried += part;
    if (plan.committed)
      plan.days.forEach((day, k) => {
        const why = plan.committed?.reasons[k] as PartReason;
        sink.emit(INVOICES, day, amounts[k] as number, why.reason, src, why.data);
      });
    else if (carried > 0 || plan.lossReason === null)
      sink.emitParts(INVOICES, plan.days, amounts, plan.reason, src, plan.data);
    if (amount - carried === 0) continue;
    if (plan.lossReason === null) sink.riskAdjustmentMinor += amount - carried;
    else sink.exclude(amount - carried, plan.day, plan.lossReason, src, plan.data);
  }
}

function placementReason(
  placement: ReceiptPlacement,
  day: number,
  raw: number,
  baseDay: number,
  p: PaymentDateDistribution | null,
): string {
  if (p === null) return placement === 'slip' ? 'DUE_DATE_PLUS_SLIP_NO_HISTORY' : 'DUE_DATE_NO_HISTORY';
  const code = day !== raw && day === baseDay ? PLACEMENT_CODE.p50 : PLACEMENT_CODE[placement];
  if (code === 'PLACED_DUE_DATE') return code;
  return `${code}_${p.basis === 'customer' ? 'CUSTOMER_HISTORY' : 'PORTFOLIO_HISTORY'}`;
}

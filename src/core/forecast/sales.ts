import { roundWith } from '../money/index.js';
import { civilFromDays, daysFromCivil, daysInMonth, epochDayUnchecked } from '../time/index.js';
import { monthIndexOf } from './grid.js';
import { boundReceiptDay, type PlanContext, placementDay, riskShare, scenarioPd } from './receipts.js';
import type { ScenarioParams } from './scenarios.js';
import { type FlowSink, lineIndex } from './sink.js';
import type { CustomerDelay, ForecastCustomerRisk, MonthlySales, SalesAdjustment } from './types.js';

const NEW_SALES = lineIndex('new_sales');

export const monthKey = (idx: number): string => {
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
};

export interface SalesProjection {
  /** Month index (year·12 + month − 1) → expected sales (base minor, base scenario) for the part after asOf. */
  readonly months: ReadonlyMap<number, { amount: number; source: 'plan' | 'history' }>;
  /** Year-on-year growth used (trailing 12 months / the 12 before), 1 without two years of history. */
  readonly growth: number;
}

/**
 * Expected new sales per month after `asOf`: the same calendar month a year earlier (seasonality)
 * × trailing-12-month growth (clamped to 0.5–2), or the user's plan where there is one. The
 * current month counts only its days after `asOf`.
 *
 * @example
 * // sales of 100 in March 2025, trailing year +10% → March 2026 expected 110
 */
export function projectSales(
  history: readonly MonthlySales[],
  plan: readonly MonthlySales[],
  asOfDay: number,
  lastDay: number,
): SalesProjection {
  const byMonth = new Map<string, number>();
  for (const h of history) byMonth.set(h.month, (byMonth.get(h.month) ?? 0) + h.amountMinor);
  const planned = new Map(plan.map((p) => [p.month, p.amountMinor]));
  const current = monthIndexOf(asOfDay);
  const sumOf = (from: number, to: number) => {
    let total = 0;
    let known = 0;
    for (let i = from; i <= to; i++) {
      const v = byMonth.get(monthKey(i));
      if (v !== undefined) {
        total += v;
        known++;
      }
    }
    return { total, known };
  };
  const last12 = sumOf(current - 12, current - 1);
  const prior12 = sumOf(current - 24, current - 13);
  const growth =
    last12.known === 12 && prior12.known === 12 && prior12.total > 0
      ? Math.min(2, Math.max(0.5, last12.total / prior12.total))
      : 1;
  const average = last12.known > 0 ? last12.total / last12.known : 0;
  const months = new Map<number, { amount: number; source: 'plan' | 'history' }>();
  const dayOfMonth = civilFromDays(asOfDay)[2];
  for (let m = current; m <= monthIndexOf(lastDay); m++) {
    const days = daysInMonth(Math.floor(m / 12), (m % 12) + 1);
    const fraction = m === current ? (days - dayOfMonth) / days : 1;
    const plannedAmount = planned.get(monthKey(m));
    if (plannedAmount !== undefined) {
      months.set(m, { amount: plannedAmount * fraction, source: 'plan' });
      continue;
    }
    const years = m - 12 < current ? 1 : 2;
    const same = byMonth.get(monthKey(m - 12 * years));
    months.set(m, { amount: (same === undefined ? average : same * growth ** years) * fraction, source: 'history' });
  }
  return { months, growth };
}

/** Issue days of a month's sales or purchases: tranches around the 4th, 11th, 18th and 25th, after `asOf`. */
export function tranches(monthIdx: number, asOfDay: number): { day: number; weight: number }[] {
  const y = Math.floor(monthIdx / 12);
  const m = (monthIdx % 12) + 1;
  const first = daysFromCivil(y, m, 1);
  const last = daysFromCivil(y, m, daysInMonth(y, m));
  const out: { day: number; weight: number }[] = [];
  const edges = [first, first + 7, first + 14, first + 21, last + 1];
  let total = 0;
  for (let k = 0; k < 4; k++) {
    const from = Math.max(edges[k] as number, asOfDay + 1);
    const to = (edges[k + 1] as number) - 1;
    if (to < from) continue;
    out.push({ day: Math.floor((from + to) / 2), weight: to - from + 1 });
    total += to - from + 1;
  }
  return out.map((t) => ({ day: t.day, weight: t.weight / total }));
}

/**
 * New sales, split by customer share and issue tranche, collected with each customer's delay on a
 * working day and risk-adjusted like an open invoice (DOMAIN 2.5 rule 10). None are expected from
 * a customer whose risk state stops new sales (insolvent, written off, on a hold that stops
 * orders, rule 9): that share is reported as excluded. Every tranche amount is
 * floor(month × salesFactor × share × weight): monotone in salesFactor, so a scenario with a
 * higher factor never receives less from any tranche.
 */
export function placeNewSales(
  projection: SalesProjection,
  customers: readonly CustomerDelay[],
  risk: ReadonlyMap<string, ForecastCustomerRisk>,
  params: ScenarioParams,
  sink: FlowSink,
  ctx: PlanContext,
  currency: string,
  trace: boolean,
  adjustments: readonly SalesAdjustment[] = [],
): void {
  for (const [monthIdx, month] of projection.months) {
    if (month.amount <= 0) continue;
    const factor = params.salesFactor * adjustmentFactor(adjustments, monthKey(monthIdx), 'salesFactor');
    const parts = tranches(monthIdx, sink.grid.asOfDay);
    for (const c of customers) {
      if (c.salesShare <= 0) continue;
      const r = risk.get(c.customerId);
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k] as { day: number; weight: number };
        const amount = roundWith(month.amount * factor * c.salesShare * part.weight, 'floor');
        if (amount <= 0) continue;
        const dueDay = part.day + c.termsDays;
        const q = c.delayDays && {
          p10: dueDay + c.delayDays.p10,
          p50: dueDay + c.delayDays.p50,
          p90: dueDay + c.delayDays.p90,
        };
        const baseDay = Math.round(placementDay('p50', dueDay, q, params.slipMinDays));
        const day = ctx.roll(
          Math.round(
            boundReceiptDay(
              placementDay(params.receiptPlacement, dueDay, q, params.slipMinDays),
              baseDay,
              params.bound,
            ),
          ),
        );
        const src = trace
          ? {
              kind: 'sales' as const,
              id: `sales:${c.customerId}:${monthKey(monthIdx)}:${k + 1}`,
              number: `${monthKey(monthIdx)}#${k + 1}`,
              counterparty: c.name,
              currency,
              originalMinor: amount,
            }
          : null;
        if (r !== undefined && !r.newSales) {
          sink.exclude(amount, day, 'NEW_SALES_STOPPED', src, { status: r.status });
          continue;
        }
        if (r?.defaultOn !== undefined && day >= epochDayUnchecked(r.defaultOn)) {
          sink.exclude(amount, day, 'CUSTOMER_DEFAULT_LOSS', src, { on: r.defaultOn });
          continue;
        }
        const share = riskShare(scenarioPd(r, params.pdBand), r?.lgd ?? 0, day - ctx.asOfDay);
        const carried = roundWith(amount * share, 'halfEven');
        sink.riskAdjustmentMinor += amount - carried;
        sink.emit(NEW_SALES, day, carried, month.source === 'plan' ? 'NEW_SALES_PLAN' : 'NEW_SALES_HISTORY', src);
      }
    }
  }
}

/**
 * The product of the adjustments' factors that apply to `month` ('YYYY-MM'): 1 without any.
 *
 * @example adjustmentFactor([{ fromMonth: '2027-02', salesFactor: 0.8, purchasesFactor: 0.8 }], '2027-03', 'salesFactor') // 0.8
 */
export function adjustmentFactor(
  adjustments: readonly SalesAdjustment[],
  month: string,
  which: 'salesFactor' | 'purchasesFactor',
): number {
  let f = 1;
  for (const a of adjustments) if (month >= a.fromMonth) f *= a[which];
  return f;
}

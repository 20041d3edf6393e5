import {
  BASE_SCENARIO,
  BaseConverter,
  type ForecastResult,
  planInvoiceReceipt,
  receiptDayRoller,
  runForecastEngine,
} from '../../forecast/index.js';
import { normalQuantile } from '../../receivables/index.js';
import { fail, ok, type Result } from '../../shared/index.js';
import { epochDayUnchecked, toEpochDay } from '../../time/index.js';
import type { StressInput } from '../types.js';
import { baselAssetCorrelation } from './correlation.js';

/** Never paid within any horizon (an invoice older than every delay its customer ever showed). */
export const NEVER = 2_000_000_000;

/**
 * Everything one Monte Carlo path reads, in flat typed arrays (no objects in the hot loop): the
 * base forecast's flows that stay fixed, each open invoice, each customer's default threshold and
 * delay history, and its expected new-sales receipts per period. Built once, shared by workers
 * (structured clone of typed arrays).
 */
export interface MonteCarloModel {
  readonly periods: number;
  /** Period i is [starts[i], starts[i+1]) in epoch days; the first period also holds every earlier day. */
  readonly starts: Int32Array;
  readonly asOfDay: number;
  /** Period of each day from asOfDay (after rolling to a working day), −1 beyond the horizon. */
  readonly dayPeriod: Int16Array;
  readonly openingMinor: number;
  readonly bufferMinor: number;
  /** Base net flow per period without open-invoice and new-sales receipts (those are simulated). */
  readonly fixedNet: Float64Array;
  readonly customerIds: readonly string[];
  readonly customerNames: readonly string[];
  /** Per customer: Φ⁻¹(PD over the horizon), √ρ, √(1−ρ), insured share. */
  readonly threshold: Float64Array;
  readonly sqrtRho: Float64Array;
  readonly sqrtOneMinusRho: Float64Array;
  readonly insured: Float64Array;
  /** Per customer: its own delays (days after due), ascending, at delays[offsets[c]..offsets[c+1]). */
  readonly delayOffsets: Int32Array;
  readonly delays: Int32Array;
  /** The portfolio's delays, ascending (the pool a thin history is shrunk to). */
  readonly portfolioDelays: Int32Array;
  /** Per customer: n / (n + k), the chance a draw comes from its own history (DOMAIN 2.2, k = 5). */
  readonly ownWeight: Float64Array;
  /** Open invoices: customer, due day, base amount, days already overdue, and a fixed day for doubtful ones. */
  readonly invCustomer: Int32Array;
  readonly invDue: Int32Array;
  readonly invAmount: Float64Array;
  readonly invOverdue: Int32Array;
  /** −1: timing simulated; else the day the forecast places this doubtful item, at `invFixedShare`. */
  readonly invFixedDay: Int32Array;
  readonly invFixedShare: Float64Array;
  /** Expected new-sales receipts per customer and period (C × periods), before credit risk. */
  readonly sales: Float64Array;
  /** σ of the sales level over the horizon (lognormal, from monthly history: `salesVolatility`). */
  readonly salesVolatility: number;
  /** Foreign currencies of open invoices; each invoice's index into them (−1: base currency). */
  readonly currencies: readonly string[];
  readonly invCurrency: Int32Array;
  /** σ of each currency's rate over the horizon (lognormal; monthly σ × √months). */
  readonly fxVolatility: Float64Array;
  readonly recoveryShare: number;
  readonly recoveryLagDays: number;
  readonly indemnityLagDays: number;
}

/** Delay history of each customer (days from due to payment, paid invoices), as the app reads it from the ledger. */
export interface DelayHistory {
  readonly byCustomer: ReadonlyMap<string, readonly number[]>;
}

export interface MonteCarloOptions {
  /** A user-set asset correlation for every buyer; Basel's corporate R(PD) when absent (DOMAIN 3.4). */
  readonly rho?: number;
  /** Shrinkage constant towards the portfolio (DOMAIN 2.2: k = 5). */
  readonly shrinkK?: number;
  /** Monthly volatility of each foreign currency against the base (`fxMonthlyVolatility`); 0 when absent. */
  readonly fxMonthlyVolatility?: ReadonlyMap<string, number>;
}

/**
 * σ of the sales level over the horizon (lognormal): the spread of year-on-year log growth across
 * the months that have a month a year earlier (seasonality cancels out); with less than 13 months
 * of history, the spread of month-on-month log changes. 0 with too little history.
 *
 * @example salesVolatility(24 months growing 10 % a year, ±5 % noise) // ≈ 0.07
 */
export function salesVolatility(history: readonly { month: string; amountMinor: number }[]): number {
  const byMonth = new Map(history.filter((m) => m.amountMinor > 0).map((m) => [m.month, m.amountMinor]));
  const months = [...byMonth.keys()].sort();
  const lastYear = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  let logs = months
    .filter((m) => byMonth.has(lastYear(m)))
    .map((m) => Math.log((byMonth.get(m) as number) / (byMonth.get(lastYear(m)) as number)));
  if (logs.length < 3)
    logs = months
      .slice(1)
      .map((m, i) => Math.log((byMonth.get(m) as number) / (byMonth.get(months[i] as string) as number)));
  if (logs.length < 2) return 0;
  const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
  return Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1));
}

/** The customer of a new-sales source id, 'sales:<customer id>:<YYYY-MM>:<tranche>' (ids may hold colons). */
export function salesCustomerOf(sourceId: string): string {
  const tranche = sourceId.lastIndexOf(':');
  const month = sourceId.lastIndexOf(':', tranche - 1);
  return sourceId.slice('sales:'.length, month);
}

function salesByCustomer(result: ForecastResult, index: ReadonlyMap<string, number>, periods: number): Float64Array {
  const out = new Float64Array(index.size * periods);
  const s = result.scenarios[0];
  s?.periods.forEach((p, w) => {
    for (const line of p.lines) {
      if (line.key !== 'new_sales') continue;
      for (const src of line.sources) {
        const c = index.get(salesCustomerOf(src.id));
        if (c !== undefined) out[c * periods + w] = (out[c * periods + w] as number) + src.originalMinor;
      }
    }
  });
  return out;
}

function fixedNetOf(result: ForecastResult): Float64Array {
  const s = result.scenarios[0];
  const out = new Float64Array(s?.periods.length ?? 0);
  s?.periods.forEach((p, w) => {
    let simulated = 0;
    for (const l of p.lines) if (l.key === 'invoices' || l.key === 'new_sales') simulated += l.totalMinor;
    out[w] = p.receiptsMinor - p.disbursementsMinor - simulated;
  });
  return out;
}

/**
 * Builds the Monte Carlo model of one horizon from the stress input (the forecast the product
 * shows) and the customers' delay histories. The fixed flows are the base forecast's own.
 *
 * @example
 * const m = buildMonteCarloModel(stress, { byCustomer: new Map([['C1', [0, 5, 12]]]) });
 */
export function buildMonteCarloModel(
  stress: StressInput,
  history: DelayHistory,
  options: MonteCarloOptions = {},
): Result<MonteCarloModel> {
  const input = stress.forecast;
  const r = runForecastEngine({ ...input, trace: true }, [{ name: 'base', params: BASE_SCENARIO }]);
  if (!r.ok) return r;
  const base = r.value.scenarios[0];
  if (!base) return fail('INVALID_ARGUMENT', { field: 'scenario' });
  const periods = base.periods.length;
  const starts = new Int32Array(periods + 1);
  base.periods.forEach((p, i) => {
    starts[i] = toEpochDay(p.startOn);
  });
  starts[periods] = toEpochDay((base.periods[periods - 1] as { endOn: string }).endOn) + 1;
  const asOfDay = toEpochDay(input.asOf);
  const roll = receiptDayRoller(input.calendar, asOfDay);
  const span = (starts[periods] as number) - asOfDay;
  const dayPeriod = new Int16Array(span + 14).fill(-1);
  for (let d = 0; d < dayPeriod.length; d++) {
    const day = roll(asOfDay + d);
    let w = -1;
    for (let i = 0; i < periods; i++) if (day >= (starts[i] as number) && day < (starts[i + 1] as number)) w = i;
    dayPeriod[d] = w;
  }
  // Customers: every one with an open invoice, a risk state or expected sales.
  const ids = new Set<string>([
    ...stress.customers.map((c) => c.customerId),
    ...input.customers.map((c) => c.customerId),
  ]);
  for (const inv of input.invoices) ids.add(inv.customerId);
  const customerIds = [...ids].sort();
  const index = new Map(customerIds.map((id, i) => [id, i]));
  const names = new Map<string, string>();
  for (const c of stress.customers) names.set(c.customerId, c.name);
  for (const c of input.customers) names.set(c.customerId, c.name);
  const C = customerIds.length;
  const horizonDays = Math.max(1, (starts[periods] as number) - asOfDay);
  const threshold = new Float64Array(C);
  const sqrtRho = new Float64Array(C);
  const sqrtOneMinusRho = new Float64Array(C);
  const insured = new Float64Array(C);
  const byStress = new Map(stress.customers.map((c) => [c.customerId, c]));
  customerIds.forEach((id, c) => {
    const risk = input.risk.get(id);
    // Customers already in insolvency are in the forecast's recovery treatment: no second default.
    const pd = risk === undefined || risk.recovery !== null ? 0 : risk.pd;
    const pdH = pd >= 1 ? 1 : 1 - (1 - pd) ** (horizonDays / 365);
    const rho = options.rho ?? baselAssetCorrelation(pd);
    threshold[c] = pdH <= 0 ? Number.NEGATIVE_INFINITY : normalQuantile(pdH);
    sqrtRho[c] = Math.sqrt(rho);
    sqrtOneMinusRho[c] = Math.sqrt(1 - rho);
    insured[c] = byStress.get(id)?.insuredShare ?? 0;
  });
  const k = options.shrinkK ?? 5;
  const delayOffsets = new Int32Array(C + 1);
  const own: number[][] = customerIds.map((id) => [...(history.byCustomer.get(id) ?? [])].sort((a, b) => a - b));
  own.forEach((d, c) => {
    delayOffsets[c + 1] = (delayOffsets[c] as number) + d.length;
  });
  const delays = Int32Array.from(own.flat());
  const portfolioDelays = Int32Array.from([...delays].sort((a, b) => a - b));
  const ownWeight = Float64Array.from(own.map((d) => d.length / (d.length + k)));
  const toBase = new BaseConverter(input.fx, input.baseCurrency, input.asOf, 0);
  const ctx = { asOfDay, doubtfulOverdueDays: input.settings.doubtfulOverdueDays, roll };
  const invs = input.invoices.filter((i) => i.openMinor > 0 && toBase.toBase(i.openMinor, i.currency) !== null);
  const n = invs.length;
  const invCustomer = new Int32Array(n);
  const invDue = new Int32Array(n);
  const invAmount = new Float64Array(n);
  const invOverdue = new Int32Array(n);
  const invFixedDay = new Int32Array(n).fill(-1);
  const invFixedShare = new Float64Array(n);
  const currencies = [...new Set(invs.map((i) => i.currency).filter((c) => c !== input.baseCurrency))].sort();
  const currencyIndex = new Map(currencies.map((c, k) => [c, k]));
  const invCurrency = Int32Array.from(invs, (inv) => currencyIndex.get(inv.currency) ?? -1);
  const horizonMonths = Math.max(1, horizonDays / 30.44);
  const fxVolatility = Float64Array.from(
    currencies,
    (c) => (options.fxMonthlyVolatility?.get(c) ?? 0) * Math.sqrt(horizonMonths),
  );
  invs.forEach((inv, i) => {
    const due = epochDayUnchecked(inv.dueOn);
    invCustomer[i] = index.get(inv.customerId) as number;
    invDue[i] = due;
    invAmount[i] = toBase.toBase(inv.openMinor, inv.currency) as number;
    invOverdue[i] = Math.max(0, asOfDay - due);
    const risk = input.risk.get(inv.customerId);
    const isDoubtful = inv.isDisputed || asOfDay - due > ctx.doubtfulOverdueDays || risk?.recovery != null;
    if (isDoubtful) {
      const plan = planInvoiceReceipt(inv, risk, { ...BASE_SCENARIO, pdBand: 'none' }, ctx);
      invFixedDay[i] = plan.day;
      invFixedShare[i] = plan.share;
    }
  });
  return ok({
    periods,
    starts,
    asOfDay,
    dayPeriod,
    openingMinor: r.value.opening.totalMinor,
    bufferMinor: r.value.bufferMinor,
    fixedNet: fixedNetOf(r.value),
    customerIds,
    customerNames: customerIds.map((id) => names.get(id) ?? id),
    threshold,
    sqrtRho,
    sqrtOneMinusRho,
    insured,
    delayOffsets,
    delays,
    portfolioDelays,
    ownWeight,
    invCustomer,
    invDue,
    invAmount,
    invOverdue,
    invFixedDay,
    invFixedShare,
    sales: salesByCustomer(r.value, index, periods),
    salesVolatility: salesVolatility(input.salesHistory),
    currencies,
    invCurrency,
    fxVolatility,
    recoveryShare: stress.settings.recoveryShare,
    recoveryLagDays: stress.settings.recoveryLagDays,
    indemnityLagDays: stress.settings.indemnityLagDays,
  });
}

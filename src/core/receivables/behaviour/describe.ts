import { fromEpochDay, type LocalDate } from '../../time/index.js';
import type { PaymentBehaviour } from './build.js';
import { weightedDbt } from './dbt.js';
import { quantileSorted } from './numeric.js';

/** Trend: recent wDBT against the window before it; positive change = paying later. */
export interface BehaviourTrend {
  readonly recentDbt: number | null;
  readonly recentCount: number;
  readonly priorDbt: number | null;
  readonly priorCount: number;
  readonly change: number | null;
}

/** A customer's payment behaviour as of the model date, with the data to explain it. */
export interface CustomerBehaviour {
  readonly customerId: string;
  readonly asOf: LocalDate;
  /** Settled invoices in the lookback window. */
  readonly count: number;
  /** Amount-weighted days beyond terms over `dbtWindowDays` (null without invoices there). */
  readonly weightedDbt: number | null;
  readonly dbtCount: number;
  /** DOMAIN 2.2: (n·wDBT + k·portfolio wDBT)/(n + k); the portfolio's value without history. */
  readonly shrunkWeightedDbt: number | null;
  readonly shrinkageWeight: number;
  readonly shrinkageK: number;
  readonly portfolioWeightedDbt: number | null;
  /** Delay (days vs due) distribution over the lookback window; null without history. */
  readonly delay: {
    readonly p10: number;
    readonly median: number;
    readonly p90: number;
    readonly spread: number;
  } | null;
  /** Share of invoices settled on or before the due date. */
  readonly onTimeShare: number | null;
  readonly trend: BehaviourTrend;
  readonly lastSettledOn: LocalDate | null;
}

/**
 * Summarises one customer for the scorecard (wDBT, trend) and the UI.
 *
 * @example
 * const b = describeCustomerBehaviour(model, 'C1');
 * b.shrunkWeightedDbt; // e.g. 4.2 days beyond terms
 */
export function describeCustomerBehaviour(model: PaymentBehaviour, customerId: string): CustomerBehaviour {
  const { columns: cols, history, settings, asOfDay } = model;
  const c = cols.customerIndex.get(customerId);
  const start = c === undefined ? 0 : (history.offsets[c] ?? 0);
  const end = c === undefined ? 0 : (history.offsets[c + 1] ?? 0);
  const delays = new Float64Array(end - start);
  let onTime = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = start; i < end; i++) {
    const r = history.rows[i] ?? 0;
    const d = (cols.settled[r] ?? 0) - (cols.due[r] ?? 0);
    delays[i - start] = d;
    if (d <= 0) onTime++;
    last = Math.max(last, cols.settled[r] ?? 0);
  }
  delays.sort();
  const dbt = weightedDbt(cols, history.rows, start, end, asOfDay - settings.dbtWindowDays, asOfDay);
  const portfolioDbt = model.portfolio.weightedDbt.value;
  const k = settings.shrinkageK;
  const weight = dbt.value === null ? 0 : dbt.count / (dbt.count + k);
  const shrunk = portfolioDbt === null ? dbt.value : weight * (dbt.value ?? 0) + (1 - weight) * portfolioDbt;
  return {
    customerId,
    asOf: model.asOf,
    count: end - start,
    weightedDbt: dbt.value,
    dbtCount: dbt.count,
    shrunkWeightedDbt: shrunk,
    shrinkageWeight: weight,
    shrinkageK: k,
    portfolioWeightedDbt: portfolioDbt,
    delay: delays.length === 0 ? null : summariseDelays(delays, settings.lowerQuantile, settings.upperQuantile),
    onTimeShare: delays.length === 0 ? null : onTime / delays.length,
    trend: computeTrend(model, start, end),
    lastSettledOn: delays.length === 0 ? null : fromEpochDay(last),
  };
}

function summariseDelays(sorted: Float64Array, lo: number, hi: number): NonNullable<CustomerBehaviour['delay']> {
  const p10 = quantileSorted(sorted, lo);
  const p90 = quantileSorted(sorted, hi);
  return { p10, median: quantileSorted(sorted, 0.5), p90, spread: p90 - p10 };
}

function computeTrend(model: PaymentBehaviour, start: number, end: number): BehaviourTrend {
  const { columns: cols, history, settings, asOfDay } = model;
  const split = asOfDay - settings.trendRecentDays;
  const recent = weightedDbt(cols, history.rows, start, end, split, asOfDay);
  const prior = weightedDbt(cols, history.rows, start, end, split - settings.trendPriorDays, split);
  const change = recent.value === null || prior.value === null ? null : recent.value - prior.value;
  return {
    recentDbt: recent.value,
    recentCount: recent.count,
    priorDbt: prior.value,
    priorCount: prior.count,
    change,
  };
}

import { epochDayUnchecked, type LocalDate } from '../../time/index.js';
import type { PaymentColumns } from './columns.js';
import { type WeightedDbt, weightedDbt } from './dbt.js';
import { estimateFeatureEffects } from './effects.js';
import { countLongOverdue, type SettledHistory, selectSettledHistory } from './history.js';
import { type CustomerLocations, computeCustomerLocations } from './locations.js';
import { sortSegment, weightedTrimmedMeanSorted } from './numeric.js';
import { type BehaviourSettings, resolveBehaviourSettings } from './settings.js';

/** What the whole portfolio's history says; the prior for thin or missing customer history. */
export interface PortfolioBehaviour {
  readonly invoices: number;
  readonly customers: number;
  /**
   * Adjusted-delay location of a customer with no history: trimmed mean of mature invoices'
   * customer locations, shrunk toward 0 (the due date) by `priorInvoicesAtDueDate`.
   */
  readonly location: number;
  /** Pooled within-customer residual standard deviation (days). */
  readonly spread: number;
  /** Variance of true customer locations (τ², empirical Bayes). */
  readonly betweenVariance: number;
  /** k used to shrink predicted locations: n/(n+k) on the customer's own history. */
  readonly predictionShrinkageK: number;
  /** Share of history (settled, or open at asOf) more than `longOverdueDays` past due. */
  readonly longOverdueRate: number;
  /** Amount-weighted DBT of all customers over `dbtWindowDays` (the wDBT shrinkage target). */
  readonly weightedDbt: WeightedDbt;
}

/** A payment-behaviour model as of one date. Read it with `predictSettlement` and `describeCustomerBehaviour`. */
export interface PaymentBehaviour {
  readonly asOf: LocalDate;
  readonly asOfDay: number;
  readonly settings: BehaviourSettings;
  readonly columns: PaymentColumns;
  readonly history: SettledHistory;
  /** Days of delay per unit of each feature, in `settings.features` order. */
  readonly effects: Float64Array;
  readonly customers: CustomerLocations;
  /** Per customer: history invoices settled more than `longOverdueDays` late, plus open ones past that. */
  readonly longOverdue: Int32Array;
  readonly openLongOverdue: Int32Array;
  readonly portfolio: PortfolioBehaviour;
}

/**
 * Learns payment behaviour from invoices settled on or before `asOf` (nothing later is read).
 *
 * @example
 * const model = buildPaymentBehaviour(toPaymentColumns(records), '2025-06-30');
 * predictSettlement(model, openInvoice).daysToSettle.p50;
 */
export function buildPaymentBehaviour(
  columns: PaymentColumns,
  asOf: LocalDate,
  overrides: Partial<BehaviourSettings> = {},
): PaymentBehaviour {
  const settings = resolveBehaviourSettings(overrides);
  const asOfDay = epochDayUnchecked(asOf);
  const history = selectSettledHistory(columns, asOfDay, settings.lookbackDays);
  const effects = estimateFeatureEffects(columns, history, settings.features, settings.effectsRidge);
  const customers = computeCustomerLocations(columns, history, effects, asOfDay, settings);
  const late = countLongOverdue(columns, history, settings.longOverdueDays);
  const openLongOverdue = late.open;
  const longOverdue = late.settled.map((n, c) => n + (openLongOverdue[c] as number));
  const portfolio = {
    ...summarisePortfolio(history, customers, longOverdue, openLongOverdue, settings),
    // Every row of the columns, as their history rows would be, in the window both allow.
    weightedDbt: weightedDbt(
      columns,
      null,
      0,
      columns.length,
      Math.max(asOfDay - settings.dbtWindowDays, history.fromDay),
      asOfDay,
    ),
  };
  return { asOf, asOfDay, settings, columns, history, effects, customers, longOverdue, openLongOverdue, portfolio };
}

function summarisePortfolio(
  history: SettledHistory,
  customers: CustomerLocations,
  longOverdue: Int32Array,
  openLongOverdue: Int32Array,
  settings: BehaviourSettings,
): Omit<PortfolioBehaviour, 'weightedDbt'> {
  const all = collectLocations(customers.location, history, null);
  const mature = collectLocations(customers.matureLocation, history, customers.matureCount);
  const centre = trimmedMeanOf(all, settings.trimFraction);
  // Prior for a customer without history: mature invoices, pulled toward the due date when few.
  const matureInvoices = mature.weights.reduce((s, w) => s + w, 0);
  const location =
    (matureInvoices * trimmedMeanOf(mature, settings.trimFraction)) /
    (matureInvoices + settings.priorInvoicesAtDueDate);
  const variance =
    customers.residualDegrees > 0
      ? customers.residualSumSquares / customers.residualDegrees
      : settings.defaultSpreadDays ** 2;
  const betweenVariance = estimateBetweenVariance(all.values, all.weights, centre, variance);
  const invoices = history.rows.length;
  let overdue = 0;
  let open = 0;
  for (let c = 0; c < longOverdue.length; c++) {
    overdue += longOverdue[c] ?? 0;
    open += openLongOverdue[c] ?? 0;
  }
  return {
    invoices,
    customers: all.values.length,
    location,
    spread: Math.sqrt(variance),
    betweenVariance,
    predictionShrinkageK: chooseShrinkageK(variance, betweenVariance, all.values.length, settings),
    longOverdueRate: (overdue + 0.5) / (invoices + open + 1),
  };
}

interface WeightedValues {
  readonly values: number[];
  readonly weights: number[];
}

/** Customer locations that exist, weighted by their invoice counts (`counts`, or history size). */
function collectLocations(locations: Float64Array, history: SettledHistory, counts: Int32Array | null): WeightedValues {
  const values: number[] = [];
  const weights: number[] = [];
  for (let c = 0; c < locations.length; c++) {
    const n = counts ? (counts[c] ?? 0) : (history.offsets[c + 1] ?? 0) - (history.offsets[c] ?? 0);
    if (n > 0 && !Number.isNaN(locations[c] ?? Number.NaN)) {
      values.push(locations[c] ?? 0);
      weights.push(n);
    }
  }
  return { values, weights };
}

function trimmedMeanOf({ values, weights }: WeightedValues, trim: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values);
  const sortedWeights = Float64Array.from(weights);
  sortSegment(sorted, sortedWeights, new Uint8Array(values.length), 0, values.length);
  return weightedTrimmedMeanSorted(sorted, sortedWeights, 0, values.length, trim, null);
}

/** τ² = mean over customers of (m_c − m)² − σ²/n_c, floored at 0 (method of moments). */
function estimateBetweenVariance(values: number[], counts: number[], location: number, variance: number): number {
  if (values.length < 2) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += ((values[i] ?? 0) - location) ** 2 - variance / (counts[i] ?? 1);
  return Math.max(0, sum / values.length);
}

function chooseShrinkageK(variance: number, between: number, customers: number, s: BehaviourSettings): number {
  if (s.predictionShrinkage !== 'empirical') return s.predictionShrinkage;
  // Fewer than 5 customers say little about τ²: fall back to the DOMAIN default k.
  if (customers < 5) return s.shrinkageK;
  const k = between > 0 ? variance / between : s.maxShrinkageK;
  return Math.min(s.maxShrinkageK, Math.max(s.minShrinkageK, k));
}

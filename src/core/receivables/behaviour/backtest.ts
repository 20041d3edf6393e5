import { fromEpochDay, type LocalDate } from '../../time/index.js';
import { buildPaymentBehaviour } from './build.js';
import { type PaymentColumns, type PaymentRecord, toPaymentColumns } from './columns.js';
import { type MethodScore, scorePredictions } from './metrics.js';
import { predictSettlement } from './predict.js';
import type { BehaviourSettings } from './settings.js';

/** A settled invoice of a payment history, as the back-test replays it. */
export interface BacktestInvoice extends PaymentRecord {
  readonly invoiceNumber: string;
  readonly settledOn: LocalDate;
}

/** One invoice's predictions (days to settle from issue), made at its issue date. */
export interface BacktestPrediction {
  readonly invoiceNumber: string;
  readonly customerId: string;
  readonly predicted: number;
  readonly p10: number;
  readonly p90: number;
  readonly actual: number;
  readonly dueDateBaseline: number;
  readonly customerMeanBaseline: number;
  /** The customer's settled invoices the model had at issue (0 = portfolio prior only). */
  readonly historyCount: number;
}

export interface CollectionsBacktestReport {
  readonly invoices: number;
  readonly customers: number;
  readonly firstIssuedOn: LocalDate | null;
  readonly lastIssuedOn: LocalDate | null;
  /** The behaviour model first, then the baselines 'due-date' and 'customer-mean-so-far'. */
  readonly methods: readonly MethodScore[];
  /** In input order. */
  readonly predictions: readonly BacktestPrediction[];
}

/**
 * Walks forward through issue dates. Each invoice is predicted by a model built as of the day
 * before its issue date, so only invoices settled strictly before it are read; its own settled
 * date is used only to score. Baselines see exactly the same information.
 *
 * @example
 * const report = runCollectionsBacktest(invoices);
 * report.methods[0].mae; // behaviour model MAE in days
 */
export function runCollectionsBacktest(
  invoices: readonly BacktestInvoice[],
  settings: Partial<BehaviourSettings> = {},
): CollectionsBacktestReport {
  const cols = toPaymentColumns(invoices);
  const n = invoices.length;
  const byIssue = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (cols.issued[a] ?? 0) - (cols.issued[b] ?? 0),
  );
  const predicted = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const historyCount = new Int32Array(n);
  const meanSoFar = customerMeanSoFar(cols, byIssue);
  for (let g = 0; g < n; ) {
    const day = cols.issued[byIssue[g] ?? 0] ?? 0;
    const model = buildPaymentBehaviour(cols, fromEpochDay(day - 1), settings);
    for (; g < n && cols.issued[byIssue[g] ?? 0] === day; g++) {
      const i = byIssue[g] ?? 0;
      const p = predictSettlement(model, invoices[i] as BacktestInvoice);
      predicted[i] = p.daysToSettle.p50;
      lower[i] = p.daysToSettle.p10;
      upper[i] = p.daysToSettle.p90;
      historyCount[i] = p.reasons.historyCount;
    }
  }
  const actual = Float64Array.from({ length: n }, (_, i) => (cols.settled[i] ?? 0) - (cols.issued[i] ?? 0));
  const terms = Float64Array.from({ length: n }, (_, i) => (cols.due[i] ?? 0) - (cols.issued[i] ?? 0));
  const first = byIssue[0];
  const last = byIssue[n - 1];
  return {
    invoices: n,
    customers: cols.customerIds.length,
    firstIssuedOn: first === undefined ? null : fromEpochDay(cols.issued[first] ?? 0),
    lastIssuedOn: last === undefined ? null : fromEpochDay(cols.issued[last] ?? 0),
    methods: [
      scorePredictions('behaviour-model', predicted, actual, { lower, upper }),
      scorePredictions('due-date', terms, actual),
      scorePredictions('customer-mean-so-far', meanSoFar, actual),
    ],
    predictions: invoices.map((inv, i) => ({
      invoiceNumber: inv.invoiceNumber,
      customerId: inv.customerId,
      predicted: predicted[i] ?? 0,
      p10: lower[i] ?? 0,
      p90: upper[i] ?? 0,
      actual: actual[i] ?? 0,
      dueDateBaseline: terms[i] ?? 0,
      customerMeanBaseline: meanSoFar[i] ?? 0,
      historyCount: historyCount[i] ?? 0,
    })),
  };
}

/**
 * Baseline: mean days-to-settle of the customer's invoices settled before the issue date, else
 * the mean of all invoices settled before it, else the invoice's terms.
 */
export function customerMeanSoFar(cols: PaymentColumns, byIssue: Int32Array): Float64Array {
  const n = cols.length;
  const bySettle = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (cols.settled[a] ?? 0) - (cols.settled[b] ?? 0),
  );
  const sum = new Float64Array(cols.customerIds.length);
  const count = new Int32Array(cols.customerIds.length);
  let totalSum = 0;
  let totalCount = 0;
  let next = 0;
  const out = new Float64Array(n);
  for (const i of byIssue) {
    const issued = cols.issued[i] ?? 0;
    for (; next < n && (cols.settled[bySettle[next] ?? 0] ?? 0) < issued; next++) {
      const r = bySettle[next] ?? 0;
      const dts = (cols.settled[r] ?? 0) - (cols.issued[r] ?? 0);
      const c = cols.customer[r] ?? 0;
      sum[c] = (sum[c] ?? 0) + dts;
      count[c] = (count[c] ?? 0) + 1;
      totalSum += dts;
      totalCount++;
    }
    const c = cols.customer[i] ?? 0;
    const own = count[c] ?? 0;
    out[i] = own > 0 ? (sum[c] ?? 0) / own : totalCount > 0 ? totalSum / totalCount : (cols.due[i] ?? 0) - issued;
  }
  return out;
}

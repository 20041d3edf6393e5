import { fromEpochDay, type LocalDate } from '../../time/index.js';
import { type BlockResults, createScratch, simulatePath } from './kernel.js';
import type { MonteCarloModel } from './model.js';

export const FAN_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface MonteCarloPeriod {
  readonly index: number;
  readonly startOn: LocalDate;
  readonly endOn: LocalDate;
  /** P(closing cash < 0) and P(closing cash < buffer). */
  readonly pNegative: number;
  readonly pBelowBuffer: number;
  /** Closing cash at the fan quantiles 5 / 25 / 50 / 75 / 95 %. */
  readonly quantilesMinor: readonly number[];
  /** Mean closing cash of the worst 5 % of paths (expected shortfall's level). */
  readonly expectedShortfallMinor: number;
}

export interface TailCustomer {
  readonly customerId: string;
  readonly name: string;
  /** Receipts expected from it (mean over all paths) less its receipts in the worst 5 % of paths. */
  readonly tailShortfallMinor: number;
  /** Its share of the customers' total tail shortfall. */
  readonly share: number;
}

export interface MonteCarloSummary {
  readonly paths: number;
  readonly seed: number;
  readonly bufferMinor: number;
  readonly periods: readonly MonteCarloPeriod[];
  /** Liquidity at risk (DOMAIN 3.3): P(min cash < 0), P(min cash < buffer), the 5 % quantile of minimum cash. */
  readonly pMinNegative: number;
  readonly pMinBelowBuffer: number;
  readonly minCash5Minor: number;
  /** CFaR 95 %: E[CF_H] − q5 %(CF_H), CF_H the net cash flow over the horizon. */
  readonly cfar95Minor: number;
  readonly expectedNetFlowMinor: number;
  readonly tailCustomers: readonly TailCustomer[];
}

/** Type-7 quantile of an ascending array. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const lo = sorted[i] as number;
  const hi = sorted[Math.min(i + 1, sorted.length - 1)] as number;
  return lo + (h - i) * (hi - lo);
}

const round = (x: number): number => Math.round(x);

/**
 * The statistics of a run from its blocks (any order; they are put in path order): per period the
 * probabilities and fan quantiles, liquidity at risk, CFaR 95 %, and the customers behind the tail
 * (the worst 5 % of paths by net flow, re-simulated from their seeds).
 */
export function summarise(
  m: MonteCarloModel,
  seed: number,
  paths: number,
  blocks: readonly BlockResults[],
  topCustomers = 10,
): MonteCarloSummary {
  const W = m.periods;
  const C = m.customerIds.length;
  const closings = new Float64Array(paths * W);
  const receivedSum = new Float64Array(C);
  for (const b of [...blocks].sort((x, y) => x.fromPath - y.fromPath)) {
    closings.set(b.closings, b.fromPath * W);
    for (let k = 0; k < b.receivedByBlock.length; k++) {
      const c = k % C;
      receivedSum[c] = (receivedSum[c] as number) + (b.receivedByBlock[k] as number);
    }
  }
  const column = new Float64Array(paths);
  const periods: MonteCarloPeriod[] = [];
  const tailCount = Math.max(1, Math.ceil(paths * 0.05));
  for (let w = 0; w < W; w++) {
    let negative = 0;
    let below = 0;
    for (let p = 0; p < paths; p++) {
      const v = closings[p * W + w] as number;
      column[p] = v;
      if (v < 0) negative++;
      if (v < m.bufferMinor) below++;
    }
    column.sort();
    let tail = 0;
    for (let p = 0; p < tailCount; p++) tail += column[p] as number;
    periods.push({
      index: w,
      startOn: fromEpochDay(m.starts[w] as number),
      endOn: fromEpochDay((m.starts[w + 1] as number) - 1),
      pNegative: negative / paths,
      pBelowBuffer: below / paths,
      quantilesMinor: FAN_QUANTILES.map((q) => round(quantile(column, q))),
      expectedShortfallMinor: round(tail / tailCount),
    });
  }
  const mins = new Float64Array(paths);
  const flows = new Float64Array(paths);
  let minNegative = 0;
  let minBelow = 0;
  let flowSum = 0;
  for (let p = 0; p < paths; p++) {
    let min = Number.POSITIVE_INFINITY;
    for (let w = 0; w < W; w++) min = Math.min(min, closings[p * W + w] as number);
    mins[p] = min;
    if (min < 0) minNegative++;
    if (min < m.bufferMinor) minBelow++;
    flows[p] = (closings[p * W + W - 1] as number) - m.openingMinor;
    flowSum += flows[p] as number;
  }
  const order = Array.from({ length: paths }, (_, p) => p).sort(
    (a, b) => (flows[a] as number) - (flows[b] as number) || a - b,
  );
  const sortedFlows = Float64Array.from(order, (p) => flows[p] as number);
  mins.sort();
  const meanFlow = flowSum / paths;
  return {
    paths,
    seed,
    bufferMinor: m.bufferMinor,
    periods,
    pMinNegative: minNegative / paths,
    pMinBelowBuffer: minBelow / paths,
    minCash5Minor: round(quantile(mins, 0.05)),
    cfar95Minor: round(meanFlow - quantile(sortedFlows, 0.05)),
    expectedNetFlowMinor: round(meanFlow),
    tailCustomers: tailContributions(m, seed, order.slice(0, tailCount), receivedSum, paths, topCustomers),
  };
}

/** Each customer's expected receipts less its receipts on the tail paths, re-simulated from their seeds. */
function tailContributions(
  m: MonteCarloModel,
  seed: number,
  tailPaths: readonly number[],
  receivedSum: Float64Array,
  paths: number,
  top: number,
): TailCustomer[] {
  const C = m.customerIds.length;
  const s = createScratch(m);
  const tail = new Float64Array(C);
  for (const p of tailPaths) {
    simulatePath(m, s, seed, p);
    for (let c = 0; c < C; c++) tail[c] = (tail[c] as number) + (s.received[c] as number);
  }
  const rows = m.customerIds.map((customerId, c) => ({
    customerId,
    name: m.customerNames[c] ?? customerId,
    tailShortfallMinor: round((receivedSum[c] as number) / paths - (tail[c] as number) / tailPaths.length),
  }));
  const total = rows.reduce((sum, r) => sum + Math.max(0, r.tailShortfallMinor), 0);
  return rows
    .filter((r) => r.tailShortfallMinor > 0)
    .sort((a, b) => b.tailShortfallMinor - a.tailShortfallMinor || (a.customerId < b.customerId ? -1 : 1))
    .slice(0, top)
    .map((r) => ({ ...r, share: total > 0 ? r.tailShortfallMinor / total : 0 }));
}

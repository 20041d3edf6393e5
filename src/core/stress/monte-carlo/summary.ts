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
 *
 * @example summarise(model, 42, 10_000, [simulateBlocks(model, 42, 10_000, 0, 40)]).cfar95Minor
 */
export function summarise(
  m: MonteCarloModel,
  seed: number,
  paths: number,
  blocks: readonly BlockResults[],
  topCustomers = 10,
): MonteCarloSummary {
  const draft = summariseBlocks(m, seed, paths, blocks);
  return finishSummary(m, draft, simulateTailReceipts(m, seed, draft.tailPaths), topCustomers);
}

/** A run's statistics but its tail customers: those need the tail paths re-simulated. */
export interface MonteCarloDraft {
  readonly summary: Omit<MonteCarloSummary, 'tailCustomers'>;
  /** The worst 5 % of paths by net flow, worst first (ties by path index). */
  readonly tailPaths: readonly number[];
  /** Each customer's receipts summed over all paths, block by block in block order. */
  readonly receivedSum: Float64Array;
}

/**
 * `summarise` without the tail customers: the figures and the tail paths to re-simulate, which
 * threads may share (`simulateTailReceipts` on contiguous parts of `tailPaths`, rows joined in order).
 */
export function summariseBlocks(
  m: MonteCarloModel,
  seed: number,
  paths: number,
  blocks: readonly BlockResults[],
): MonteCarloDraft {
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
    summary: {
      paths,
      seed,
      bufferMinor: m.bufferMinor,
      periods,
      pMinNegative: minNegative / paths,
      pMinBelowBuffer: minBelow / paths,
      minCash5Minor: round(quantile(mins, 0.05)),
      cfar95Minor: round(meanFlow - quantile(sortedFlows, 0.05)),
      expectedNetFlowMinor: round(meanFlow),
    },
    tailPaths: order.slice(0, tailCount),
    receivedSum,
  };
}

/**
 * Each listed path re-simulated from its seed: its receipts per customer, one row of C a path,
 * in the order of `tailPaths`.
 */
export function simulateTailReceipts(m: MonteCarloModel, seed: number, tailPaths: readonly number[]): Float64Array {
  const C = m.customerIds.length;
  const s = createScratch(m);
  const rows = new Float64Array(tailPaths.length * C);
  tailPaths.forEach((p, k) => {
    simulatePath(m, s, seed, p);
    rows.set(s.received, k * C);
  });
  return rows;
}

/** The summary with the customers behind the tail, from the tail paths' receipts (rows in `tailPaths` order). */
export function finishSummary(
  m: MonteCarloModel,
  draft: MonteCarloDraft,
  tailRows: Float64Array,
  topCustomers = 10,
): MonteCarloSummary {
  const { summary, tailPaths, receivedSum } = draft;
  return {
    ...summary,
    tailCustomers: tailContributions(m, tailRows, tailPaths.length, receivedSum, summary.paths, topCustomers),
  };
}

/** Each customer's expected receipts less its mean receipts on the tail paths. */
function tailContributions(
  m: MonteCarloModel,
  tailRows: Float64Array,
  tailCount: number,
  receivedSum: Float64Array,
  paths: number,
  top: number,
): TailCustomer[] {
  const C = m.customerIds.length;
  const tail = new Float64Array(C);
  for (let k = 0; k < tailCount; k++)
    for (let c = 0; c < C; c++) tail[c] = (tail[c] as number) + (tailRows[k * C + c] as number);
  const rows = m.customerIds.map((customerId, c) => ({
    customerId,
    name: m.customerNames[c] ?? customerId,
    tailShortfallMinor: round((receivedSum[c] as number) / paths - (tail[c] as number) / tailCount),
  }));
  const total = rows.reduce((sum, r) => sum + Math.max(0, r.tailShortfallMinor), 0);
  return rows
    .filter((r) => r.tailShortfallMinor > 0)
    .sort((a, b) => b.tailShortfallMinor - a.tailShortfallMinor || (a.customerId < b.customerId ? -1 : 1))
    .slice(0, top)
    .map((r) => ({ ...r, share: total > 0 ? r.tailShortfallMinor / total : 0 }));
}

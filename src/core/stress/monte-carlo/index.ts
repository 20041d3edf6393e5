export { baselAssetCorrelation } from './correlation.js';
export { delayHistory } from './history.js';
export type { BlockResults } from './kernel.js';
export { BLOCK_PATHS, simulateBlocks } from './kernel.js';
export type { DelayHistory, MonteCarloModel, MonteCarloOptions } from './model.js';
export { buildMonteCarloModel, salesVolatility } from './model.js';
export type { MonteCarloDraft, MonteCarloPeriod, MonteCarloSummary, TailCustomer } from './summary.js';
export { FAN_QUANTILES, finishSummary, simulateTailReceipts, summarise, summariseBlocks } from './summary.js';
export { fxMonthlyVolatility } from './volatility.js';

import { BLOCK_PATHS, simulateBlocks } from './kernel.js';
import type { MonteCarloModel } from './model.js';
import { type MonteCarloSummary, summarise } from './summary.js';

/**
 * A whole Monte Carlo run on the calling thread (workers run `simulateBlocks` on block ranges and
 * the caller `summarise`s: the same numbers, block for block).
 *
 * @example runMonteCarlo(model, 42, 10_000).pMinNegative
 */
export function runMonteCarlo(m: MonteCarloModel, seed: number, paths: number): MonteCarloSummary {
  const blocks = Math.ceil(paths / BLOCK_PATHS);
  return summarise(m, seed, paths, [simulateBlocks(m, seed, paths, 0, blocks)]);
}

import { Worker } from 'node:worker_threads';
import {
  BLOCK_PATHS,
  type BlockResults,
  type MonteCarloModel,
  type MonteCarloSummary,
  simulateBlocks,
  summarise,
} from '../../core/stress/index.js';

const ENTRY = new URL('./mc-worker-entry.mjs', import.meta.url);

function runWorker(job: { model: MonteCarloModel; seed: number; paths: number; fromBlock: number; toBlock: number }) {
  return new Promise<BlockResults>((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: job, execArgv: [] });
    worker.once('message', (r: BlockResults) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`Monte Carlo worker stopped with exit code ${code}`));
    });
  });
}

/**
 * A Monte Carlo run over `workers` threads: the path blocks are split into contiguous ranges, one
 * per thread; the calling thread simulates the first range itself while worker threads (started
 * first) simulate the others, and all are summarised together. The numbers are the same for any
 * number of threads: each path draws from (seed, path index) only, and sums run block by block in
 * block order.
 *
 * @example await runMonteCarloOnWorkers(model, { seed: 42, paths: 10_000, workers: 2 })
 */
export async function runMonteCarloOnWorkers(
  model: MonteCarloModel,
  options: { seed: number; paths: number; workers: number },
): Promise<MonteCarloSummary> {
  const { seed, paths } = options;
  const blocks = Math.ceil(paths / BLOCK_PATHS);
  const workers = Math.max(1, Math.min(options.workers, blocks));
  const per = Math.ceil(blocks / workers);
  const jobs: Promise<BlockResults>[] = [];
  for (let from = per; from < blocks; from += per)
    jobs.push(runWorker({ model, seed, paths, fromBlock: from, toBlock: Math.min(blocks, from + per) }));
  const own = simulateBlocks(model, seed, paths, 0, Math.min(blocks, per));
  return summarise(model, seed, paths, [own, ...(await Promise.all(jobs))]);
}

import { Worker } from 'node:worker_threads';
import {
  BLOCK_PATHS,
  type BlockResults,
  finishSummary,
  type MonteCarloModel,
  type MonteCarloSummary,
  simulateBlocks,
  simulateTailReceipts,
  summariseBlocks,
} from '../../core/stress/index.js';

const ENTRY = new URL('./mc-worker-entry.mjs', import.meta.url);

type Job = { model: MonteCarloModel; seed: number; paths: number; fromBlock: number; toBlock: number };

/** One worker thread: its blocks first, then (asked with `tail`) its share of the tail paths. */
function startWorker(job: Job) {
  const worker = new Worker(ENTRY, { workerData: job, execArgv: [] });
  const replies: ((value: unknown) => void)[] = [];
  let failure: Error | null = null;
  const rejects: ((error: Error) => void)[] = [];
  const fail = (error: Error) => {
    failure = error;
    for (const reject of rejects.splice(0)) reject(error);
  };
  worker.on('message', (value: unknown) => replies.shift()?.(value));
  worker.once('error', fail);
  worker.once('exit', (code) => {
    if (code !== 0 || replies.length > 0) fail(new Error(`Monte Carlo worker stopped with exit code ${code}`));
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      replies.push(resolve as (value: unknown) => void);
      rejects.push(reject);
    });
  return {
    blocks: next<BlockResults>(),
    tail(tailPaths: readonly number[]): Promise<Float64Array> {
      const rows = next<Float64Array>();
      worker.postMessage(tailPaths);
      return rows.finally(() => void worker.terminate());
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * A Monte Carlo run over `workers` threads: the path blocks are split into contiguous ranges, one
 * per thread; the calling thread simulates the first range itself while worker threads (started
 * first) simulate the others; the worst paths are then re-simulated for the tail customers, shared
 * the same way, and all is summarised together. The numbers are the same for any number of
 * threads: each path draws from (seed, path index) only, sums run block by block in block order,
 * and the tail paths' receipts are added in the tail's order.
 *
 * @example await runMonteCarloOnWorkers(model, { seed: 42, paths: 10_000, workers: 2 })
 */
export async function runMonteCarloOnWorkers(
  model: MonteCarloModel,
  options: { seed: number; paths: number; workers: number },
): Promise<MonteCarloSummary> {
  const { seed, paths } = options;
  const blocks = Math.ceil(paths / BLOCK_PATHS);
  const threads = Math.max(1, Math.min(options.workers, blocks));
  const per = Math.ceil(blocks / threads);
  const workers: ReturnType<typeof startWorker>[] = [];
  for (let from = per; from < blocks; from += per)
    workers.push(startWorker({ model, seed, paths, fromBlock: from, toBlock: Math.min(blocks, from + per) }));
  try {
    const own = simulateBlocks(model, seed, paths, 0, Math.min(blocks, per));
    const draft = summariseBlocks(model, seed, paths, [own, ...(await Promise.all(workers.map((w) => w.blocks)))]);
    const share = Math.ceil(draft.tailPaths.length / (workers.length + 1));
    const parts = workers.map((w, k) => w.tail(draft.tailPaths.slice((k + 1) * share, (k + 2) * share)));
    const rows = [simulateTailReceipts(model, seed, draft.tailPaths.slice(0, share)), ...(await Promise.all(parts))];
    const joined = new Float64Array(rows.reduce((n, r) => n + r.length, 0));
    let at = 0;
    for (const r of rows) {
      joined.set(r, at);
      at += r.length;
    }
    return finishSummary(model, draft, joined);
  } finally {
    for (const w of workers) w.stop();
  }
}

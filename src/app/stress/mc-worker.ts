import { parentPort, workerData } from 'node:worker_threads';
import { type MonteCarloModel, simulateBlocks, simulateTailReceipts } from '../../core/stress/index.js';

/**
 * A Monte Carlo worker: simulates its range of blocks and posts the results back (buffers
 * transferred); then, asked for its share of the tail paths, re-simulates them and posts their
 * receipts per customer, and stops.
 */
const job = workerData as { model: MonteCarloModel; seed: number; paths: number; fromBlock: number; toBlock: number };
const r = simulateBlocks(job.model, job.seed, job.paths, job.fromBlock, job.toBlock);
parentPort?.once('message', (tailPaths: readonly number[]) => {
  const rows = simulateTailReceipts(job.model, job.seed, tailPaths);
  parentPort?.postMessage(rows, [rows.buffer as ArrayBuffer]);
});
// Fresh Float64Arrays own plain ArrayBuffers (never shared), so they can be transferred.
parentPort?.postMessage(r, [r.closings.buffer as ArrayBuffer, r.receivedByBlock.buffer as ArrayBuffer]);

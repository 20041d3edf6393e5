import { parentPort, workerData } from 'node:worker_threads';
import { type MonteCarloModel, simulateBlocks } from '../../core/stress/index.js';

/** A Monte Carlo worker: simulates its range of blocks and posts the results back (buffers transferred). */
const job = workerData as { model: MonteCarloModel; seed: number; paths: number; fromBlock: number; toBlock: number };
const r = simulateBlocks(job.model, job.seed, job.paths, job.fromBlock, job.toBlock);
// Fresh Float64Arrays own plain ArrayBuffers (never shared), so they can be transferred.
parentPort?.postMessage(r, [r.closings.buffer as ArrayBuffer, r.receivedByBlock.buffer as ArrayBuffer]);

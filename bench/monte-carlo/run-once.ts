// One Monte Carlo run of the benchmark book in a process of its own, so that its peak memory is
// its own: `node --import tsx bench/monte-carlo/run-once.ts <workers> [paths] [seed] [model file]`.
// Prints one line of JSON: wall and CPU seconds of the run (the book's build excluded), peak RSS,
// heap growth, the figures, a hash of the whole summary, and with one worker the mean and standard
// deviation of minimum cash (the C reference's consistency check). With a model file, writes the
// model there first for the C reference (bench/monte-carlo/montecarlo.c).
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { runMonteCarloOnWorkers } from '../../src/app/stress/monte-carlo.js';
import { BLOCK_PATHS, simulateBlocks, summarise } from '../../src/core/stress/index.js';
import { PATHS, syntheticModel } from './book.js';
import { dumpMonteCarloModel } from './dump.js';

const [workersArg = '1', pathsArg = String(PATHS), seedArg = '1', dumpTo] = process.argv.slice(2);
const workers = Number(workersArg);
const paths = Number(pathsArg);
const seed = Number(seedArg);
const model = syntheticModel();
if (dumpTo) dumpMonteCarloModel(dumpTo, model, seed, paths);
const heapBefore = process.memoryUsage().heapUsed;
const cpu = process.cpuUsage();
const started = performance.now();
let minCash: { mean: number; sd: number } | null = null;
let summary: Awaited<ReturnType<typeof runMonteCarloOnWorkers>>;
if (workers === 1) {
  // runMonteCarloOnWorkers's own single-thread branch, with the blocks kept for the check below.
  const blocks = simulateBlocks(model, seed, paths, 0, Math.ceil(paths / BLOCK_PATHS));
  summary = summarise(model, seed, paths, [blocks]);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  let sum = 0;
  let squares = 0;
  for (let p = 0; p < paths; p++) {
    let min = Number.POSITIVE_INFINITY;
    for (let w = 0; w < model.periods; w++) min = Math.min(min, blocks.closings[p * model.periods + w] as number);
    sum += min;
    squares += min * min;
  }
  const mean = sum / paths;
  minCash = { mean, sd: Math.sqrt((squares - paths * mean * mean) / (paths - 1)) };
  print(seconds, cpuSeconds, heapMb);
} else {
  summary = await runMonteCarloOnWorkers(model, { seed, paths, workers });
  const seconds = (performance.now() - started) / 1000;
  const usage = process.cpuUsage(cpu);
  print(seconds, (usage.user + usage.system) / 1e6, (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
}

function print(seconds: number, cpuSeconds: number, heapGrowthMb: number): void {
  const s = summary;
  const out = {
    workers,
    paths,
    seconds,
    cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapGrowthMb,
    minCash5Minor: s.minCash5Minor,
    pMinNegative: s.pMinNegative,
    pMinBelowBuffer: s.pMinBelowBuffer,
    cfar95Minor: s.cfar95Minor,
    expectedNetFlowMinor: s.expectedNetFlowMinor,
    lastWeekQuantilesMinor: s.periods.at(-1)?.quantilesMinor ?? [],
    topTailCustomer: s.tailCustomers[0] ? model.customerIds.indexOf(s.tailCustomers[0].customerId) : -1,
    meanMinCashMinor: minCash?.mean ?? null,
    sdMinCashMinor: minCash?.sd ?? null,
    summaryHash: createHash('sha256').update(JSON.stringify(s)).digest('hex').slice(0, 16),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

// Monte Carlo liquidity at risk (src/core/stress/monte-carlo): 10,000 paths × 5,000 open invoices ×
// 13 weeks, on one worker thread and on two, with paths per second, the speed-up and memory.
// Targets (issue 17): ≤ 2 s on one core, ≥ 1.8× on two. Worker threads start from the TypeScript
// sources here (tsx registers in each worker, about 1 s of start-up counted in the timing). The C
// reference of the bench is not written yet.
import { performance } from 'node:perf_hooks';
import { runMonteCarloOnWorkers } from '../src/app/stress/monte-carlo.js';
import type { ForecastCustomerRisk } from '../src/core/forecast/index.js';
import { testInvoice } from '../src/core/forecast/testing.js';
import { createRng } from '../src/core/shared/random.js';
import { buildMonteCarloModel, runMonteCarlo } from '../src/core/stress/index.js';
import { handBuiltCompany } from '../src/core/stress/testing.js';
import { addDays } from '../src/core/time/index.js';
import type { BenchResult } from './run.js';

const PATHS = 10_000;
const INVOICES = 5_000;
const CUSTOMERS = 300;

export function syntheticModel() {
  const rng = createRng(17);
  const base = handBuiltCompany();
  const asOf = base.forecast.asOf;
  const invoices = Array.from({ length: INVOICES }, (_, i) => {
    const c = rng.int(0, CUSTOMERS - 1);
    return testInvoice(`i${i}`, {
      customerId: `c${c}`,
      customerName: `客户${c}`,
      openMinor: rng.int(1_000_00, 200_000_00),
      dueOn: addDays(asOf, rng.int(-40, 80)),
    });
  });
  const risk = new Map<string, ForecastCustomerRisk>();
  const history = new Map<string, number[]>();
  for (let c = 0; c < CUSTOMERS; c++) {
    const pd = rng.uniform(0.002, 0.1);
    risk.set(`c${c}`, {
      status: 'normal',
      pd,
      pdLow: pd / 2,
      pdHigh: pd * 2,
      lgd: 0.8,
      recovery: null,
      newSales: true,
    });
    history.set(
      `c${c}`,
      Array.from({ length: rng.int(0, 40) }, () => rng.int(-10, 90)),
    );
  }
  const m = buildMonteCarloModel({ ...base, forecast: { ...base.forecast, invoices, risk } }, { byCustomer: history });
  if (!m.ok) throw new Error(m.error.code);
  return m.value;
}

export async function run(): Promise<BenchResult[]> {
  const model = syntheticModel();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const cpu = process.cpuUsage();
  runMonteCarlo(model, 1, PATHS);
  const inline = (performance.now() - t) / 1000;
  const inlineCpu = process.cpuUsage(cpu).user / 1e6;
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  t = performance.now();
  const one = await runMonteCarloOnWorkers(model, { seed: 1, paths: PATHS, workers: 1 });
  const s1 = (performance.now() - t) / 1000;
  t = performance.now();
  const two = await runMonteCarloOnWorkers(model, { seed: 1, paths: PATHS, workers: 2 });
  const s2 = (performance.now() - t) / 1000;
  const same = JSON.stringify(one) === JSON.stringify(two);
  return [
    {
      name: 'Monte Carlo 10k paths × 5k invoices × 13 weeks, this thread',
      value: inline,
      unit: 's',
      note: 'target ≤ 2 s',
    },
    {
      name: 'Monte Carlo CPU time, this thread',
      value: inlineCpu,
      unit: 's',
      note: 'wall time above is inflated on a loaded machine',
    },
    { name: 'Monte Carlo paths per CPU second, one thread', value: Math.round(PATHS / inlineCpu), unit: 'paths/s' },
    {
      name: 'Monte Carlo on 2 worker threads (incl. start-up)',
      value: s2,
      unit: 's',
      note: `1 worker ${s1.toFixed(2)} s`,
    },
    { name: 'Monte Carlo speed-up, 2 workers vs this thread', value: inline / s2, unit: '×', note: 'target ≥ 1.8×' },
    {
      name: 'Monte Carlo heap growth of one run',
      value: heap,
      unit: 'MB',
      note: same ? '1 and 2 workers identical' : 'RESULTS DIFFER',
    },
  ];
}

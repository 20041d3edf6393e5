import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ForecastCustomerRisk } from '../../core/forecast/index.js';
import { buildMonteCarloModel, runMonteCarlo } from '../../core/stress/index.js';
import { handBuiltCompany } from '../../core/stress/testing.js';
import { runMonteCarloOnWorkers } from './monte-carlo.js';

test('the same seed gives identical Monte Carlo results on one thread, two and three', async () => {
  const stress = handBuiltCompany();
  const risk = new Map<string, ForecastCustomerRisk>(
    ['C1', 'C2'].map((id) => [
      id,
      { status: 'normal', pd: 0.2, pdLow: 0.1, pdHigh: 0.4, lgd: 0.8, recovery: null, newSales: true },
    ]),
  );
  const model = buildMonteCarloModel(
    { ...stress, forecast: { ...stress.forecast, risk } },
    { byCustomer: new Map([['C1', [-2, 0, 3, 9, 20, 45, 70]]]) },
  );
  assert.ok(model.ok);
  const options = { seed: 2026, paths: 1_500 };
  const one = await runMonteCarloOnWorkers(model.value, { ...options, workers: 1 });
  const two = await runMonteCarloOnWorkers(model.value, { ...options, workers: 2 });
  assert.deepEqual(two, one);
  // Three threads: blocks and tail paths split in three, the calling thread's share and two workers'.
  assert.deepEqual(await runMonteCarloOnWorkers(model.value, { ...options, workers: 3 }), one);
  assert.deepEqual(runMonteCarlo(model.value, options.seed, options.paths), one);
  assert.ok(
    one.periods.some((p) => (p.quantilesMinor[0] ?? 0) < (p.quantilesMinor[4] ?? 0)),
    'the paths differ',
  );
});

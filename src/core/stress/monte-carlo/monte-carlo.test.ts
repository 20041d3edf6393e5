import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testInvoice } from '../../forecast/testing.js';
import type { ForecastCustomerRisk } from '../../forecast/types.js';
import { FxTable } from '../../money/index.js';
import { runStressBase } from '../run-shocks.js';
import { handBuiltCompany } from '../testing.js';
import type { StressInput } from '../types.js';
import { baselAssetCorrelation } from './correlation.js';
import { fxMonthlyVolatility, runMonteCarlo } from './index.js';
import { BLOCK_PATHS, nextUniform, pathGenerator, seedPath, simulateBlocks } from './kernel.js';
import { buildMonteCarloModel, type DelayHistory, salesCustomerOf } from './model.js';
import { summarise } from './summary.js';

const Y = 100;
const noHistory: DelayHistory = { byCustomer: new Map() };

function model(stress: StressInput, history: DelayHistory = noHistory, rho?: number) {
  const m = buildMonteCarloModel(stress, history, rho === undefined ? {} : { rho });
  assert.ok(m.ok);
  return m.value;
}

const withPd = (stress: StressInput, pd: number): StressInput => {
  const risk = new Map<string, ForecastCustomerRisk>(
    ['C1', 'C2'].map((id) => [
      id,
      { status: 'normal', pd, pdLow: pd, pdHigh: pd, lgd: 0.8, recovery: null, newSales: true },
    ]),
  );
  return { ...stress, forecast: { ...stress.forecast, risk } };
};

test('with no default risk and no payment history every path is the base forecast', () => {
  const r = runMonteCarlo(model(handBuiltCompany()), 7, 300);
  const base = [
    500_000, 500_000, 1_000_000, 700_000, 900_000, 900_000, 900_000, 900_000, 750_000, 750_000, 750_000, 750_000,
    750_000,
  ];
  assert.deepEqual(
    r.periods.map((p) => p.quantilesMinor.map((q) => q / Y)),
    base.map((b) => [b, b, b, b, b]),
  );
  assert.equal(r.pMinNegative, 0);
  assert.equal(r.cfar95Minor, 0);
  assert.equal(r.minCash5Minor, 500_000 * Y);
});

test('customers who always paid 30 days late do so on every path: the 30-day delay shock', () => {
  const history: DelayHistory = { byCustomer: new Map([['C1', Array.from({ length: 10 }, () => 30)]]) };
  const r = runMonteCarlo(model(handBuiltCompany(), history), 7, 300);
  assert.deepEqual(
    r.periods.slice(0, 9).map((p) => (p.quantilesMinor[2] ?? 0) / Y),
    [500_000, 500_000, 500_000, 200_000, 200_000, 200_000, 700_000, 700_000, 750_000],
  );
  // Week 4 closes at 200,000: not below the 200,000 buffer.
  assert.equal(r.periods[3]?.pBelowBuffer, 0);
});

test('the same seed gives identical results on one worker and on two (blocks split anywhere)', () => {
  const m = model(withPd(handBuiltCompany(), 0.3), { byCustomer: new Map([['C1', [-3, 0, 4, 10, 25, 60]]]) });
  const paths = 3 * BLOCK_PATHS + 17;
  const one = summarise(m, 42, paths, [simulateBlocks(m, 42, paths, 0, 4)]);
  const two = summarise(m, 42, paths, [simulateBlocks(m, 42, paths, 2, 4), simulateBlocks(m, 42, paths, 0, 2)]);
  assert.deepEqual(two, one);
  assert.deepEqual(runMonteCarlo(m, 42, paths), one);
  assert.notDeepEqual(runMonteCarlo(m, 43, paths), one, 'another seed, other paths');
});

test('default risk widens the tail: more PD, lower 5 % minimum cash and more chance below the buffer', () => {
  const low = runMonteCarlo(model(withPd(handBuiltCompany(), 0.05)), 1, 2_000);
  const high = runMonteCarlo(model(withPd(handBuiltCompany(), 0.6)), 1, 2_000);
  assert.ok(high.pMinBelowBuffer > low.pMinBelowBuffer, `${high.pMinBelowBuffer} vs ${low.pMinBelowBuffer}`);
  assert.ok(high.cfar95Minor >= low.cfar95Minor);
  assert.equal(high.tailCustomers[0]?.customerId, 'C1', 'the largest exposure drives the tail');
});

test('defaults follow the horizon PD: P(宏达 defaults before its invoice is paid) within sampling error', () => {
  // Only 宏达 is at risk (PD 50 % a year). Minimum cash 600,000: week 3 closes at 1,000,000 when it
  // pays on Wed 03-18 and at 500,000 (below) when it defaulted first.
  const stress = handBuiltCompany();
  const risk = new Map<string, ForecastCustomerRisk>([
    ['C1', { status: 'normal', pd: 0.5, pdLow: 0.5, pdHigh: 0.5, lgd: 0.8, recovery: null, newSales: true }],
  ]);
  const settings = { ...stress.forecast.settings, minCash: { mode: 'amount' as const, amountMinor: 600_000 * Y } };
  const m = model({ ...stress, forecast: { ...stress.forecast, risk, settings } });
  const paths = 20_000;
  const r = runMonteCarlo(m, 3, paths);
  // 13 weeks from Mon 03-02 = 91 days: PD_h = 1 − 0.5^(91/365); the default day is uniform over the
  // 91 days, and days 0–16 come before the receipt: P = PD_h × 17/91 ≈ 2.96 %.
  const expected = ((1 - 0.5 ** (91 / 365)) * 17) / 91;
  const se = Math.sqrt((expected * (1 - expected)) / paths);
  const seen = r.periods[2]?.pBelowBuffer ?? -1;
  assert.ok(Math.abs(seen - expected) < 4 * se, `${seen} vs ${expected} ± ${4 * se}`);
  assert.ok(Math.abs(baselAssetCorrelation(0.5) - 0.12) < 1e-6);
  assert.ok(Math.abs(baselAssetCorrelation(0.01) - 0.192784) < 1e-6);
});

test('new sales are simulated per customer: flat sales history and no risk give the base forecast', () => {
  const months = [
    ...['03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}`),
    '2026-01',
    '2026-02',
  ].map((month) => ({ month, amountMinor: 300_000 * Y }));
  const stress = handBuiltCompany({
    salesHistory: months,
    customers: [{ customerId: 'org:C1', name: '宏达', termsDays: 30, delayDays: null, salesShare: 1 }],
  });
  const m = model(stress);
  assert.equal(salesCustomerOf('sales:org:C1:2026-03:2'), 'org:C1');
  const base = runStressBase(stress);
  assert.ok(base.ok);
  const r = runMonteCarlo(m, 11, 200);
  assert.deepEqual(
    r.periods.map((p) => p.quantilesMinor[2]),
    base.value.closingsMinor,
  );
  assert.ok((base.value.closingsMinor[12] ?? 0) > 750_000 * Y, 'new sales are in the base');
});

test('a dollar invoice moves with the dollar: spread from its monthly volatility, none without', () => {
  const fx = new FxTable(
    ['2025-11-08', '2025-12-08', '2026-01-08', '2026-02-08', '2026-03-01'].map((on, k) => ({
      on,
      base: 'USD',
      quote: 'CNY',
      rate: k % 2 === 0 ? 7 : 7.07,
    })),
  );
  const a = Math.log(1.01);
  // Four month-steps to 2026-03-08: +a, −a, +a, −a (the last rate on or before each date): σ = a·√(4/3).
  assert.ok(Math.abs(fxMonthlyVolatility(fx, 'USD', 'CNY', '2026-03-08', 4) - a * Math.sqrt(4 / 3)) < 1e-12);
  const stress = handBuiltCompany({
    fx,
    invoices: [
      testInvoice('u1', {
        customerId: 'C3',
        customerName: 'Acme',
        currency: 'USD',
        openMinor: 100_000 * Y,
        dueOn: '2026-03-11',
      }),
    ],
  });
  const still = runMonteCarlo(model(stress), 4, 500);
  const week2 = still.periods[1]?.quantilesMinor ?? [];
  assert.equal(week2[0], week2[4], 'no FX volatility given: every path the same');
  const m = buildMonteCarloModel(stress, noHistory, { fxMonthlyVolatility: new Map([['USD', 0.05]]) });
  assert.ok(m.ok);
  const moving = runMonteCarlo(m.value, 4, 2_000).periods[1]?.quantilesMinor ?? [];
  // 700,000 yuan at σ = 5 % × √3 months ≈ 8.7 %: the 5–95 % range is about ±14 %.
  const spread = ((moving[4] ?? 0) - (moving[0] ?? 0)) / (700_000 * Y);
  assert.ok(spread > 0.2 && spread < 0.36, `${spread}`);
});

test("the kernel's generator draws pure-rand's xoroshiro128+ stream of each (seed, path)", () => {
  const rng = new Int32Array(4);
  for (const [seed, path] of [
    [0, 0],
    [42, 1],
    [2026, 255],
    [2 ** 40 + 3, 9_999],
    [-7, 3],
  ] as const) {
    seedPath(rng, seed, path);
    const g = pathGenerator(seed, path);
    const ours = Array.from({ length: 50 }, () => nextUniform(rng));
    const theirs = Array.from({ length: 50 }, () => (g.next() >>> 0) * 2 ** -32);
    assert.deepEqual(ours, theirs, `seed ${seed}, path ${path}`);
  }
  seedPath(rng, 1, 0);
  const first = nextUniform(rng);
  seedPath(rng, 1, 1);
  assert.notEqual(nextUniform(rng), first, 'paths draw different streams');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { riskShare } from './receipts.js';
import { emptyForecastInput, forecastOrThrow, scenarioOf, testInvoice } from './testing.js';
import type { ForecastCustomerRisk } from './types.js';

// DOMAIN 2.5 rule 10: expected = open × (1 − PD_h × LGD), PD_h = 1 − (1 − PD)^(days/365).
const risky: ForecastCustomerRisk = {
  status: 'watch',
  pd: 0.1,
  pdLow: 0.05,
  pdHigh: 0.2,
  lgd: 0.8,
  recovery: null,
  newSales: true,
};
// Due 2027-01-29 (a Friday), P10 = P50 = P90: 52 days after the as-of date in every scenario
// but the pessimistic one, which slips 15 days to 2027-02-13, a Saturday, paid Monday 02-15 (69 days).
const inv = testInvoice('R1', {
  customerId: 'r',
  openMinor: 1_000_000_00,
  issuedOn: '2026-12-01',
  dueOn: '2027-01-29',
  payment: { p10: '2027-01-29', p50: '2027-01-29', p90: '2027-01-29', pUnpaid90: 0, basis: 'customer' },
});

test('riskShare: a worked example', () => {
  // PD_h = 1 − 0.9^0.2 = 0.020852; × 0.8 = 0.016682 → 98.3318 % expected.
  assert.ok(Math.abs(riskShare(0.1, 0.8, 73) - (1 - (1 - 0.9 ** 0.2) * 0.8)) < 1e-12);
  assert.equal(riskShare(0, 0.8, 73), 1);
  assert.equal(riskShare(0.1, 0, 73), 1);
  assert.equal(riskShare(1, 0.8, 10), 1 - 0.8);
});

test('each scenario reads its end of the PD band; the haircut is reported and explained', () => {
  const result = forecastOrThrow(emptyForecastInput('2026-12-08', { invoices: [inv], risk: new Map([['r', risky]]) }));
  const carried = (name: string) => {
    const s = scenarioOf(result, name);
    const src = s.periods.flatMap((p) => p.lines.find((l) => l.key === 'invoices')?.sources ?? [])[0];
    return { amount: src?.amountMinor, data: src?.reasonData, adjustment: s.riskAdjustmentMinor };
  };
  const expected = (pd: number, days: number) => Math.round(1_000_000_00 * riskShare(pd, 0.8, days));
  const base = carried('base');
  assert.equal(base.amount, expected(0.1, 52));
  assert.equal(base.adjustment, 1_000_000_00 - expected(0.1, 52));
  assert.deepEqual(base.data, { pd: 10, lgd: 80, expectedPct: 98.81 });
  assert.equal(carried('optimistic').amount, expected(0.05, 52));
  assert.equal(carried('pessimistic').amount, expected(0.2, 69));
  assert.ok((carried('optimistic').amount ?? 0) > (base.amount ?? 0));
  assert.ok((base.amount ?? 0) > (carried('pessimistic').amount ?? 0));
});

test('a customer without a risk state is not adjusted', () => {
  const s = scenarioOf(forecastOrThrow(emptyForecastInput('2026-12-08', { invoices: [inv] })), 'base');
  assert.equal(s.riskAdjustmentMinor, 0);
});

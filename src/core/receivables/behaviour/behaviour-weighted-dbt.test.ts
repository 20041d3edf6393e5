import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPaymentBehaviour } from './build.js';
import { toPaymentColumns } from './columns.js';
import { describeCustomerBehaviour } from './describe.js';
import { PLAIN_SETTINGS, paidInvoice } from './test-support.js';

const asOf = '2025-06-30';
// A: 100 paid 10 days late last month, 300 paid on the due date 200 days ago. B: 200 paid 5 days early.
const history = [
  paidInvoice('A', asOf, 30, 10, { amount: 100 }),
  paidInvoice('A', asOf, 200, 0, { amount: 300 }),
  paidInvoice('B', asOf, 50, -5, { amount: 200 }),
  paidInvoice('A', asOf, -3, 40, { amount: 1000 }), // settled after asOf: ignored everywhere
];
const model = buildPaymentBehaviour(toPaymentColumns(history), asOf, PLAIN_SETTINGS);
const a = describeCustomerBehaviour(model, 'A');

test('wDBT is amount-weighted: (100·10 + 300·0)/400 = 2.5', () => {
  assert.equal(a.weightedDbt, 2.5);
  assert.equal(a.dbtCount, 2);
  assert.equal(a.count, 2);
});

test('portfolio wDBT (100·10 − 200·5)/600 = 0, and shrinkage with k = 5: 2/7 · 2.5', () => {
  assert.equal(model.portfolio.weightedDbt.value, 0);
  assert.equal(a.shrinkageWeight, 2 / 7);
  assert.ok(Math.abs((a.shrunkWeightedDbt ?? Number.NaN) - 2.5 * (2 / 7)) < 1e-12);
});

test('delay distribution, on-time share and last settlement', () => {
  assert.deepEqual(a.delay, { p10: 1, median: 5, p90: 9, spread: 8 }); // delays 0 and 10, interpolated
  assert.equal(a.onTimeShare, 0.5);
  assert.equal(a.lastSettledOn, '2025-05-31');
});

test('trend: the last 3 months (10 days late) against the 12 before (on time)', () => {
  assert.deepEqual(a.trend, { recentDbt: 10, recentCount: 1, priorDbt: 0, priorCount: 1, change: 10 });
});

test('a customer without history reads the portfolio values', () => {
  const none = describeCustomerBehaviour(model, 'NEW');
  assert.equal(none.count, 0);
  assert.equal(none.weightedDbt, null);
  assert.equal(none.shrunkWeightedDbt, 0);
  assert.equal(none.delay, null);
  assert.equal(none.onTimeShare, null);
});

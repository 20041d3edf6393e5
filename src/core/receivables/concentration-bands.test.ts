import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeConcentration, concentrationLevel } from './concentration.js';
import { DEFAULT_METRIC_THRESHOLDS, resolveThresholds } from './metric-settings.js';

const book = (amounts: number[]) => amounts.map((amountMinor, i) => ({ customerId: `c${i + 1}`, amountMinor }));

test('shares and HHI of a six-customer book: 30/20/20/15/10/5 %', () => {
  const c = computeConcentration(book([3_000, 2_000, 2_000, 1_500, 1_000, 500]));
  // 30² + 20² + 20² + 15² + 10² + 5² = 900 + 400 + 400 + 225 + 100 + 25
  assert.ok(Math.abs(c.hhi - 2_050) < 1e-9);
  assert.equal(c.top1Share, 30);
  assert.equal(c.top5Share, 95);
  assert.equal(c.customerCount, 6);
  assert.deepEqual(
    c.top.map((t) => t.customerId),
    ['c1', 'c2', 'c3', 'c4', 'c5'],
  );
  // HHI 2,050 ≥ 1,500 and top-1 30 % ≥ 20 %, but under the red lines (2,500, 35 %).
  assert.equal(concentrationLevel(c, DEFAULT_METRIC_THRESHOLDS), 'amber');
});

test('one customer with 40 % is red even with HHI under 2,500', () => {
  const c = computeConcentration(book([4_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000]));
  assert.ok(Math.abs(c.hhi - 2_200) < 1e-9); // 1,600 + 6 × 100
  assert.equal(concentrationLevel(c, DEFAULT_METRIC_THRESHOLDS), 'red');
});

test('ten equal customers: HHI 1,000 and top-1 10 %, but top-5 is exactly 50 % → amber', () => {
  const c = computeConcentration(book(new Array(10).fill(700)));
  assert.ok(Math.abs(c.hhi - 1_000) < 1e-9);
  assert.ok(Math.abs(c.top5Share - 50) < 1e-9);
  assert.equal(concentrationLevel(c, DEFAULT_METRIC_THRESHOLDS), 'amber');
  assert.equal(concentrationLevel(c, resolveThresholds({ concentration: { top5Amber: 60 } })), 'none');
});

test('twenty equal customers are unconcentrated; credit balances and zeros are left out', () => {
  const c = computeConcentration([...book(new Array(20).fill(100)), { customerId: 'neg', amountMinor: -500 }]);
  assert.ok(Math.abs(c.hhi - 500) < 1e-9);
  assert.equal(c.customerCount, 20);
  assert.equal(concentrationLevel(c, DEFAULT_METRIC_THRESHOLDS), 'none');
  assert.equal(concentrationLevel(computeConcentration([]), DEFAULT_METRIC_THRESHOLDS), 'none');
});

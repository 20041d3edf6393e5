import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf } from './testing.js';
import type { MonthlySales } from './types.js';

/** Twelve months of purchases at 600,000 a month (no growth: a single year of history). */
const purchases: MonthlySales[] = Array.from({ length: 12 }, (_, i) => ({
  month: `2025-${i + 1 < 10 ? '0' : ''}${i + 1}`,
  amountMinor: 600_000_00,
}));

test('purchases not yet billed are paid after the company’s own issue-to-payment days, the same in every scenario', () => {
  const input = emptyForecastInput('2025-12-31', {
    granularity: 'month',
    periods: 4,
    purchaseHistory: purchases,
    purchasePaymentDays: 45,
  });
  const result = forecastOrThrow(input);
  const base = lineTotals(scenarioOf(result, 'base'), 'new_purchases', 'disbursement');
  // Periods: Dec, Jan, Feb, Mar. January's tranches (around the 4th, 11th, 18th, 25th) are paid 45
  // days later, in February (two tranches of 7/31) and March; February's first two tranches in late March.
  assert.deepEqual(base.slice(0, 2), [0, 0]);
  assert.equal(base[2], Math.floor((600_000_00 * 7) / 31) * 2);
  const paid = base.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(paid - 900_000_00) <= 4, `paid ${paid}: all of January and half of February`);
  assert.deepEqual(lineTotals(scenarioOf(result, 'pessimistic'), 'new_purchases', 'disbursement'), base);
  for (const p of scenarioOf(result, 'base').periods) {
    const line = p.lines.find((l) => l.key === 'new_purchases');
    for (const s of line?.sources ?? []) assert.equal(s.reason, 'NEW_PURCHASES_HISTORY');
  }
});

test('without purchase history nothing is projected', () => {
  const result = forecastOrThrow(emptyForecastInput('2025-12-31', { granularity: 'month', periods: 3 }));
  assert.deepEqual(lineTotals(scenarioOf(result, 'base'), 'new_purchases', 'disbursement'), [0, 0, 0]);
});

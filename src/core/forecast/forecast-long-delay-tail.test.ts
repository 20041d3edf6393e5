import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyForecastInput, forecastOrThrow, scenarioOf, testInvoice } from './testing.js';

test('a customer with a long delay tail: P10, P50 and P50 + max(15, σ) across scenarios', () => {
  // P10 = due + 2, P50 = due + 12, P90 = due + 82: σ ≈ 80 / 2.563 = 31 days, beyond the 15-day minimum.
  const inv = testInvoice('T1', {
    dueOn: '2026-03-10',
    payment: { p10: '2026-03-12', p50: '2026-03-22', p90: '2026-05-31', pUnpaid90: 0.08, basis: 'customer' },
  });
  const result = forecastOrThrow(emptyForecastInput('2026-03-04', { invoices: [inv] }));
  const placed = (name: string) => {
    const s = scenarioOf(result, name);
    for (const p of s.periods) {
      const src = p.lines.find((l) => l.key === 'invoices')?.sources[0];
      if (src) return { week: p.index, on: src.placedOn, reason: src.reason };
    }
    return null;
  };
  // DOMAIN 2.5 rule 10: the optimistic scenario reads the customer's early quantile.
  assert.deepEqual(placed('optimistic'), { week: 1, on: '2026-03-12', reason: 'PLACED_P10_CUSTOMER_HISTORY' });
  // P50 is Sunday 22 March: the money reaches the bank on Monday 23 March.
  assert.deepEqual(placed('base'), { week: 3, on: '2026-03-23', reason: 'PLACED_P50_CUSTOMER_HISTORY' });
  assert.deepEqual(placed('pessimistic'), {
    week: 7,
    on: '2026-04-22',
    reason: 'PLACED_P50_PLUS_SLIP_CUSTOMER_HISTORY',
  });
});

test('an early payer is not placed later in the optimistic scenario than in the base', () => {
  const inv = testInvoice('E1', {
    dueOn: '2026-04-30',
    payment: { p10: '2026-04-10', p50: '2026-04-20', p90: '2026-04-29', pUnpaid90: 0, basis: 'portfolio' },
  });
  const result = forecastOrThrow(emptyForecastInput('2026-03-04', { invoices: [inv] }));
  const week = (name: string) => scenarioOf(result, name).periods.findIndex((p) => p.receiptsMinor > 0);
  assert.ok(week('optimistic') <= week('base'), 'P10 10/4 is not later than P50 20/4');
  assert.ok(week('pessimistic') > week('base'));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { unwrap } from '../shared/index.js';
import { computeAging } from './aging.js';
import { computeBaseAging } from './base-aging.js';
import { invoice } from './test-support.js';

// Base CNY. USD 100.00 (c1, 10 days past due), CNY 50.00 (c1, current), JPY 1,000 (c2, current).
const ledger = {
  invoices: [
    invoice({ id: 'u', currency: 'USD', amountMinor: 10_000, dueOn: '2026-03-21' }),
    invoice({ id: 'c', amountMinor: 5_000, dueOn: '2026-04-30' }),
    invoice({ id: 'j', customerId: 'c2', currency: 'JPY', amountMinor: 1_000, dueOn: '2026-04-30' }),
  ],
  settlements: [],
};
// 1 USD = 7.1 CNY on 03-01 (the 04-01 rate is after as-of); 1 CNY = 20 JPY, so 1 JPY = 0.05 CNY.
const fx = new FxTable([
  { on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7.1 },
  { on: '2026-04-01', base: 'USD', quote: 'CNY', rate: 7.3 },
  { on: '2026-01-01', base: 'CNY', quote: 'JPY', rate: 20 },
]);

test('each currency is aged on its own, then converted to the base at the as-of rate', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31', preset: '30-60-90' }));
  assert.deepEqual(report.byCurrency, [
    { currency: 'CNY', amounts: [5_000, 0, 0, 0, 0], total: 5_000 },
    { currency: 'JPY', amounts: [1_000, 0, 0, 0, 0], total: 1_000 },
    { currency: 'USD', amounts: [0, 10_000, 0, 0, 0], total: 10_000 },
  ]);
  const base = unwrap(computeBaseAging(ledger, { asOf: '2026-03-31', preset: '30-60-90' }, { currency: 'CNY', fx }));
  // USD 10,000 cents × 7.1 = 71,000 fen; JPY 1,000 yen × 0.05 = 50 CNY = 5,000 fen.
  assert.deepEqual(base.byCustomer, [
    { customerId: 'c1', amounts: [5_000, 71_000, 0, 0, 0], total: 76_000 },
    { customerId: 'c2', amounts: [5_000, 0, 0, 0, 0], total: 5_000 },
  ]);
  assert.deepEqual(base.totals, { amounts: [10_000, 71_000, 0, 0, 0], total: 81_000 });
  assert.deepEqual(base.rates, [
    { currency: 'CNY', rate: 1 },
    { currency: 'JPY', rate: 0.05 },
    { currency: 'USD', rate: 7.1 },
  ]);
});

test('a missing rate is an AR_FX_RATE_MISSING error naming the pair and date, never a rate of 1', () => {
  const withEur = {
    ...ledger,
    invoices: [...ledger.invoices, invoice({ id: 'e', currency: 'EUR', amountMinor: 100 })],
  };
  const base = computeBaseAging(withEur, { asOf: '2026-03-31' }, { currency: 'CNY', fx });
  assert.deepEqual(base, {
    ok: false,
    error: { code: 'AR_FX_RATE_MISSING', details: { from: 'EUR', to: 'CNY', on: '2026-03-31' } },
  });
});

test('a rate quoted only after the as-of date does not count', () => {
  const base = computeBaseAging(ledger, { asOf: '2026-02-28' }, { currency: 'CNY', fx });
  assert.equal(base.ok, false);
  assert.equal(!base.ok && base.error.details.from, 'USD');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf, testInvoice } from './testing.js';
import type { ForecastCustomerRisk } from './types.js';

// DOMAIN 2.5 rule 9: a customer in insolvency since 2026-11-15 (recovery 20 % after 540 days).
const insolvent: ForecastCustomerRisk = {
  status: 'insolvent',
  pd: 1,
  pdLow: 1,
  pdHigh: 1,
  lgd: 0.8,
  recovery: { share: 0.2, on: '2028-05-08', since: '2026-11-15' },
  newSales: false,
};
const invoices = [
  testInvoice('B1', {
    customerId: 'bust',
    customerName: '合肥东方隆盛',
    openMinor: 676_631_57,
    dueOn: '2026-08-30',
    payment: { p10: '2026-12-09', p50: '2026-12-15', p90: '2027-01-04', pUnpaid90: 0.9, basis: 'customer' },
  }),
  testInvoice('G1', { customerId: 'good', openMinor: 100_000_00, dueOn: '2026-12-20' }),
];
const input = emptyForecastInput('2026-12-08', {
  invoices,
  risk: new Map([['bust', insolvent]]),
  salesHistory: [
    { month: '2025-12', amountMinor: 1_000_000_00 },
    { month: '2026-01', amountMinor: 1_000_000_00 },
  ],
  customers: [
    { customerId: 'bust', name: '合肥东方隆盛', termsDays: 30, delayDays: null, salesShare: 0.5 },
    { customerId: 'good', name: '华东精工', termsDays: 30, delayDays: null, salesShare: 0.5 },
  ],
});

test('an insolvent customer: nothing expected in the horizon, 20 % on the recovery date, the rest a loss', () => {
  const result = forecastOrThrow(input);
  for (const name of ['optimistic', 'base', 'pessimistic']) {
    const s = scenarioOf(result, name);
    const placed = s.periods.flatMap((p) => p.lines.find((l) => l.key === 'invoices')?.sources ?? []);
    assert.deepEqual(
      placed.map((x) => x.id),
      ['G1'],
      `${name}: only the good customer's invoice falls in the horizon`,
    );
    // The recovery (20 % of 676,631.57) falls after the horizon; the 80 % is excluded as a loss.
    const loss = s.excluded.find((e) => e.id === 'B1' && e.reason === 'INSOLVENCY_LOSS');
    assert.equal(loss?.amountMinor, 676_631_57 - 135_326_31);
    assert.deepEqual(loss?.reasonData, { since: '2026-11-15', on: '2028-05-08', share: 20 });
    assert.ok(s.beyondHorizon.receiptsMinor >= 135_326_31);
  }
});

test('no new sales are expected from an insolvent customer; the other half of the book still sells', () => {
  const base = scenarioOf(forecastOrThrow(input), 'base');
  const sales = base.periods.flatMap((p) => p.lines.find((l) => l.key === 'new_sales')?.sources ?? []);
  assert.ok(sales.length > 0);
  assert.ok(sales.every((x) => x.counterparty === '华东精工'));
  const stopped = base.excluded.filter((e) => e.reason === 'NEW_SALES_STOPPED');
  assert.ok(stopped.length > 0 && stopped.every((e) => e.counterparty === '合肥东方隆盛'));
  assert.deepEqual(stopped[0]?.reasonData, { status: 'insolvent' });
  const without = scenarioOf(forecastOrThrow({ ...input, risk: new Map() }), 'base');
  assert.ok(
    lineTotals(without, 'new_sales').reduce((a, b) => a + b, 0) >
      lineTotals(base, 'new_sales').reduce((a, b) => a + b, 0),
  );
});

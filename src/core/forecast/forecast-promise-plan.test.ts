import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commitReceipts } from './commitments.js';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf, testInvoice } from './testing.js';

/**
 * Promises to pay and payment plans in the forecast (ADR 0030), worked by hand. As of Wednesday
 * 2026-03-04, week k runs from Monday 2026-03-02 + 7k.
 * - A: ¥100,000.00 due 2026-02-20, the model's median 2026-04-10 (week 5). Promise P1: ¥60,000.00
 *   on Wednesday 2026-03-18 (week 2); the other ¥40,000.00 stays on the model's date.
 * - B: ¥90,000.01 due 2025-11-01, over 90 days late (otherwise 50 % at the P90 date). Plan L1 on
 *   track: ¥30,000.00 on 2026-03-31 (week 4), ¥30,000.00 on 2026-04-30 (week 8), ¥30,000.01 on
 *   2026-05-29 (week 12): the whole, to the fen, on the instalment dates.
 * - C: ¥50,000.00, its promise broken (not passed in): back on the model's median (week 5).
 */
const p = { p10: '2026-03-20', p50: '2026-04-10', p90: '2026-05-15', pUnpaid90: 0.6, basis: 'customer' as const };
const a = testInvoice('A', { dueOn: '2026-02-20', payment: p });
const b = testInvoice('B', { customerId: 'C2', dueOn: '2025-11-01', openMinor: 90_000_01, payment: p });
const c = testInvoice('C', { customerId: 'C3', dueOn: '2026-02-20', openMinor: 50_000_00, payment: p });
const committed = commitReceipts(
  [a, b, c],
  [{ id: 'P1', customerId: 'C1', invoiceId: 'A', currency: 'CNY', amountMinor: 60_000_00, promisedOn: '2026-03-18' }],
  [
    {
      id: 'L1',
      customerId: 'C2',
      currency: 'CNY',
      instalments: [
        { dueOn: '2026-04-30', amountMinor: 30_000_00 },
        { dueOn: '2026-03-31', amountMinor: 30_000_00 },
        { dueOn: '2026-05-29', amountMinor: 30_000_01 },
      ],
    },
  ],
);

test('the promised part and the instalments are committed to their dates; the broken promise is not', () => {
  assert.deepEqual(committed[0]?.commitment, [{ kind: 'promise', id: 'P1', on: '2026-03-18', amountMinor: 60_000_00 }]);
  assert.deepEqual(
    committed[1]?.commitment?.map((x) => [x.on, x.amountMinor]),
    [
      ['2026-03-31', 30_000_00],
      ['2026-04-30', 30_000_00],
      ['2026-05-29', 30_000_01],
    ],
  );
  assert.equal(committed[2]?.commitment, undefined);
});

test('base forecast: ¥60,000 in week 2, ¥40,000 + ¥50,000 in week 5, the plan in weeks 4, 8 and 12', () => {
  const base = scenarioOf(forecastOrThrow(emptyForecastInput('2026-03-04', { invoices: committed })), 'base');
  const weeks = lineTotals(base, 'invoices');
  assert.equal(weeks[2], 60_000_00);
  assert.equal(weeks[4], 30_000_00);
  assert.equal(weeks[5], 40_000_00 + 50_000_00);
  assert.equal(weeks[8], 30_000_00);
  assert.equal(weeks[12], 30_000_01);
  assert.equal(
    weeks.reduce((s, x) => s + x, 0),
    100_000_00 + 90_000_01 + 50_000_00,
  );
  assert.equal(base.excludedMinor, 0, 'the plan carries the 90-day-old invoice whole');
  const why = base.periods[2]?.lines.find((l) => l.key === 'invoices')?.sources[0];
  assert.equal(why?.reason, 'PROMISED_TO_PAY');
  assert.deepEqual(why?.reasonData, { on: '2026-03-18', promise: 'P1' });
  const plan = base.periods[8]?.lines.find((l) => l.key === 'invoices')?.sources[0];
  assert.equal(plan?.reason, 'PAYMENT_PLAN_INSTALMENT');
  assert.deepEqual(plan?.reasonData, { on: '2026-04-30', plan: 'L1' });
});

test('the committed dates hold in every scenario; only the uncommitted rest moves', () => {
  const result = forecastOrThrow(emptyForecastInput('2026-03-04', { invoices: committed }));
  // Optimistic places the uncommitted rest of A and all of C on their P10, Friday 2026-03-20 (week 2).
  const week2 = { optimistic: 60_000_00 + 40_000_00 + 50_000_00, base: 60_000_00, pessimistic: 60_000_00 };
  for (const [name, expected] of Object.entries(week2)) {
    const weeks = lineTotals(scenarioOf(result, name), 'invoices');
    assert.equal(weeks[2], expected, name);
    assert.equal(weeks[4], 30_000_00, name);
    assert.equal(weeks[12], 30_000_01, name);
  }
  const without = scenarioOf(forecastOrThrow(emptyForecastInput('2026-03-04', { invoices: [a, b, c] })), 'base');
  assert.equal(lineTotals(without, 'invoices')[5], 100_000_00 + 50_000_00, 'without the promise A is all in week 5');
});

test('a promise on the account pays the oldest invoices first; a disputed invoice is not committed', () => {
  const older = testInvoice('O', { dueOn: '2026-01-10', openMinor: 20_000_00 });
  const newer = testInvoice('N', { dueOn: '2026-02-10', openMinor: 30_000_00 });
  const disputed = testInvoice('D', { dueOn: '2026-01-01', openMinor: 10_000_00, isDisputed: true });
  const out = commitReceipts(
    [newer, disputed, older],
    [
      {
        id: 'P2',
        customerId: 'C1',
        invoiceId: null,
        currency: 'CNY',
        amountMinor: 25_000_00,
        promisedOn: '2026-03-20',
      },
    ],
    [],
  );
  assert.deepEqual(
    out.map((l) => l.commitment?.[0]?.amountMinor ?? 0),
    [5_000_00, 0, 20_000_00],
  );
});

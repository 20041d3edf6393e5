import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { unwrap } from '../shared/index.js';
import { computeAgingSeries } from './aging-series.js';
import { computeBaseAgingSeries } from './base-aging.js';
import { seriesDates } from './periods.js';
import { invoice, receipt } from './test-support.js';

// 'a' 1,000 issued 01-10 due 02-09: 400 received 02-20, 600 on 03-15.
// 'u' USD 50.00 issued 02-01 due 03-03 with 3 instalments, 20.00 received 03-05.
const ledger = {
  invoices: [
    invoice({ id: 'a', issuedOn: '2026-01-10', dueOn: '2026-02-09', amountMinor: 1_000 }),
    invoice({
      id: 'u',
      currency: 'USD',
      issuedOn: '2026-02-01',
      dueOn: '2026-04-02',
      amountMinor: 5_000,
      instalments: [
        { dueOn: '2026-03-03', amountMinor: 2_000 },
        { dueOn: '2026-04-02', amountMinor: 3_000 },
      ],
    }),
  ],
  settlements: [receipt('a', '2026-02-20', 400), receipt('a', '2026-03-15', 600), receipt('u', '2026-03-05', 2_000)],
};

test('the series dates are the month ends, the last one being as-of itself', () => {
  assert.deepEqual(seriesDates('2026-03-15', 3), ['2026-01-31', '2026-02-28', '2026-03-15']);
  assert.deepEqual(seriesDates('2026-03-31', 2), ['2026-02-28', '2026-03-31']);
  assert.equal(seriesDates('2026-03-31', 24)[0], '2024-04-30');
});

test('each month end shows what was open then, aged then', () => {
  const series = unwrap(computeAgingSeries(ledger, { asOf: '2026-03-31', months: 4, preset: '30-60-90' }));
  assert.deepEqual(
    series.points.map((p) => [p.on, p.byCurrency.map((r) => [r.currency, ...r.amounts])]),
    [
      ['2025-12-31', []],
      ['2026-01-31', [['CNY', 1_000, 0, 0, 0, 0]]],
      // 'a' 600 open, 19 days past due; 'u' both instalments not yet due.
      [
        '2026-02-28',
        [
          ['CNY', 0, 600, 0, 0, 0],
          ['USD', 5_000, 0, 0, 0, 0],
        ],
      ],
      // 'a' settled; 'u' first instalment settled 03-05, second not yet due.
      ['2026-03-31', [['USD', 3_000, 0, 0, 0, 0]]],
    ],
  );
});

test('each point converts at its own rate; a date without a rate fails', () => {
  const options = { asOf: '2026-03-31', months: 2, preset: '30-60-90' } as const;
  const fx = new FxTable([
    { on: '2026-02-27', base: 'USD', quote: 'CNY', rate: 7 },
    { on: '2026-03-31', base: 'USD', quote: 'CNY', rate: 7.2 },
  ]);
  const base = unwrap(computeBaseAgingSeries(ledger, options, { currency: 'CNY', fx }));
  assert.deepEqual(
    base.map((p) => [p.on, p.amounts, p.total]),
    [
      ['2026-02-28', [35_000, 600, 0, 0, 0], 35_600],
      ['2026-03-31', [21_600, 0, 0, 0, 0], 21_600],
    ],
  );
  const lateFx = new FxTable([{ on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7 }]);
  const failed = computeBaseAgingSeries(ledger, options, { currency: 'CNY', fx: lateFx });
  assert.equal(!failed.ok && failed.error.details.on, '2026-02-28');
});

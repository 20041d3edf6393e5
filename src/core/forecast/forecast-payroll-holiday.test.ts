import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf } from './testing.js';

test('payroll on the last working day moves ahead of the Spring Festival block', () => {
  const result = forecastOrThrow(
    emptyForecastInput('2025-01-06', {
      recurringItems: [
        {
          id: 'pay',
          name: '工资',
          category: 'payroll',
          direction: 'outflow',
          currency: 'CNY',
          amountMinor: 500_000_00,
          rule: 'monthly:last-working-day',
          startsOn: '2024-01-01',
          endsOn: null,
        },
      ],
    }),
  );
  const base = scenarioOf(result, 'base');
  // 28 Jan – 4 Feb 2025 is the holiday: January's payroll is paid Monday 27 January (week 4, 27/1–2/2), not 31/1.
  const payroll = lineTotals(base, 'payroll', 'disbursement');
  assert.equal(payroll[3], 500_000_00);
  assert.deepEqual(
    payroll.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0),
    [3, 7, 12],
    'Jan 27, Feb 28 (week 8: 24/2–2/3), Mar 31 (week 13: 31/3–6/4)',
  );
  const src = base.periods[3]?.lines.find((l) => l.key === 'payroll')?.sources[0];
  assert.equal(src?.placedOn, '2025-01-27');
  assert.equal(src?.reason, 'RECURRING_RULE');
  assert.equal(base.periods[3]?.closingMinor, 1_000_000_00 - 500_000_00);
});

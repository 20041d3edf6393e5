import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf } from './testing.js';

const vat = (rule: string) => ({
  id: 'vat',
  name: '增值税',
  category: 'tax' as const,
  direction: 'outflow' as const,
  currency: 'CNY',
  amountMinor: 120_000_00,
  rule,
  startsOn: '2023-01-01',
  endsOn: null,
});

test('quarterly VAT falls in January, April, July and October only', () => {
  const monthly = forecastOrThrow(
    emptyForecastInput('2025-02-10', { granularity: 'month', periods: 12, recurringItems: [vat('quarterly:15')] }),
  );
  const tax = lineTotals(scenarioOf(monthly, 'base'), 'tax', 'disbursement');
  // Months Feb 2025 … Jan 2026: April, July, October 2025 and January 2026.
  assert.deepEqual(tax, [0, 0, 120_000_00, 0, 0, 120_000_00, 0, 0, 120_000_00, 0, 0, 120_000_00]);
});

test('a deadline on a Sunday moves to Monday with :next, to Friday by default', () => {
  // 15 October 2023 is a Sunday. Weeks from Monday 2 October.
  const next = forecastOrThrow(emptyForecastInput('2023-10-02', { recurringItems: [vat('quarterly:15:next')] }));
  const prev = forecastOrThrow(emptyForecastInput('2023-10-02', { recurringItems: [vat('quarterly:15')] }));
  assert.deepEqual(lineTotals(scenarioOf(next, 'base'), 'tax', 'disbursement').slice(0, 3), [0, 0, 120_000_00]);
  assert.deepEqual(lineTotals(scenarioOf(prev, 'base'), 'tax', 'disbursement').slice(0, 3), [0, 120_000_00, 0]);
  assert.equal(
    scenarioOf(next, 'base').periods[2]?.lines.find((l) => l.key === 'tax')?.sources[0]?.placedOn,
    '2023-10-16',
  );
});

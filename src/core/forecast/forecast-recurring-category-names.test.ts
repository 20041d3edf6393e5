import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecurringItem } from '../model/index.js';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf } from './testing.js';

test('a recurring category named like an inherited property falls on the other-recurring line', () => {
  const item = (id: string, category: string): RecurringItem => ({
    id,
    name: id,
    category: category as RecurringItem['category'],
    direction: 'outflow',
    currency: 'CNY',
    amountMinor: 1_000_00,
    rule: 'monthly:15',
    startsOn: '2024-01-01',
    endsOn: null,
  });
  const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
  const result = forecastOrThrow(emptyForecastInput('2025-01-06', { recurringItems: names.map((n) => item(n, n)) }));
  const other = lineTotals(scenarioOf(result, 'base'), 'other_recurring', 'disbursement');
  assert.equal(
    other.reduce((a, b) => a + b, 0),
    names.length * 3 * 1_000_00,
  );
});

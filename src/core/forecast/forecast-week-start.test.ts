import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCalendar } from '../time/index.js';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf, testInvoice } from './testing.js';

// A calendar where every day is a working day, so the Sunday receipt stays on its Sunday.
const everyDay = createCalendar({ name: 'every-day', weekend: [], holidays: [], makeUpWorkdays: [] });

const sundayReceipt = testInvoice('S1', {
  dueOn: '2026-03-08',
  payment: { p10: '2026-03-08', p50: '2026-03-08', p90: '2026-03-08', pUnpaid90: 0, basis: 'customer' },
});

test('weeks start on the organisation’s day: a Sunday receipt moves between weeks', () => {
  const monday = scenarioOf(
    forecastOrThrow(emptyForecastInput('2026-03-04', { weekStart: 1, calendar: everyDay, invoices: [sundayReceipt] })),
    'base',
  );
  const sunday = scenarioOf(
    forecastOrThrow(emptyForecastInput('2026-03-04', { weekStart: 7, calendar: everyDay, invoices: [sundayReceipt] })),
    'base',
  );
  assert.deepEqual([monday.periods[0]?.startOn, monday.periods[0]?.endOn], ['2026-03-02', '2026-03-08']);
  assert.deepEqual([sunday.periods[0]?.startOn, sunday.periods[0]?.endOn], ['2026-03-01', '2026-03-07']);
  assert.equal(lineTotals(monday, 'invoices')[0], 100_000_00);
  assert.equal(lineTotals(sunday, 'invoices')[1], 100_000_00);
  assert.equal(monday.periods.length, 13);
  assert.equal(sunday.periods[12]?.endOn, '2026-05-30');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CN_PUBLIC_HOLIDAYS, createCalendar, isWorkingDay } from '../time/index.js';
import { emptyForecastInput, forecastOrThrow, scenarioOf, testInvoice } from './testing.js';

const paidOn = (p50: string) =>
  testInvoice(`I-${p50}`, {
    dueOn: '2026-09-04',
    payment: { p10: p50, p50, p90: p50, pUnpaid90: 0, basis: 'customer' },
  });

function placedOn(p50: string): string | undefined {
  const s = scenarioOf(forecastOrThrow(emptyForecastInput('2026-08-31', { invoices: [paidOn(p50)] })), 'base');
  for (const p of s.periods) {
    const src = p.lines.find((l) => l.key === 'invoices')?.sources[0];
    if (src) return src.placedOn;
  }
  return undefined;
}

test('a receipt predicted on a Saturday or Sunday reaches the bank on the Monday', () => {
  assert.equal(placedOn('2026-09-05'), '2026-09-07'); // Saturday
  assert.equal(placedOn('2026-09-06'), '2026-09-07'); // Sunday
  assert.equal(placedOn('2026-09-08'), '2026-09-08'); // a Tuesday stays
  // Sunday 20 September 2026 is a make-up working day (调休 for the Mid-Autumn Festival).
  assert.equal(placedOn('2026-09-20'), '2026-09-20');
});

test('a receipt predicted in the National Day holiday moves to the first working day after it', () => {
  // 1–7 October 2026 are off; Saturday 10 October is a make-up working day (调休).
  assert.equal(placedOn('2026-10-02'), '2026-10-08');
  assert.equal(placedOn('2026-10-10'), '2026-10-10');
});

test('new sales are collected on working days too', () => {
  const input = emptyForecastInput('2026-08-31', {
    salesHistory: [{ month: '2025-10', amountMinor: 1_000_000_00 }],
    customers: [{ customerId: 'c', name: 'c', termsDays: 1, delayDays: { p10: 0, p50: 0, p90: 0 }, salesShare: 1 }],
  });
  const s = scenarioOf(forecastOrThrow(input), 'base');
  const days = s.periods.flatMap((p) =>
    (p.lines.find((l) => l.key === 'new_sales')?.sources ?? []).map((x) => new Date(`${x.placedOn}T00:00:00Z`)),
  );
  assert.ok(days.length > 0);
  const cal = createCalendar(CN_PUBLIC_HOLIDAYS);
  for (const d of days) assert.ok(isWorkingDay(cal, d.toISOString().slice(0, 10)), `${d.toISOString()} is a day off`);
});

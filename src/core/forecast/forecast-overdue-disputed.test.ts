import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runForecastEngine } from './engine.js';
import { BASE_SCENARIO } from './scenarios.js';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf, testInvoice } from './testing.js';

const p = { p10: '2026-03-20', p50: '2026-04-10', p90: '2026-05-15', pUnpaid90: 0.6, basis: 'customer' as const };
const disputed = testInvoice('D1', { dueOn: '2026-02-20', isDisputed: true, openMinor: 200_000_00, payment: p });
const over90 = testInvoice('O1', { dueOn: '2025-11-01', openMinor: 100_000_00, payment: p });

test('disputed and >90-day overdue invoices are carried at 50% on the P90 date; pessimistic writes off 5% more of the old one', () => {
  const result = forecastOrThrow(emptyForecastInput('2026-03-04', { invoices: [disputed, over90] }));
  const base = scenarioOf(result, 'base');
  const weekOfP90 = 10; // 11–17 May
  assert.equal(lineTotals(base, 'invoices')[weekOfP90], 100_000_00 + 50_000_00);
  const reasons = base.periods[weekOfP90]?.lines.find((l) => l.key === 'invoices')?.sources.map((s) => s.reason);
  assert.deepEqual(reasons?.sort(), ['DISPUTED_RECOVERY', 'OVERDUE_90_RECOVERY']);
  assert.equal(base.excludedMinor, 150_000_00);
  const pess = scenarioOf(result, 'pessimistic');
  assert.equal(lineTotals(pess, 'invoices')[weekOfP90], 100_000_00 + 45_000_00);
  assert.equal(lineTotals(scenarioOf(result, 'optimistic'), 'invoices')[weekOfP90], 150_000_00);
});

test("with the 'exclude' treatment they leave receipts entirely", () => {
  const r = runForecastEngine(emptyForecastInput('2026-03-04', { invoices: [disputed, over90] }), [
    { name: 'strict', params: { ...BASE_SCENARIO, doubtful: 'exclude' } },
  ]);
  assert.ok(r.ok);
  const strict = scenarioOf(r.value, 'strict');
  assert.ok(strict.periods.every((x) => x.receiptsMinor === 0));
  assert.equal(strict.excludedMinor, 300_000_00);
  assert.deepEqual(strict.excluded.map((e) => e.reason).sort(), ['DISPUTED_EXCLUDED', 'OVERDUE_90_EXCLUDED']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toEpochDay } from '../time/index.js';
import { projectSales } from './sales.js';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf } from './testing.js';
import type { MonthlySales } from './types.js';

/** Two years of sales: 1,000,000 a month, February (Spring Festival) at 400,000; the second year 10% higher. */
function history(): MonthlySales[] {
  const out: MonthlySales[] = [];
  for (let i = 0; i < 24; i++) {
    const y = 2024 + Math.floor(i / 12);
    const m = (i % 12) + 1;
    const level = (m === 2 ? 400_000_00 : 1_000_000_00) * (y === 2025 ? 1.1 : 1);
    out.push({ month: `${y}-${m < 10 ? '0' : ''}${m}`, amountMinor: Math.round(level) });
  }
  return out;
}

test('the seasonal model repeats last February’s dip, grown by the trailing year', () => {
  const p = projectSales(history(), [], toEpochDay('2026-01-01'), toEpochDay('2026-04-30'));
  assert.ok(Math.abs(p.growth - 1.1) < 1e-9, `growth ${p.growth}`);
  const month = (m: number) => Math.round(p.months.get(2026 * 12 + m - 1)?.amount ?? 0);
  assert.equal(month(1), Math.round((1_100_000_00 * 1.1 * 30) / 31), 'January counts its 30 days after the 1st');
  assert.equal(month(2), Math.round(440_000_00 * 1.1));
  assert.equal(month(3), Math.round(1_100_000_00 * 1.1));
  assert.equal(p.months.size, 4);
});

test('new-sales receipts dip in the month after the Spring Festival, and scale by scenario', () => {
  const input = emptyForecastInput('2025-12-31', {
    granularity: 'month',
    periods: 6,
    salesHistory: history(),
    customers: [
      { customerId: 'C1', name: '甲', termsDays: 30, delayDays: { p10: 0, p50: 0, p90: 0 }, salesShare: 0.75 },
      { customerId: 'C2', name: '乙', termsDays: 30, delayDays: null, salesShare: 0.25 },
    ],
  });
  const result = forecastOrThrow(input);
  const base = lineTotals(scenarioOf(result, 'base'), 'new_sales');
  // Collected 30 days after issue: February's dip shows in March receipts.
  assert.ok((base[3] as number) < 0.5 * (base[2] as number), `March ${base[3]} vs February ${base[2]}`);
  // Over everything projected (in the horizon or collected after it), the factors are exact up to rounding.
  const sum = (name: string) =>
    lineTotals(scenarioOf(result, name), 'new_sales').reduce((a, b) => a + b, 0) +
    scenarioOf(result, name).beyondHorizon.receiptsMinor;
  assert.ok(sum('optimistic') > sum('base') && sum('base') > sum('pessimistic'));
  const ratio = sum('pessimistic') / sum('base');
  assert.ok(Math.abs(ratio - 0.9) < 0.001, `pessimistic / base = ${ratio}`);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf } from './testing.js';

const line = {
  id: 'L1',
  lender: '招商银行',
  currency: 'CNY',
  limitMinor: 1_000_000_00,
  drawnMinor: 400_000_00,
  expiresOn: '2026-04-15',
  renewalOn: null,
  interestRate: 0.04,
};

test('a line expiring mid-horizon without renewal loses its headroom and is repaid', () => {
  const base = scenarioOf(forecastOrThrow(emptyForecastInput('2026-03-04', { creditLines: [line] })), 'base');
  // Weeks from Monday 2 March; 15 April falls in week 7 (13–19 April).
  assert.deepEqual(
    base.periods.map((p) => p.headroomMinor),
    [...Array(6).fill(600_000_00), ...Array(7).fill(0)],
  );
  const repay = lineTotals(base, 'credit_line_repayment', 'disbursement');
  assert.equal(repay[6], 400_000_00);
  assert.equal(
    repay.reduce((a, b) => a + b, 0),
    400_000_00,
  );
  assert.equal(base.periods[6]?.closingMinor, 600_000_00);
});

test('a renewed line keeps its headroom and is not repaid', () => {
  const renewed = { ...line, renewalOn: '2026-04-15' };
  const base = scenarioOf(forecastOrThrow(emptyForecastInput('2026-03-04', { creditLines: [renewed] })), 'base');
  assert.ok(base.periods.every((p) => p.headroomMinor === 600_000_00));
  assert.equal(
    lineTotals(base, 'credit_line_repayment', 'disbursement').reduce((a, b) => a + b, 0),
    0,
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CreditLine } from '../model/index.js';
import { describeOutlook } from './outlook.js';
import { emptyForecastInput, forecastOrThrow, scenarioOf } from './testing.js';
import type { ForecastBill, ForecastInput } from './types.js';

const ASOF = '2026-12-08'; // a Tuesday; week 1 runs Monday 12-07 to Sunday 12-13
const bill = (id: string, dueOn: string, openMinor: number): ForecastBill => ({
  id,
  number: id,
  supplierName: '供应商',
  currency: 'CNY',
  openMinor,
  dueOn,
});
const line: CreditLine = {
  id: 'l1',
  lender: '招商银行',
  currency: 'CNY',
  limitMinor: 1_000_000_00,
  drawnMinor: 0,
  expiresOn: null,
  renewalOn: null,
  interestRate: null,
} as CreditLine;
// Opening cash 1,000,000.00; a 1,500,000.00 bill in week 3 and 200,000.00 a week after that.
const bills = [
  bill('big', '2026-12-23', 1_500_000_00),
  ...Array.from({ length: 20 }, (_, i) =>
    bill(`w${i}`, new Date(Date.UTC(2026, 11, 30 + 7 * i)).toISOString().slice(0, 10), 200_000_00),
  ),
];
const input = (overrides: Partial<ForecastInput> = {}) => emptyForecastInput(ASOF, { bills, ...overrides });

test('one buffer whichever view is shown: a month of the next 13 weeks of base outflows', () => {
  const weekly = forecastOrThrow(input());
  const monthly = forecastOrThrow(input({ granularity: 'month', periods: 6 }));
  assert.equal(weekly.bufferMinor, monthly.bufferMinor);
  assert.deepEqual(weekly.buffer, monthly.buffer);
  assert.equal(weekly.buffer.windowDays, 91);
  // Weeks 1–13 (12-07 … 03-07): the big bill and 10 weekly ones = 3,500,000.00 over 91 days.
  assert.equal(weekly.buffer.outflowsMinor, 3_500_000_00);
  assert.equal(weekly.bufferMinor, Math.round((3_500_000_00 / 91) * (365.25 / 12)));
});

test('runway counts the undrawn committed credit, and says so; the weekly and monthly views agree', () => {
  // Without the line, cash (1.0M) runs out in week 3 (the 1.5M bill): runway to its start, 12-21.
  const none = scenarioOf(forecastOrThrow(input()), 'base');
  assert.equal(none.runwayWeeks, 1.9); // 13 days from 12-08 to 12-21
  assert.equal(none.runwayCreditMinor, 0);
  const noneMonthly = scenarioOf(forecastOrThrow(input({ granularity: 'month', periods: 6 })), 'base');
  assert.equal(noneMonthly.runwayWeeks, none.runwayWeeks);
  // With 1.0M undrawn: −0.5M + 1.0M ≥ 0 in week 3; the 200k weekly bills take cash to −1.1M in
  // week 6 (from Monday 2027-01-11), past the line.
  const withLine = scenarioOf(forecastOrThrow(input({ creditLines: [line] })), 'base');
  assert.equal(withLine.runwayCreditMinor, 1_000_000_00);
  assert.equal(withLine.runwayWeeks, 4.9); // to Monday 2027-01-11: 34 days
  const monthly = scenarioOf(forecastOrThrow(input({ creditLines: [line], granularity: 'month', periods: 6 })), 'base');
  assert.equal(monthly.runwayWeeks, withLine.runwayWeeks);
});

test('beyond the horizon, the runway says "more than N weeks", never "cash does not fall"', () => {
  const result = forecastOrThrow(input({ bills: [bill('small', '2026-12-23', 100_000_00)] }));
  const base = scenarioOf(result, 'base');
  assert.equal(base.runwayWeeks, null);
  assert.deepEqual(describeOutlook(result, base).runway, { kind: 'beyond', weeks: 13, creditMinor: 0 });
});

test('a breach is dated at the close of its period, never before the as-of date; below already is "now"', () => {
  const result = forecastOrThrow(
    input({ settings: { ...input().settings, minCash: { mode: 'amount', amountMinor: 600_000_00 } } }),
  );
  const base = scenarioOf(result, 'base');
  assert.equal(result.isBelowBufferAtStart, false);
  assert.deepEqual(base.firstBreach, { index: 2, startOn: '2026-12-21', endOn: '2026-12-27' });
  assert.deepEqual(describeOutlook(result, base).breach, {
    kind: 'period',
    index: 2,
    endOn: '2026-12-27',
    closingMinor: -500_000_00,
  });
  const below = forecastOrThrow(
    input({ settings: { ...input().settings, minCash: { mode: 'amount', amountMinor: 2_000_000_00 } } }),
  );
  assert.equal(below.isBelowBufferAtStart, true);
  assert.deepEqual(describeOutlook(below, scenarioOf(below, 'base')).breach, {
    kind: 'now',
    openingMinor: 1_000_000_00,
    bufferMinor: 2_000_000_00,
  });
});

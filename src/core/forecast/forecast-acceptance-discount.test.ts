import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcceptanceBill } from '../model/index.js';
import { emptyForecastInput, forecastOrThrow, lineTotals, scenarioOf } from './testing.js';

const bill = (over: Partial<AcceptanceBill>): AcceptanceBill => ({
  id: 'AB1',
  number: '130058100001220260101000000001',
  kind: 'bank',
  direction: 'receivable',
  currency: 'CNY',
  faceMinor: 1_000_000_00,
  issuedOn: '2026-03-01',
  maturesOn: '2026-08-31',
  acceptorName: '中国银行',
  acceptorCustomerId: null,
  drawerName: '华东精工',
  customerId: 'C1',
  endorsements: [],
  status: 'held',
  discountedOn: null,
  discountRate: 0.015,
  plannedDiscountOn: '2026-03-16',
  isWithRecourse: true,
  ...over,
});

test('a bank bill discounted early brings face less interest on the discount date', () => {
  const base = scenarioOf(forecastOrThrow(emptyForecastInput('2026-03-04', { acceptanceBills: [bill({})] })), 'base');
  // 168 days from 16 March to 31 August: interest = 1,000,000 × 1.5% × 168 / 360 = 7,000.
  const receipts = lineTotals(base, 'acceptance_bills');
  assert.equal(receipts[2], 993_000_00);
  assert.equal(
    receipts.reduce((a, b) => a + b, 0),
    993_000_00,
  );
  assert.equal(
    base.periods[2]?.lines.find((l) => l.key === 'acceptance_bills')?.sources[0]?.reason,
    'ACCEPTANCE_DISCOUNTED',
  );
  assert.equal(base.excludedMinor, 7_000_00);
});

test('a 365-day basis setting changes the interest; without a plan the bill is held to maturity', () => {
  const input = emptyForecastInput('2026-03-04', { acceptanceBills: [bill({})] });
  const r365 = scenarioOf(
    forecastOrThrow({ ...input, settings: { ...input.settings, discountDayBasis: 365 } }),
    'base',
  );
  assert.equal(lineTotals(r365, 'acceptance_bills')[2], 1_000_000_00 - 690_411); // 1e8 × 0.015 × 168 / 365 = 690,410.96 fen
  const held = scenarioOf(
    forecastOrThrow(emptyForecastInput('2026-03-04', { acceptanceBills: [bill({ plannedDiscountOn: null })] })),
    'base',
  );
  assert.equal(held.beyondHorizon.receiptsMinor, 1_000_000_00);
});

test("a commercial bill carries its acceptor's PD as a haircut; a payable bill is paid at maturity", () => {
  const input = emptyForecastInput('2026-03-04', {
    acceptanceBills: [
      bill({
        kind: 'commercial',
        acceptorName: '某地产集团',
        acceptorCustomerId: 'C9',
        plannedDiscountOn: null,
        maturesOn: '2026-04-30',
      }),
      bill({
        id: 'AB2',
        direction: 'payable',
        plannedDiscountOn: null,
        maturesOn: '2026-05-06',
        faceMinor: 200_000_00,
      }),
    ],
    acceptorPd: new Map([['C9', 0.1]]),
  });
  const base = scenarioOf(forecastOrThrow(input), 'base');
  assert.equal(lineTotals(base, 'acceptance_bills')[8], 900_000_00);
  assert.equal(lineTotals(base, 'acceptance_bills', 'disbursement')[9], 200_000_00);
});

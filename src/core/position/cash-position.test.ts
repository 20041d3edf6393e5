import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { computeCashPosition, type PositionInput } from './index.js';

const fx = new FxTable([{ on: '2026-11-01', base: 'USD', quote: 'CNY', rate: 7.1 }]);

function input(overrides: Partial<PositionInput> = {}): PositionInput {
  return {
    asOf: '2026-11-25',
    baseCurrency: 'CNY',
    fx,
    balances: [
      { accountId: 'a1', name: '基本户', currency: 'CNY', on: '2026-11-24', amountMinor: 100_000_00 },
      { accountId: 'a2', name: 'USD', currency: 'USD', on: '2026-11-24', amountMinor: 1_000_00 },
    ],
    openInvoices: [
      { customerId: 'c1', currency: 'CNY', dueOn: '2026-12-10', openMinor: 50_000_00 }, // not due
      { customerId: 'c1', currency: 'CNY', dueOn: '2026-11-20', openMinor: 10_000_00 }, // 5 days late
      { customerId: 'c2', currency: 'USD', dueOn: '2026-08-01', openMinor: 2_000_00 }, // 116 days late
      { customerId: 'c3', currency: 'EUR', dueOn: '2026-11-01', openMinor: 9_999_00 }, // no EUR rate
    ],
    openBills: [
      { supplierId: 's1', currency: 'CNY', dueOn: '2026-11-01', openMinor: 3_000_00 },
      { supplierId: 's1', currency: 'CNY', dueOn: '2026-12-20', openMinor: 4_000_00 },
      { supplierId: 's2', currency: 'CNY', dueOn: '2027-02-01', openMinor: 5_000_00 },
    ],
    creditLines: [
      {
        lender: '招商银行',
        currency: 'CNY',
        limitMinor: 1_000_000_00,
        drawnMinor: 400_000_00,
        expiresOn: '2027-03-31',
      },
      { lender: 'expired', currency: 'CNY', limitMinor: 500_000_00, drawnMinor: 0, expiresOn: '2026-10-31' },
    ],
    customers: new Map([
      ['c1', { name: '华东电子', limitMinor: 80_000_00, limitCurrency: 'CNY' }],
      ['c2', { name: 'Acme Ltd', limitMinor: null, limitCurrency: null }],
    ]),
    ...overrides,
  };
}

test('cash, receivables, payables and headroom in the base currency, hand-worked', () => {
  const p = computeCashPosition(input());
  // 100,000.00 CNY + 1,000.00 USD × 7.1 = 107,100.00 CNY
  assert.equal(p.cash.totalMinor, 107_100_00);
  // AR: 50,000 + 10,000 + 2,000 USD × 7.1 = 74,200 CNY; EUR left out for want of a rate.
  assert.equal(p.receivables.openMinor, 74_200_00);
  assert.equal(p.receivables.overdueMinor, 24_200_00);
  assert.equal(p.receivables.over90Minor, 14_200_00);
  assert.equal(p.receivables.openCount, 3);
  assert.equal(p.receivables.overdueCount, 2);
  assert.deepEqual(p.missingRates, ['EUR']);
  assert.deepEqual(p.payables, {
    openMinor: 12_000_00,
    overdueMinor: 3_000_00,
    dueNext30Minor: 4_000_00,
    openCount: 3,
  });
  // The expired line does not count.
  assert.deepEqual(p.creditLines, { limitMinor: 1_000_000_00, drawnMinor: 400_000_00, headroomMinor: 600_000_00 });
});

test('largest exposures are sorted by open amount with their share, overdue and limit', () => {
  const p = computeCashPosition(input());
  assert.deepEqual(
    p.largestExposures.map((e) => [e.name, e.openMinor, e.overdueMinor, e.limitMinor]),
    [
      ['华东电子', 60_000_00, 10_000_00, 80_000_00],
      ['Acme Ltd', 14_200_00, 14_200_00, null],
    ],
  );
  assert.ok(Math.abs((p.largestExposures[0]?.share ?? 0) - 60_000 / 74_200) < 1e-12);
});

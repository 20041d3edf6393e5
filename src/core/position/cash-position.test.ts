import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcceptanceBill } from '../model/index.js';
import { FxTable } from '../money/index.js';
import { computeOpenItems, computeReceivablesFigures, type ReceivablesLedger } from '../receivables/index.js';
import { invoice } from '../receivables/test-support.js';
import { computeCashPosition, type PositionInput } from './index.js';

const fx = new FxTable([{ on: '2026-11-01', base: 'USD', quote: 'CNY', rate: 7.1 }]);
const ledger: ReceivablesLedger = {
  invoices: [
    invoice({ id: 'a', issuedOn: '2026-11-01', dueOn: '2026-12-10', amountMinor: 50_000_00 }), // not due
    invoice({ id: 'b', issuedOn: '2026-10-21', dueOn: '2026-11-20', amountMinor: 10_000_00 }), // 5 days late
    invoice({ id: 'c', customerId: 'c2', currency: 'USD', dueOn: '2026-08-01', amountMinor: 2_000_00 }), // 116 days late
    invoice({ id: 'd', customerId: 'c3', currency: 'EUR', dueOn: '2026-11-01', amountMinor: 9_999_00 }), // no EUR rate
  ],
  settlements: [],
};
const bill = (fields: Partial<AcceptanceBill>): AcceptanceBill => ({
  id: 'ab',
  number: 'AB1',
  kind: 'bank',
  direction: 'receivable',
  currency: 'CNY',
  faceMinor: 30_000_00,
  issuedOn: '2026-10-01',
  maturesOn: '2027-01-31',
  acceptorName: '工商银行',
  acceptorCustomerId: null,
  drawerName: '华东电子',
  customerId: 'c1',
  endorsements: [],
  status: 'held',
  discountedOn: null,
  discountRate: null,
  plannedDiscountOn: null,
  isWithRecourse: false,
  ...fields,
});

function input(overrides: Partial<PositionInput> = {}): PositionInput {
  return {
    asOf: '2026-11-25',
    baseCurrency: 'CNY',
    fx,
    balances: [
      { accountId: 'a1', name: '基本户', currency: 'CNY', on: '2026-11-24', amountMinor: 100_000_00 },
      { accountId: 'a2', name: 'USD', currency: 'USD', on: '2026-11-24', amountMinor: 1_000_00 },
    ],
    receivables: computeReceivablesFigures(ledger, '2026-11-25', { currency: 'CNY', fx }),
    openItems: computeOpenItems(ledger, '2026-11-25'),
    unapplied: [
      { customerId: 'c1', currency: 'CNY', amountMinor: 5_000_00 },
      { customerId: null, currency: 'CNY', amountMinor: 1_000_00 },
    ],
    acceptanceBills: [
      bill({}),
      bill({ id: 'cb', kind: 'commercial', acceptorCustomerId: 'c2', acceptorName: 'Acme Ltd', faceMinor: 8_000_00 }),
      bill({ id: 'old', maturesOn: '2026-11-01' }),
      bill({ id: 'pay', direction: 'payable' }),
    ],
    salesOrders: [
      {
        id: 'o1',
        customerId: 'c1',
        number: 'SO1',
        orderedOn: '2026-11-20',
        currency: 'CNY',
        amountMinor: 40_000_00,
        status: 'open',
      },
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
  // The EUR line, which cannot be converted, is left out of the counts as of the amounts.
  assert.equal(p.receivables.openCount, 3);
  assert.equal(p.receivables.overdueCount, 2);
  // Unapplied receipts of known customers reduce what customers owe; an unidentified payer's do not.
  assert.equal(p.receivables.unappliedMinor, 5_000_00);
  assert.equal(p.receivables.unidentifiedMinor, 1_000_00);
  assert.equal(p.receivables.netMinor, 69_200_00);
  // Bills held until maturity: the bank bill and the commercial one, not the matured or the payable one.
  assert.deepEqual(p.acceptanceBills, {
    heldMinor: 38_000_00,
    bankMinor: 30_000_00,
    commercialMinor: 8_000_00,
    count: 2,
    nextMaturityOn: '2027-01-31',
  });
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

test('largest exposures: open AR less unapplied, plus 商承 accepted and open orders, against the limit', () => {
  const p = computeCashPosition(input());
  assert.deepEqual(
    p.largestExposures.map((e) => [
      e.name,
      e.openMinor,
      e.overdueMinor,
      e.unappliedMinor,
      e.acceptanceBillsMinor,
      e.openOrdersMinor,
      e.exposureMinor,
      e.limitMinor,
      e.isOverLimit,
    ]),
    [
      // 60,000 − 5,000 + 40,000 = 95,000 > 80,000: over its limit, though its open AR is not.
      ['华东电子', 60_000_00, 10_000_00, 5_000_00, 0, 40_000_00, 95_000_00, 80_000_00, true],
      ['Acme Ltd', 14_200_00, 14_200_00, 0, 8_000_00, 0, 22_200_00, null, false],
    ],
  );
  assert.ok(Math.abs((p.largestExposures[0]?.share ?? 0) - 60_000 / 74_200) < 1e-12);
});

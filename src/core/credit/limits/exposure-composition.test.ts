import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcceptanceBill, SalesOrder } from '../../model/index.js';
import { computeExposure } from './exposure.js';

const bill = (id: string, extra: Partial<AcceptanceBill>): AcceptanceBill => ({
  id,
  number: id,
  kind: 'commercial',
  direction: 'receivable',
  currency: 'CNY',
  faceMinor: 1_000,
  issuedOn: '2026-09-01',
  maturesOn: '2027-02-28',
  acceptorName: 'C1 Ltd',
  acceptorCustomerId: 'C1',
  drawerName: 'C1 Ltd',
  customerId: 'C1',
  endorsements: [],
  status: 'held',
  discountedOn: null,
  discountRate: null,
  plannedDiscountOn: null,
  isWithRecourse: true,
  ...extra,
});
const order = (id: string, status: SalesOrder['status'], amountMinor: number, currency = 'CNY'): SalesOrder => ({
  id,
  customerId: 'C1',
  number: id,
  orderedOn: '2026-11-20',
  currency,
  amountMinor,
  status,
});
const toCny = (a: number, c: string) => (c === 'CNY' ? a : c === 'USD' ? a * 7 : null);

test('open AR + live 商承 where the customer is acceptor + open and shipped orders, in CNY', () => {
  const e = computeExposure(
    'C1',
    'CNY',
    {
      openItems: [
        { customerId: 'C1', currency: 'CNY', openMinor: 5_000 },
        { customerId: 'C1', currency: 'USD', openMinor: 100 },
        { customerId: 'C1', currency: 'CNY', openMinor: -200 }, // a credit balance reduces exposure
        { customerId: 'C2', currency: 'CNY', openMinor: 9_999 },
      ],
      acceptanceBills: [
        bill('held', {}),
        bill('endorsed-recourse', { status: 'endorsed', faceMinor: 2_000 }),
        bill('endorsed-no-recourse', { status: 'endorsed', isWithRecourse: false }),
        bill('bank', { kind: 'bank', acceptorCustomerId: null }),
        bill('matured', { maturesOn: '2026-11-01' }),
        bill('settled', { status: 'settled' }),
        bill('dishonoured', { status: 'dishonoured', maturesOn: '2026-10-01', faceMinor: 300 }),
      ],
      salesOrders: [
        order('o1', 'open', 400),
        order('o2', 'shipped', 50, 'USD'),
        order('o3', 'invoiced', 777),
        order('o4', 'cancelled', 888),
      ],
    },
    '2026-11-25',
    toCny,
  );
  assert.equal(e.openArMinor, 5_000 + 700 - 200);
  assert.equal(e.acceptanceBillsMinor, 1_000 + 2_000 + 300);
  assert.equal(e.openOrdersMinor, 400 + 350);
  assert.equal(e.totalMinor, 5_500 + 3_300 + 750);
  assert.deepEqual(e.unconverted, []);
});

test('an amount without an FX rate is left out and reported, never guessed', () => {
  const e = computeExposure(
    'C1',
    'CNY',
    { openItems: [{ customerId: 'C1', currency: 'EUR', openMinor: 900 }], acceptanceBills: [], salesOrders: [] },
    '2026-11-25',
    toCny,
  );
  assert.equal(e.totalMinor, 0);
  assert.deepEqual(e.unconverted, [{ currency: 'EUR', amountMinor: 900 }]);
});

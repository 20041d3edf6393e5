import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testInvoice } from '../forecast/testing.js';
import { FxTable } from '../money/index.js';
import { runShocks, runStressBase } from './run-shocks.js';
import { handBuiltCompany } from './testing.js';
import type { Shock, ShockOutcome, StressInput } from './types.js';

const Y = 100; // minor units per yuan

function outcome(stress: StressInput, shocks: Shock[]): ShockOutcome {
  const base = runStressBase(stress);
  assert.ok(base.ok);
  const r = runShocks(stress, base.value, shocks);
  assert.ok(r.ok);
  return r.value;
}

test('the base of the hand-built company closes as worked out by hand', () => {
  const base = runStressBase(handBuiltCompany());
  assert.ok(base.ok);
  assert.equal(base.value.bufferMinor, 200_000 * Y);
  assert.deepEqual(
    base.value.closingsMinor.map((c) => c / Y),
    [
      500_000, 500_000, 1_000_000, 700_000, 900_000, 900_000, 900_000, 900_000, 750_000, 750_000, 750_000, 750_000,
      750_000,
    ],
  );
});

test('no shock changes nothing', () => {
  const o = outcome(handBuiltCompany(), []);
  assert.equal(o.minCashMinor, 500_000 * Y);
  assert.equal(o.lossMinor, 0);
  assert.equal(o.firstBreach, null);
});

test('the largest customer defaults: its 500,000 is lost, 20 % recovery beyond the horizon', () => {
  const o = outcome(handBuiltCompany(), [{ kind: 'top_default', count: 1 }]);
  // Weeks 3–4: 500,000 then 200,000; week 9: 250,000.
  assert.equal(o.minCashMinor, 200_000 * Y);
  assert.equal(o.minPeriod.index, 3);
  assert.equal(o.firstBreach, null); // 200,000 is not below 200,000
  assert.equal(o.lossMinor, 500_000 * Y);
  assert.equal(o.creditLossMinor, 400_000 * Y);
});

test('the two largest default: the buffer breaks in week 9, cash stays positive', () => {
  const o = outcome(handBuiltCompany(), [{ kind: 'top_default', count: 2 }]);
  assert.equal(o.minCashMinor, 50_000 * Y);
  assert.equal(o.minPeriod.index, 8);
  assert.equal(o.firstBreach?.index, 8);
  assert.equal(o.firstBreach?.startOn, '2026-04-27');
  assert.equal(o.firstNegative, null);
  assert.equal(o.lossMinor, 700_000 * Y);
  assert.equal(o.creditLossMinor, 560_000 * Y);
});

test('an insured customer defaults: the indemnity comes 180 days later, the loss is what is neither insured nor recovered', () => {
  const stress = handBuiltCompany();
  const insured = {
    ...stress,
    customers: stress.customers.map((c) => (c.customerId === 'C1' ? { ...c, insuredShare: 0.9 } : c)),
  };
  const o = outcome(insured, [{ kind: 'default', customerIds: ['C1'] }]);
  // 500,000 × 0.9 indemnified (after the 13 weeks); 20 % of the uninsured 50,000 recovered.
  assert.equal(o.creditLossMinor, 40_000 * Y);
  assert.equal(o.lossMinor, 500_000 * Y);
});

test('receipts 30 days later move the cash, not the total', () => {
  const o = outcome(handBuiltCompany(), [{ kind: 'delay', days: 30 }]);
  // 宏达 pays Fri 04-17 (week 7), 远洋 Fri 05-01 (week 9): week 4 closes at 200,000.
  assert.equal(o.minCashMinor, 200_000 * Y);
  assert.equal(o.minPeriod.index, 3);
  assert.equal(o.lossMinor, 0);
  assert.deepEqual(
    o.closingsMinor.slice(0, 9).map((c) => c / Y),
    [500_000, 500_000, 500_000, 200_000, 200_000, 200_000, 700_000, 700_000, 750_000],
  );
});

test('a delay for one customer only moves that customer', () => {
  const o = outcome(handBuiltCompany(), [{ kind: 'delay', days: 30, customerIds: ['C2'] }]);
  assert.deepEqual(
    o.closingsMinor.slice(0, 9).map((c) => c / Y),
    [500_000, 500_000, 1_000_000, 700_000, 700_000, 700_000, 700_000, 700_000, 750_000],
  );
});

test('the largest suppliers demand prepayment: the 300,000 bill is paid in week 1', () => {
  const o = outcome(handBuiltCompany(), [{ kind: 'supplier_prepayment', count: 3 }]);
  assert.equal(o.closingsMinor[0], 200_000 * Y);
  assert.equal(o.minCashMinor, 200_000 * Y);
  assert.equal(o.lossMinor, 0);
});

test('stretching payables 14 days moves the bill to week 6', () => {
  const o = outcome(handBuiltCompany(), [{ kind: 'payables_stretch', days: 14 }]);
  assert.deepEqual(
    o.closingsMinor.slice(2, 6).map((c) => c / Y),
    [1_000_000, 1_000_000, 1_200_000, 900_000],
  );
});

test('a credit line withdrawn at renewal is repaid that day', () => {
  const stress = handBuiltCompany({
    creditLines: [
      {
        id: 'l1',
        lender: '招商银行',
        currency: 'CNY',
        limitMinor: 400_000 * Y,
        drawnMinor: 100_000 * Y,
        expiresOn: '2026-04-08',
        renewalOn: '2026-04-08',
        interestRate: null,
      },
    ],
  });
  const o = outcome(stress, [{ kind: 'credit_line_withdrawn', noticeDays: 30 }]);
  // Renewal Wed 04-08 (week 6): 100,000 repaid.
  assert.equal(o.closingsMinor[5], 800_000 * Y);
  assert.equal(o.lossMinor, 100_000 * Y);
});

test('a 10 % fall of the dollar costs 10 % of the dollar receivable', () => {
  const fx = new FxTable([{ on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7 }]);
  const stress = handBuiltCompany({
    fx,
    invoices: [
      testInvoice('u1', {
        customerId: 'C3',
        customerName: 'Acme',
        currency: 'USD',
        openMinor: 10_000 * Y,
        dueOn: '2026-03-11',
      }),
    ],
  });
  const o = outcome(stress, [{ kind: 'fx', currency: 'USD', change: -0.1 }]);
  assert.equal(o.lossMinor, 7_000 * Y);
  const up = outcome(stress, [{ kind: 'fx', currency: 'USD', change: 0.1 }]);
  assert.equal(up.lossMinor, -7_000 * Y);
});

test('sales −20 % with purchases following: both new lines fall by a fifth', () => {
  const months = [
    ...['03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}`),
    '2026-01',
    '2026-02',
  ].map((month) => ({ month, amountMinor: 1_000_000 * Y }));
  const stress = handBuiltCompany({
    salesHistory: months,
    purchaseHistory: months.map((m) => ({ ...m, amountMinor: 600_000 * Y })),
    purchasePaymentDays: 0,
    customers: [{ customerId: 'C1', name: '宏达', termsDays: 30, delayDays: null, salesShare: 1 }],
  });
  const none = outcome(stress, [{ kind: 'sales_drop', share: 0, variableShare: 1 }]);
  const drop = outcome(stress, [{ kind: 'sales_drop', share: 0.2, variableShare: 0 }]);
  const follow = outcome(stress, [{ kind: 'sales_drop', share: 0.2, variableShare: 1 }]);
  assert.equal(none.lossMinor, 0);
  assert.ok(drop.lossMinor > 0, 'less sales, less cash');
  // Purchases paid on issue fall inside the horizon in full; sales received later only in part.
  assert.ok(follow.lossMinor < drop.lossMinor, 'purchases falling with sales soften the shock');
});

test('a customer already in insolvency is not "the largest customer" again: the next one defaults', () => {
  const stress = handBuiltCompany();
  const flagged = {
    ...stress,
    customers: stress.customers.map((c) => (c.customerId === 'C1' ? { ...c, isDefaulted: true } : c)),
  };
  const o = outcome(flagged, [{ kind: 'top_default', count: 1 }]);
  // 远洋's 200,000 (week 5) is lost instead: 20 % recovered after the horizon.
  assert.equal(o.lossMinor, 200_000 * Y);
  assert.equal(o.creditLossMinor, 160_000 * Y);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LADDER_SETTINGS as L, planDunning, rankWorklist } from './index.js';
import { invoice } from './test-support.js';

const plan = planDunning(
  [
    // A: ¥100,000 at the polite reminder, a sound customer.
    invoice({ invoiceId: 'A1', customerId: 'A', number: 'A-1', openMinor: 100_000_00, dueOn: '2026-04-28' }),
    // B: ¥20,000 45 days late, a weak customer.
    invoice({ invoiceId: 'B1', customerId: 'B', number: 'B-1', openMinor: 20_000_00, dueOn: '2026-03-16' }),
    // C: ¥5,000 of an insolvent customer (PD 1).
    invoice({ invoiceId: 'C1', customerId: 'C', number: 'C-1', openMinor: 5_000_00, dueOn: '2026-02-14' }),
    // D: no risk state (not scored): the unknown PD.
    invoice({ invoiceId: 'D1', customerId: 'D', number: 'D-1', openMinor: 50_000_00, dueOn: '2026-04-28' }),
  ],
  [],
  '2026-04-30',
  L,
);
const invoices = new Map([
  ['A1', { openBaseMinor: 100_000_00, pFurtherDelay: 0.02 }],
  ['B1', { openBaseMinor: 20_000_00, pFurtherDelay: 0.4 }],
  ['C1', { openBaseMinor: 5_000_00, pFurtherDelay: 1 }],
  ['D1', { openBaseMinor: 50_000_00, pFurtherDelay: 0.05 }],
]);
const customers = new Map([
  ['A', { pd: 0.01, status: 'normal', isOnHold: false }],
  ['B', { pd: 0.12, status: 'hold', isOnHold: true }],
  ['C', { pd: 1, status: 'insolvent', isOnHold: true }],
]);

test('ranked by open × PD × P(further delay): the insolvent ¥5,000, then the weak ¥20,000, then the large sound ¥100,000', () => {
  const list = rankWorklist(plan.actions, invoices, customers, 0.03);
  assert.deepEqual(
    list.map((i) => [i.rank, i.customerId, i.stage, Math.round(i.priorityMinor)]),
    [
      [1, 'C', 6, 5_000_00], // 75 days late: the handover; 5,000 × 1 × 1
      [2, 'B', 5, 960_00], // 20,000 × 0.12 × 0.4
      [3, 'D', 1, 75_00], // 50,000 × 0.03 (unknown PD) × 0.05
      [4, 'A', 1, 20_00], // 100,000 × 0.01 × 0.02
    ],
  );
  assert.equal(list[1]?.isOnHold, true);
  assert.equal(list[2]?.riskStatus, 'unscored');
  assert.equal(list[3]?.amountAtRiskMinor, 100_000_00);
});

test('the further-delay probability of an action is open-weighted over its invoices', () => {
  const two = planDunning(
    [
      invoice({ invoiceId: 'X1', customerId: 'X', number: 'X-1', openMinor: 300 }),
      invoice({ invoiceId: 'X2', customerId: 'X', number: 'X-2', openMinor: 100 }),
    ],
    [],
    '2026-04-01',
    L,
  );
  const risks = new Map([
    ['X1', { openBaseMinor: 300, pFurtherDelay: 0.1 }],
    ['X2', { openBaseMinor: 100, pFurtherDelay: 0.5 }],
  ]);
  const [item] = rankWorklist(
    two.actions,
    risks,
    new Map([['X', { pd: 0.5, status: 'watch', isOnHold: false }]]),
    0.03,
  );
  assert.equal(item?.invoices.length, 2);
  assert.equal(item?.pFurtherDelay, 0.2); // (300 × 0.1 + 100 × 0.5) / 400
  assert.equal(item?.priorityMinor, 40); // 80 × 0.5
});

test("a customer's actions stay together, ranked by the customer's total, the highest stage first", () => {
  const mixed = planDunning(
    [
      invoice({ invoiceId: 'P1', customerId: 'P', number: 'P-1', openMinor: 1000, dueOn: '2026-04-28' }),
      invoice({ invoiceId: 'P2', customerId: 'P', number: 'P-2', openMinor: 1000, dueOn: '2026-03-16' }),
      invoice({ invoiceId: 'Q1', customerId: 'Q', number: 'Q-1', openMinor: 1500, dueOn: '2026-03-16' }),
    ],
    [],
    '2026-04-30',
    L,
  );
  const risks = new Map([
    ['P1', { openBaseMinor: 1000, pFurtherDelay: 0.5 }],
    ['P2', { openBaseMinor: 1000, pFurtherDelay: 0.5 }],
    ['Q1', { openBaseMinor: 1500, pFurtherDelay: 0.5 }],
  ]);
  const same = { pd: 0.1, status: 'watch', isOnHold: false };
  const list = rankWorklist(
    mixed.actions,
    risks,
    new Map([
      ['P', same],
      ['Q', same],
    ]),
    0.03,
  );
  // P: 50 + 50 = 100 in two actions; Q: 75 in one, though that one action outweighs each of P's.
  assert.deepEqual(
    list.map((i) => [i.rank, i.customerId, i.stage]),
    [
      [1, 'P', 5],
      [2, 'P', 1],
      [3, 'Q', 5],
    ],
  );
});

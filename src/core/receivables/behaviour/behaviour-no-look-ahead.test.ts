import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../../time/index.js';
import { type BacktestInvoice, runCollectionsBacktest } from './backtest.js';
import { buildPaymentBehaviour } from './build.js';
import { type PaymentRecord, toPaymentColumns } from './columns.js';
import { predictSettlement } from './predict.js';
import { paidInvoice } from './test-support.js';

const asOf = '2025-06-30';
const known: PaymentRecord[] = [
  paidInvoice('A', asOf, 10, 3),
  paidInvoice('A', asOf, 40, 8, { isDisputed: true }),
  paidInvoice('A', asOf, 70, 1, { channel: 'paper' }),
  paidInvoice('B', asOf, 20, -4),
  paidInvoice('B', asOf, 90, 12, { isDisputed: true, channel: 'paper' }),
];
const pending: PaymentRecord = {
  ...paidInvoice('A', asOf, 0, 0),
  issuedOn: '2025-06-01',
  dueOn: '2025-07-01',
  settledOn: null,
};
const target = {
  customerId: 'A',
  issuedOn: '2025-07-01',
  dueOn: '2025-07-31',
  amount: 50,
  isDisputed: false,
  channel: 'paper' as const,
};

test('an invoice settled after the cut-off changes no prediction, whenever it settles', () => {
  const baseline = predictSettlement(buildPaymentBehaviour(toPaymentColumns([...known, pending]), asOf), target);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 100000 }), (after, amount) => {
      const settledLater = { ...pending, amount, settledOn: addDays(asOf, after) };
      const model = buildPaymentBehaviour(toPaymentColumns([...known, settledLater]), asOf);
      const p = predictSettlement(model, target);
      assert.deepEqual(p.daysToSettle, baseline.daysToSettle);
      assert.deepEqual(p.reasons, baseline.reasons);
      assert.equal(p.probUnpaidLongOverdue, baseline.probUnpaidLongOverdue);
    }),
    { numRuns: 60 },
  );
});

test('the same invoice settled on the cut-off does change the prediction (the test can fail)', () => {
  const baseline = predictSettlement(buildPaymentBehaviour(toPaymentColumns([...known, pending]), asOf), target);
  const settled = { ...pending, settledOn: asOf, dueOn: '2025-06-01', issuedOn: '2025-05-02' };
  const p = predictSettlement(buildPaymentBehaviour(toPaymentColumns([...known, settled]), asOf), target);
  assert.notEqual(p.daysToSettle.p50, baseline.daysToSettle.p50);
  assert.equal(p.reasons.historyCount, baseline.reasons.historyCount + 1);
});

test('back-test: moving a settlement that happens after an invoice was issued does not move its prediction', () => {
  const inv = (n: string, c: string, issued: string, settled: string): BacktestInvoice => ({
    invoiceNumber: n,
    customerId: c,
    issuedOn: issued,
    dueOn: addDays(issued, 30),
    settledOn: settled,
    amount: 100,
    isDisputed: false,
    channel: null,
  });
  const base = [
    inv('1', 'A', '2025-01-01', '2025-02-03'),
    inv('2', 'B', '2025-01-05', '2025-02-20'),
    inv('3', 'A', '2025-03-01', '2025-04-10'),
    inv('4', 'A', '2025-03-10', '2025-04-01'),
  ];
  const moved = base.map((i) => (i.invoiceNumber === '3' ? { ...i, settledOn: '2025-03-09' } : i));
  const [before, after] = [runCollectionsBacktest(base), runCollectionsBacktest(moved)];
  for (const n of [0, 1, 2]) assert.equal(after.predictions[n]?.predicted, before.predictions[n]?.predicted);
  // invoice 4 is issued after invoice 3 settles in `moved` only, so only its prediction may change
  assert.notEqual(after.predictions[3]?.predicted, before.predictions[3]?.predicted);
  assert.equal(after.predictions[2]?.actual, 8);
});

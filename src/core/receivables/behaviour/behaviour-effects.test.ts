import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPaymentBehaviour } from './build.js';
import { toPaymentColumns } from './columns.js';
import { predictSettlement } from './predict.js';
import { PLAIN_SETTINGS, paidInvoice } from './test-support.js';

const asOf = '2025-06-30';
// Within customer A, the two disputed invoices are paid 10 days later than the two others.
// Customer B disputes everything and pays 30 days late: between-customer, it must not count.
const history = [
  paidInvoice('A', asOf, 10, 0),
  paidInvoice('A', asOf, 20, 0),
  paidInvoice('A', asOf, 30, 10, { isDisputed: true }),
  paidInvoice('A', asOf, 40, 10, { isDisputed: true }),
  paidInvoice('B', asOf, 10, 30, { isDisputed: true }),
  paidInvoice('B', asOf, 20, 30, { isDisputed: true }),
];

test('the disputed effect is learned within customers: Sxy/(Sxx+λ) = 10/(1+λ)', () => {
  const noRidge = buildPaymentBehaviour(toPaymentColumns(history), asOf, {
    ...PLAIN_SETTINGS,
    features: ['disputed'],
    effectsRidge: 0,
  });
  assert.ok(Math.abs((noRidge.effects[0] ?? 0) - 10) < 1e-9);
  const ridge = buildPaymentBehaviour(toPaymentColumns(history), asOf, {
    ...PLAIN_SETTINGS,
    features: ['disputed'],
    effectsRidge: 1,
  });
  assert.ok(Math.abs((ridge.effects[0] ?? 0) - 5) < 1e-9);
});

test('a disputed invoice of A is predicted 10 days later than an undisputed one, and the reason says so', () => {
  const settings = { ...PLAIN_SETTINGS, features: ['disputed' as const], effectsRidge: 0, predictionShrinkage: 0 };
  const model = buildPaymentBehaviour(toPaymentColumns(history), asOf, settings);
  const open = { customerId: 'A', issuedOn: '2025-07-01', dueOn: '2025-07-31', amount: 1, channel: null };
  const plain = predictSettlement(model, { ...open, isDisputed: false });
  const disputed = predictSettlement(model, { ...open, isDisputed: true });
  // A's adjusted delays are all 0 → location 0; the disputed one adds 10 days
  assert.ok(Math.abs(plain.delayDays.p50) < 1e-6);
  assert.ok(Math.abs(disputed.delayDays.p50 - 10) < 1e-6);
  assert.deepEqual(
    disputed.reasons.effects.map((e) => [e.feature, e.value, Math.round(e.days)]),
    [['disputed', 1, 10]],
  );
});

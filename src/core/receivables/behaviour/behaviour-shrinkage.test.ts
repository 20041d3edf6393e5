import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPaymentBehaviour } from './build.js';
import { toPaymentColumns } from './columns.js';
import { predictSettlement } from './predict.js';
import { PLAIN_SETTINGS, paidInvoice } from './test-support.js';

const asOf = '2025-06-30';
// A pays 2, 4, 6 days late (mean 4); B 20, 22, 24 (22); C 10, 12, 14 (12).
const history = [
  ...[2, 4, 6].map((d, i) => paidInvoice('A', asOf, 10 + i * 20, d)),
  ...[20, 22, 24].map((d, i) => paidInvoice('B', asOf, 10 + i * 20, d)),
  ...[10, 12, 14].map((d, i) => paidInvoice('C', asOf, 10 + i * 20, d)),
];
const model = buildPaymentBehaviour(toPaymentColumns(history), asOf, PLAIN_SETTINGS);
const open = (customerId: string) => ({
  customerId,
  issuedOn: '2025-07-01',
  dueOn: '2025-07-31',
  amount: 100,
  isDisputed: false,
  channel: 'electronic' as const,
});
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} ≈ ${b}`);

test('portfolio location is the invoice-weighted mean of customer locations: (4+22+12)/3', () => {
  close(model.portfolio.location, 38 / 3);
  close(model.portfolio.spread, 2); // pooled residual variance (8+8+8)/(2+2+2) = 4
});

test('a customer with 3 invoices and k = 3 gets half its own location, half the portfolio', () => {
  const p = predictSettlement(model, open('A'));
  close(p.reasons.shrinkageWeight, 0.5);
  close(p.daysToSettle.p50, 30 + 0.5 * 4 + 0.5 * (38 / 3)); // 38.333
  const sd = Math.sqrt(4 * (1 + 1 / 6)); // spread widened for the location's own error
  close(p.reasons.spreadDays, sd);
  assert.ok(Math.abs(p.daysToSettle.p10 - (p.daysToSettle.p50 - 1.2815516 * sd)) < 1e-4);
  assert.ok(Math.abs(p.daysToSettle.p90 - (p.daysToSettle.p50 + 1.2815516 * sd)) < 1e-4);
  assert.equal(p.settleOn.p50, '2025-08-08'); // 2025-07-01 + round(38.33)
  assert.equal(p.reasons.basis, 'customer');
  assert.equal(p.reasons.historyCount, 3);
});

test('a customer without history gets the portfolio location and a wider spread', () => {
  const p = predictSettlement(model, open('NEW'));
  assert.equal(p.reasons.basis, 'portfolio');
  assert.equal(p.reasons.shrinkageWeight, 0);
  close(p.daysToSettle.p50, 30 + 38 / 3);
  close(p.reasons.spreadDays, Math.sqrt(4 * (1 + 1 / 3)));
});

test('empirical shrinkage: k = within variance / between variance, bounded', () => {
  const m = buildPaymentBehaviour(toPaymentColumns(history), asOf, {
    ...PLAIN_SETTINGS,
    predictionShrinkage: 'empirical',
  });
  // three customers are fewer than five: the DOMAIN default k = 5 applies
  assert.equal(m.portfolio.predictionShrinkageK, 5);
  const more = [...history, ...[30, 32, 34].map((d, i) => paidInvoice('D', asOf, 5 + i, d))];
  const extra = [...more, ...[0, 2, 4].map((d, i) => paidInvoice('E', asOf, 5 + i, d))];
  const m5 = buildPaymentBehaviour(toPaymentColumns(extra), asOf, {
    ...PLAIN_SETTINGS,
    predictionShrinkage: 'empirical',
  });
  // locations 4, 22, 12, 32, 2 (mean 14.4); τ² = mean((m−14.4)²) − 4/3 = 125.44 − 1.333
  close(m5.portfolio.betweenVariance, (10.4 ** 2 + 7.6 ** 2 + 2.4 ** 2 + 17.6 ** 2 + 12.4 ** 2) / 5 - 4 / 3);
  close(m5.portfolio.predictionShrinkageK, 0.25); // 4/124.1 = 0.032, raised to minShrinkageK
});

test('an invoice already 100 days past due is certainly unpaid 90 days after due, and not forecast in the past', () => {
  const late = { ...open('A'), issuedOn: '2025-02-20', dueOn: '2025-03-22' };
  const p = predictSettlement(model, late);
  assert.equal(p.probUnpaidLongOverdue, 1);
  assert.ok(p.settleOn.p10 > asOf);
  close(p.delayDays.p50, 100 + p.reasons.spreadDays * Math.LN2); // exponential residual-life floor
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrap } from '../shared/index.js';
import { computeAging } from './aging.js';
import { computeOpenItems } from './open-items.js';
import { invoice, receipt } from './test-support.js';

// As of 2026-03-31, default buckets: current, 1-30, 31-60, 61-90, 91-180, 181-365, over-365.
const ledger = {
  invoices: [
    invoice({ id: 'a', dueOn: '2026-01-31' }), // 10,000 − 4,000 = 6,000, 59 days past due
    invoice({ id: 'b', issuedOn: '2026-03-01', dueOn: '2026-04-30', amountMinor: 5_000 }), // paid in full
    invoice({ id: 'c', issuedOn: '2026-03-10', dueOn: '2026-04-09', amountMinor: 8_000 }), // 5,000 not yet due
    invoice({ id: 'd', issuedOn: '2025-10-01', dueOn: '2025-10-31', amountMinor: 3_000 }), // 2,500, 151 days
    invoice({ id: 'e', customerId: 'c2', dueOn: '2026-03-01', amountMinor: 700 }), // 30 days: last day of 1-30
    invoice({ id: 'f', customerId: 'c2', dueOn: '2026-02-28', amountMinor: 300 }), // 31 days: first of 31-60
  ],
  settlements: [
    receipt('a', '2026-02-15', 4_000),
    receipt('b', '2026-03-20', 5_000),
    receipt('c', '2026-03-12', 1_000),
    receipt('c', '2026-03-25', 2_000),
    receipt('d', '2025-12-01', 500),
  ],
};

test('partial payments reduce each invoice and the rest is aged by days past due', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31' }));
  assert.deepEqual(
    report.buckets.map((b) => b.key),
    ['current', '1-30', '31-60', '61-90', '91-180', '181-365', 'over-365'],
  );
  assert.deepEqual(report.byCustomer, [
    { customerId: 'c1', currency: 'CNY', amounts: [5_000, 0, 6_000, 0, 2_500, 0, 0], total: 13_500 },
    { customerId: 'c2', currency: 'CNY', amounts: [0, 700, 300, 0, 0, 0, 0], total: 1_000 },
  ]);
  assert.deepEqual(report.byCurrency, [
    { currency: 'CNY', amounts: [5_000, 700, 6_300, 0, 2_500, 0, 0], total: 14_500 },
  ]);
});

test('a fully paid invoice has no open item; partly paid ones keep their open amount', () => {
  const items = computeOpenItems(ledger, '2026-03-31');
  assert.deepEqual(
    items.map((i) => [i.invoiceId, i.openMinor, i.instalment]),
    [
      ['a', 6_000, null],
      ['c', 5_000, null],
      ['d', 2_500, null],
      ['e', 700, null],
      ['f', 300, null],
    ],
  );
});

test('one customer only', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31', customerId: 'c2', preset: '30-60-90' }));
  assert.deepEqual(report.byCurrency, [{ currency: 'CNY', amounts: [0, 700, 300, 0, 0], total: 1_000 }]);
});

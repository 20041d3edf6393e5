import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrap } from '../shared/index.js';
import { computeAging } from './aging.js';
import { invoice, receipt } from './test-support.js';
import { applyUnlinkedCredits } from './unlinked-credits.js';

// Customer c1: 'x' 1,000 due 01-31 (600 received 01-20), 'y' 2,000 due 02-28, 'z' 500 issued after the credit.
const invoices = [
  invoice({ id: 'x', amountMinor: 1_000, dueOn: '2026-01-31' }),
  invoice({ id: 'y', issuedOn: '2026-01-29', amountMinor: 2_000, dueOn: '2026-02-28' }),
  invoice({ id: 'z', issuedOn: '2026-03-01', amountMinor: 500, dueOn: '2026-03-31' }),
];
const settlements = [receipt('x', '2026-01-20', 600)];

test('an unlinked credit note reduces the oldest due invoices open on its date', () => {
  const credit = { customerId: 'c1', currency: 'CNY', on: '2026-02-10', amountMinor: 1_500 };
  const applied = applyUnlinkedCredits(invoices, settlements, [credit]);
  assert.deepEqual(applied.settlements, [
    { invoiceId: 'x', on: '2026-02-10', amountMinor: 400, kind: 'credit_note' },
    { invoiceId: 'y', on: '2026-02-10', amountMinor: 1_100, kind: 'credit_note' },
  ]);
  const ledger = { invoices, settlements: [...settlements, ...applied.settlements] };
  // On 03-31: 'y' 900 (31 days past due), 'z' 500 (due today: current).
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31' }));
  assert.deepEqual(report.byCurrency, [{ currency: 'CNY', amounts: [500, 0, 900, 0, 0, 0, 0], total: 1_400 }]);
});

test('credit beyond what is open goes to the latest-due invoice; another currency is left unapplied', () => {
  const credits = [
    { customerId: 'c1', currency: 'CNY', on: '2026-02-10', amountMinor: 3_000 },
    { customerId: 'c1', currency: 'USD', on: '2026-02-10', amountMinor: 100 },
  ];
  const applied = applyUnlinkedCredits(invoices, settlements, credits);
  assert.deepEqual(
    applied.settlements.map((s) => [s.invoiceId, s.amountMinor]),
    [
      ['x', 400],
      ['y', 2_000],
      ['y', 600],
    ],
  );
  assert.deepEqual(applied.unapplied, [credits[1]]);
});

test('a credit dated before any invoice of the customer goes to the first one issued later', () => {
  const credit = { customerId: 'c1', currency: 'CNY', on: '2025-12-01', amountMinor: 250 };
  const applied = applyUnlinkedCredits(invoices, [], [credit]);
  assert.deepEqual(applied.settlements, [{ invoiceId: 'x', on: '2025-12-01', amountMinor: 250, kind: 'credit_note' }]);
});

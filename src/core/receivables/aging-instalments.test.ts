import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrap } from '../shared/index.js';
import { computeAging } from './aging.js';
import { computeOpenItems, splitOverInstalments } from './open-items.js';
import { invoice, receipt } from './test-support.js';

// 9,000 in three instalments of 3,000 due 01-31, 02-28, 03-31; 4,000 received 02-10.
const ledger = {
  invoices: [
    invoice({
      id: 'a',
      amountMinor: 9_000,
      dueOn: '2026-03-31',
      instalments: [
        { dueOn: '2026-01-31', amountMinor: 3_000 },
        { dueOn: '2026-02-28', amountMinor: 3_000 },
        { dueOn: '2026-03-31', amountMinor: 3_000 },
      ],
    }),
  ],
  settlements: [receipt('a', '2026-02-10', 4_000)],
};

test('the receipt settles the earliest instalment first, then part of the next', () => {
  const items = computeOpenItems(ledger, '2026-03-31');
  assert.deepEqual(
    items.map((i) => [i.instalment, i.dueOn, i.openMinor]),
    [
      [2, '2026-02-28', 2_000],
      [3, '2026-03-31', 3_000],
    ],
  );
  // Instalment 2 is 31 days past due, instalment 3 due today.
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31' }));
  assert.deepEqual(report.byCurrency[0]?.amounts, [3_000, 0, 2_000, 0, 0, 0, 0]);
});

test('before the receipt each instalment is aged on its own due date', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-02-05' }));
  assert.deepEqual(report.byCurrency[0]?.amounts, [6_000, 3_000, 0, 0, 0, 0, 0]);
});

test('an over-payment shows on the last instalment, and a schedule that does not add up is absorbed there', () => {
  assert.deepEqual(splitOverInstalments([3_000, 3_000, 3_000], 9_000, 9_500), [0, 0, -500]);
  assert.deepEqual(splitOverInstalments([3_000, 3_000], 7_000, 1_000), [2_000, 4_000]);
});

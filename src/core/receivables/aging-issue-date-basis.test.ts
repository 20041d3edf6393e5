import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrap } from '../shared/index.js';
import { computeAging } from './aging.js';
import { invoice } from './test-support.js';

// 'a' issued 01-15 due 04-15 (long terms); 'b' issued on the as-of date; 'c' issued 2025-03-31.
const ledger = {
  invoices: [
    invoice({ id: 'a', issuedOn: '2026-01-15', dueOn: '2026-04-15', amountMinor: 1_000 }),
    invoice({ id: 'b', issuedOn: '2026-03-31', dueOn: '2026-04-30', amountMinor: 200 }),
    invoice({ id: 'c', issuedOn: '2025-03-31', dueOn: '2025-04-30', amountMinor: 30 }),
  ],
  settlements: [],
};

test('on the issue basis age counts from the issue date and the first bucket starts at 0 days', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31', basis: 'issue' }));
  assert.deepEqual(
    report.buckets.map((b) => b.key),
    ['0-30', '31-60', '61-90', '91-180', '181-365', 'over-365'],
  );
  // 'a' 75 days since issue; 'b' 0 days; 'c' exactly 365 days.
  assert.deepEqual(report.byCurrency[0]?.amounts, [200, 0, 1_000, 0, 30, 0]);
});

test('the same ledger on the due basis: a and b are not yet due, c is 335 days past due', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31' }));
  assert.deepEqual(report.byCurrency[0]?.amounts, [1_200, 0, 0, 0, 0, 30, 0]);
});

test('custom boundaries are checked', () => {
  const bad = computeAging(ledger, { asOf: '2026-03-31', boundaries: [30, 30, 90] });
  assert.equal(!bad.ok && bad.error.code, 'AR_AGING_BOUNDARIES_INVALID');
  const custom = unwrap(computeAging(ledger, { asOf: '2026-03-31', basis: 'issue', boundaries: [74, 75] }));
  assert.deepEqual(custom.byCurrency[0]?.amounts, [200, 1_000, 30]);
});

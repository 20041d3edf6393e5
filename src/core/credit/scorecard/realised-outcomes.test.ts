import assert from 'node:assert/strict';
import { test } from 'node:test';
import { realisedOutcomes } from './realised.js';
import { legalEvent } from './test-support.js';

test('a score defaults when an invoice reaches 90 days past due unpaid, or insolvency, within the next 12 months', () => {
  const scores = [
    { customerId: 'C1', asOf: '2025-01-31', score: 55 }, // C1's invoice due 2025-03-01 hits 90 DPD on 2025-05-30, paid 2025-07-01
    { customerId: 'C2', asOf: '2025-01-31', score: 80 }, // paid on day 89: no default
    { customerId: 'C3', asOf: '2025-01-31', score: 40 }, // insolvency 2025-12-01
    { customerId: 'C1', asOf: '2025-06-30', score: 50 }, // the 90 DPD day was before this score
    { customerId: 'C1', asOf: '2025-12-31', score: 50 }, // outcome not known yet on 2026-07-01
  ];
  const records = [
    { customerId: 'C1', dueOn: '2025-03-01', settledOn: '2025-07-01' },
    { customerId: 'C2', dueOn: '2025-03-01', settledOn: '2025-05-29' },
  ];
  const out = realisedOutcomes(
    scores,
    records,
    [legalEvent('insolvency', '2025-12-01', { customerId: 'C3' })],
    '2026-07-01',
  );
  assert.deepEqual(out, [
    { score: 55, isDefault: true },
    { score: 80, isDefault: false },
    { score: 40, isDefault: true },
    { score: 50, isDefault: false },
  ]);
});

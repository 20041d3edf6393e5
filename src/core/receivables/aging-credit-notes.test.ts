import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrap } from '../shared/index.js';
import { computeAging } from './aging.js';
import { creditNote, invoice, receipt, writeOff } from './test-support.js';

// Invoice 'a' 10,000 due 2026-02-15: red-letter credit note 3,000 on 02-01, receipt 2,000 on 03-01
// → 5,000 open on 03-31, 44 days past due (31-60). A credit note dated after as-of does not count.
// Invoice 'b' 4,000 due 2026-01-31: written off 4,000 on 03-20 → nothing open on 03-31,
// but 4,000 in 31-60 on 03-15 (43 days past due).
const ledger = {
  invoices: [
    invoice({ id: 'a', issuedOn: '2026-01-16', dueOn: '2026-02-15' }),
    invoice({ id: 'b', dueOn: '2026-01-31', amountMinor: 4_000, status: 'written_off' }),
  ],
  settlements: [
    creditNote('a', '2026-02-01', 3_000),
    receipt('a', '2026-03-01', 2_000),
    creditNote('a', '2026-04-05', 1_000),
    writeOff('b', '2026-03-20', 4_000),
  ],
};

test('credit notes and write-offs dated by as-of reduce the open amount', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31' }));
  assert.deepEqual(report.byCurrency, [{ currency: 'CNY', amounts: [0, 0, 5_000, 0, 0, 0, 0], total: 5_000 }]);
});

test('before the write-off the written-off invoice is still aged', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-15' }));
  // 'a': 10,000 − 3,000 − 2,000 = 5,000, 28 days past due; 'b': 4,000, 43 days past due.
  assert.deepEqual(report.byCurrency, [{ currency: 'CNY', amounts: [0, 5_000, 4_000, 0, 0, 0, 0], total: 9_000 }]);
});

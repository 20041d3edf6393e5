import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrap } from '../shared/index.js';
import { computeAging } from './aging.js';
import { computeOpenItems } from './open-items.js';
import { invoice, receipt } from './test-support.js';

const ledger = {
  invoices: [
    invoice({ id: 'a', dueOn: '2026-03-15', amountMinor: 1_000 }),
    invoice({ id: 'late', issuedOn: '2026-04-01', dueOn: '2026-05-01', amountMinor: 7_000 }),
    invoice({ id: 'void', dueOn: '2026-03-15', amountMinor: 9_000, status: 'void' }),
  ],
  settlements: [receipt('a', '2026-03-31', 100), receipt('a', '2026-04-02', 900), receipt('late', '2026-04-03', 7_000)],
};

test('a receipt dated after as-of is ignored; one dated on as-of counts', () => {
  const report = unwrap(computeAging(ledger, { asOf: '2026-03-31' }));
  assert.deepEqual(report.byCurrency, [{ currency: 'CNY', amounts: [0, 900, 0, 0, 0, 0, 0], total: 900 }]);
});

test('invoices issued after as-of and void invoices are not on the book', () => {
  assert.deepEqual(
    computeOpenItems(ledger, '2026-03-31').map((i) => i.invoiceId),
    ['a'],
  );
  assert.deepEqual(computeOpenItems(ledger, '2026-04-30'), []);
});

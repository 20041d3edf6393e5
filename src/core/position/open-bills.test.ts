import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PayablesLedger } from '../receivables/index.js';
import { computeOpenBills } from './index.js';

const bill = (id: string, issuedOn: string, amountMinor: number, status: 'open' | 'paid' | 'void' = 'open') => ({
  id,
  supplierId: 's1',
  number: id,
  issuedOn,
  dueOn: '2026-02-28',
  currency: 'CNY',
  amountMinor,
  status,
});

test('open bills net of payments up to the as-of date', () => {
  const ledger: PayablesLedger = {
    bills: [
      bill('b1', '2026-01-01', 10_000),
      bill('b2', '2026-01-10', 5_000),
      bill('b3', '2026-01-02', 700, 'void'),
      bill('b4', '2026-03-01', 900),
    ],
    payments: [
      { billId: 'b1', on: '2026-01-20', amountMinor: 4_000 },
      { billId: 'b1', on: '2026-02-10', amountMinor: 6_000 }, // after as-of: ignored
      { billId: 'b2', on: '2026-01-25', amountMinor: 5_000 }, // fully paid
    ],
  };
  assert.deepEqual(computeOpenBills(ledger, '2026-01-31'), [
    {
      billId: 'b1',
      number: 'b1',
      supplierId: 's1',
      currency: 'CNY',
      issuedOn: '2026-01-01',
      dueOn: '2026-02-28',
      openMinor: 6_000,
    },
  ]);
  assert.deepEqual(computeOpenBills(ledger, '2026-02-28'), []);
});

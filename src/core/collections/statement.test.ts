import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditNote, invoice, receipt } from '../receivables/test-support.js';
import { buildStatement, DEFAULT_LATE_INTEREST_SETTINGS, DEFAULT_MESSAGE_SETTINGS } from './index.js';

/**
 * Customer c1's statement from 2026-01-01 to 2026-03-31, worked by hand:
 * - I0 ¥5,000.00 of December, ¥3,000.00 paid in December: ¥2,000.00 brought forward, paid 10 January.
 * - I1 ¥100,000.00 issued 15 January, due 14 February; credit note ¥10,000.00, receipt ¥30,000.00:
 *   ¥60,000.00 open, 45 days late, interest 45 × 0.05 % × ¥60,000.00 = ¥1,350.00.
 * - I2 ¥20,000.00 issued 10 March, due 9 April: not yet due.
 * - I3 $1,000.00 due 3 March: 28 days late, interest $14.00. A void invoice and another customer's are left out.
 */
const ledger = {
  invoices: [
    invoice({ id: 'i0', issuedOn: '2025-12-01', dueOn: '2025-12-31', amountMinor: 5_000_00 }),
    invoice({ id: 'i1', issuedOn: '2026-01-15', dueOn: '2026-02-14', amountMinor: 100_000_00 }),
    invoice({ id: 'i2', issuedOn: '2026-03-10', dueOn: '2026-04-09', amountMinor: 20_000_00 }),
    invoice({ id: 'i3', issuedOn: '2026-02-01', dueOn: '2026-03-03', amountMinor: 1_000_00, currency: 'USD' }),
    invoice({ id: 'i4', issuedOn: '2026-02-01', dueOn: '2026-03-03', amountMinor: 9_999_00, status: 'void' }),
    invoice({ id: 'x1', customerId: 'c2', issuedOn: '2026-02-01', amountMinor: 7_777_00 }),
  ],
  settlements: [
    receipt('i0', '2025-12-20', 3_000_00),
    receipt('i0', '2026-01-10', 2_000_00),
    creditNote('i1', '2026-01-20', 10_000_00),
    receipt('i1', '2026-02-20', 30_000_00),
    receipt('i2', '2026-04-02', 20_000_00),
  ],
};

const r = buildStatement(
  ledger,
  'c1',
  '2026-01-01',
  '2026-03-31',
  DEFAULT_MESSAGE_SETTINGS,
  DEFAULT_LATE_INTEREST_SETTINGS,
);

test('CNY: ¥2,000.00 brought forward, the running balance line by line, closing ¥80,000.00 = the open items', () => {
  assert.ok(r.ok);
  const cny = r.value.accounts.find((a) => a.currency === 'CNY');
  assert.ok(cny);
  assert.equal(cny.openingMinor, 2_000_00);
  assert.deepEqual(
    cny.entries.map((e) => [e.on, e.kind, e.number, e.debitMinor - e.creditMinor, e.balanceMinor]),
    [
      ['2026-01-10', 'receipt', 'I0', -2_000_00, 0],
      ['2026-01-15', 'invoice', 'I1', 100_000_00, 100_000_00],
      ['2026-01-20', 'credit_note', 'I1', -10_000_00, 90_000_00],
      ['2026-02-20', 'receipt', 'I1', -30_000_00, 60_000_00],
      ['2026-03-10', 'invoice', 'I2', 20_000_00, 80_000_00],
    ],
  );
  assert.equal(cny.closingMinor, 80_000_00);
  assert.equal(
    cny.openItems.reduce((s, o) => s + o.openMinor, 0),
    cny.closingMinor,
  );
  assert.deepEqual(
    cny.openItems.map((o) => [o.number, o.openMinor, o.daysPastDue, o.interestMinor]),
    [
      ['I1', 60_000_00, 45, 1_350_00],
      ['I2', 20_000_00, -9, 0],
    ],
  );
  assert.equal(cny.overdueMinor, 60_000_00);
  assert.equal(cny.interestMinor, 1_350_00);
  assert.equal(
    cny.agingMinor.reduce((s, x) => s + x, 0),
    80_000_00,
  );
});

test('USD apart: $1,000.00 28 days late, $14.00 interest; void and other customers left out', () => {
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.accounts.map((a) => a.currency),
    ['CNY', 'USD'],
  );
  const usd = r.value.accounts[1];
  assert.equal(usd?.closingMinor, 1_000_00);
  assert.equal(usd?.interestMinor, 14_00);
  assert.ok(!r.value.accounts.some((a) => a.entries.some((e) => e.number === 'I4' || e.number === 'X1')));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertRows } from '../bulk.js';
import type { Db } from '../connection.js';
import { describeEachDialect } from '../test-support.js';
import { createOrganisation } from './organisations.js';
import { loadFxRates, loadPayablesLedger, loadReceivablesLedger } from './receivables.js';

async function seed(db: Db): Promise<void> {
  await createOrganisation(db, { id: 'o1', name: 'Org', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await createOrganisation(db, { id: 'o2', name: 'Other', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await insertRows(db, 'customers', [
    { org_id: 'o1', id: 'c1', code: 'C1', name: '甲公司' },
    { org_id: 'o1', id: 'c2', code: 'C2', name: '乙公司' },
    { org_id: 'o2', id: 'x1', code: 'X1', name: 'Other' },
  ]);
  const inv = { tax_minor: 0, external_id: null, channel: null, status: 'open', is_disputed: 0, instalments: '[]' };
  await insertRows(db, 'invoices', [
    {
      ...inv,
      org_id: 'o1',
      id: 'i2',
      customer_id: 'c1',
      number: 'N2',
      issued_on: '2026-02-01',
      due_on: '2026-03-03',
      currency: 'CNY',
      amount_minor: 5_000,
      is_disputed: 1,
      instalments: JSON.stringify([
        { dueOn: '2026-02-15', amountMinor: 2_000 },
        { dueOn: '2026-03-03', amountMinor: 3_000 },
      ]),
    },
    {
      ...inv,
      org_id: 'o1',
      id: 'i1',
      customer_id: 'c1',
      number: 'N1',
      issued_on: '2026-01-05',
      due_on: '2026-02-04',
      currency: 'CNY',
      amount_minor: 10_000,
    },
    {
      ...inv,
      org_id: 'o1',
      id: 'i3',
      customer_id: 'c2',
      number: 'N3',
      issued_on: '2026-01-10',
      due_on: '2026-02-09',
      currency: 'USD',
      amount_minor: 800,
      status: 'written_off',
    },
    {
      ...inv,
      org_id: 'o2',
      id: 'ix',
      customer_id: 'x1',
      number: 'NX',
      issued_on: '2026-01-10',
      due_on: '2026-02-09',
      currency: 'CNY',
      amount_minor: 1,
    },
  ]);
  await insertRows(db, 'receipts', [
    {
      org_id: 'o1',
      id: 'r1',
      number: 'R1',
      customer_id: 'c1',
      received_on: '2026-02-20',
      currency: 'CNY',
      amount_minor: 7_000,
      reference: null,
      bank_account_id: null,
      external_id: null,
    },
    {
      org_id: 'o1',
      id: 'r2',
      number: 'R2',
      customer_id: 'c2',
      received_on: '2026-03-02',
      currency: 'USD',
      amount_minor: 300,
      reference: null,
      bank_account_id: null,
      external_id: null,
    },
  ]);
  await insertRows(db, 'receipt_allocations', [
    { org_id: 'o1', receipt_id: 'r1', invoice_id: 'i1', amount_minor: 6_000 },
    { org_id: 'o1', receipt_id: 'r1', invoice_id: 'i2', amount_minor: 1_000 },
    { org_id: 'o1', receipt_id: 'r2', invoice_id: 'i3', amount_minor: 300 },
  ]);
  await insertRows(db, 'credit_notes', [
    {
      org_id: 'o1',
      id: 'cn1',
      customer_id: 'c1',
      number: 'CN1',
      issued_on: '2026-02-25',
      currency: 'CNY',
      amount_minor: 500,
      invoice_id: 'i1',
      reason: '退货',
    },
    {
      org_id: 'o1',
      id: 'cn2',
      customer_id: 'c1',
      number: 'CN2',
      issued_on: '2026-03-01',
      currency: 'CNY',
      amount_minor: 4_000,
      invoice_id: null,
      reason: null,
    },
  ]);
}

describeEachDialect('receivables store', (open) => {
  test('maps invoices, receipts, credit notes and write-offs to the ledger, in invoice order', async () => {
    const db = await open();
    try {
      await seed(db);
      const ledger = await loadReceivablesLedger(db, { orgId: 'o1' });
      assert.deepEqual(
        ledger.invoices.map((i) => [i.id, i.customerId, i.currency, i.amountMinor, i.status, i.isDisputed]),
        [
          ['i1', 'c1', 'CNY', 10_000, 'open', false],
          ['i2', 'c1', 'CNY', 5_000, 'open', true],
          ['i3', 'c2', 'USD', 800, 'written_off', false],
        ],
      );
      assert.deepEqual(ledger.invoices[1]?.instalments, [
        { dueOn: '2026-02-15', amountMinor: 2_000 },
        { dueOn: '2026-03-03', amountMinor: 3_000 },
      ]);
      // cn2 (4,000, unlinked) on 03-01: i1 had 10,000 − 6,000 − 500 = 3,500 open, i2 5,000 − 1,000 = 4,000.
      // i3 written off: 800 − 300 = 500, dated on its last settlement (03-02, after its due date).
      assert.deepEqual(
        ledger.settlements.map((s) => [s.invoiceId, s.kind, s.on, s.amountMinor]),
        [
          ['i1', 'receipt', '2026-02-20', 6_000],
          ['i1', 'credit_note', '2026-02-25', 500],
          ['i1', 'credit_note', '2026-03-01', 3_500],
          ['i2', 'receipt', '2026-02-20', 1_000],
          ['i2', 'credit_note', '2026-03-01', 500],
          ['i3', 'receipt', '2026-03-02', 300],
          ['i3', 'write_off', '2026-03-02', 500],
        ],
      );
    } finally {
      await db.close();
    }
  });

  test('a write-off is dated written_off_on when the invoice has one; the delivery channel is read', async () => {
    const db = await open();
    try {
      await seed(db);
      await db.kysely
        .updateTable('invoices')
        .set({ written_off_on: '2026-06-30', channel: 'paper' })
        .where('id', '=', 'i3')
        .execute();
      const ledger = await loadReceivablesLedger(db, { orgId: 'o1', customerId: 'c2' });
      assert.deepEqual(
        ledger.settlements.map((s) => [s.kind, s.on, s.amountMinor]),
        [
          ['receipt', '2026-03-02', 300],
          ['write_off', '2026-06-30', 500],
        ],
      );
      assert.equal(ledger.invoices[0]?.channel, 'paper');
    } finally {
      await db.close();
    }
  });

  test('one customer only, payables and FX rates', async () => {
    const db = await open();
    try {
      await seed(db);
      const c2 = await loadReceivablesLedger(db, { orgId: 'o1', customerId: 'c2' });
      assert.deepEqual(
        c2.invoices.map((i) => i.id),
        ['i3'],
      );
      assert.deepEqual(
        c2.settlements.map((s) => s.kind),
        ['receipt', 'write_off'],
      );
      await insertRows(db, 'suppliers', [{ org_id: 'o1', id: 's1', code: 'S1', name: '供应商' }]);
      await insertRows(db, 'bills', [
        {
          org_id: 'o1',
          id: 'b1',
          supplier_id: 's1',
          number: 'B1',
          issued_on: '2026-03-01',
          due_on: '2026-03-31',
          currency: 'CNY',
          amount_minor: 9_000,
          external_id: null,
        },
      ]);
      await insertRows(db, 'payments', [
        {
          org_id: 'o1',
          id: 'p1',
          number: 'P1',
          supplier_id: 's1',
          paid_on: '2026-03-10',
          currency: 'CNY',
          amount_minor: 4_000,
          reference: null,
          external_id: null,
        },
      ]);
      await insertRows(db, 'payment_allocations', [
        { org_id: 'o1', payment_id: 'p1', bill_id: 'b1', amount_minor: 4_000 },
      ]);
      const payables = await loadPayablesLedger(db, { orgId: 'o1' });
      assert.deepEqual(
        payables.bills.map((b) => [b.id, b.supplierId, b.amountMinor, b.status]),
        [['b1', 's1', 9_000, 'open']],
      );
      assert.deepEqual(payables.payments, [{ billId: 'b1', on: '2026-03-10', amountMinor: 4_000 }]);
      await insertRows(db, 'fx_rates', [
        { org_id: 'o1', rate_on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7.125 },
      ]);
      assert.deepEqual(await loadFxRates(db, { orgId: 'o1' }), [
        { on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7.125 },
      ]);
      assert.deepEqual(await loadFxRates(db, { orgId: 'o2' }), []);
    } finally {
      await db.close();
    }
  });
});

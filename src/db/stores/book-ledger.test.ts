import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertRows } from '../bulk.js';
import { type Db, openDatabase } from '../connection.js';
import { describeEachSharedDialect, type SharedTestDatabase } from '../test-support.js';
import { withTransaction } from '../transaction.js';
import { loadBooks } from './book-ledger.js';
import { readGeneration } from './generations.js';
import { createOrganisation } from './organisations.js';
import { loadPayablesLedger, loadReceivablesLedger, readLedgerTables, readPayablesTables } from './receivables.js';

const inv = { tax_minor: 0, external_id: null, channel: null, status: 'open', is_disputed: 0, instalments: '[]' };

async function seed(db: Db): Promise<void> {
  await createOrganisation(db, { id: 'o1', name: 'Org', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await insertRows(db, 'customers', [
    { org_id: 'o1', id: 'c1', code: 'C1', name: '甲公司' },
    { org_id: 'o1', id: 'c2', code: 'C2', name: '乙公司' },
  ]);
  const invoice = (id: string, customer: string, issued: string, due: string, amount: number) => ({
    ...inv,
    org_id: 'o1',
    id,
    customer_id: customer,
    number: `N-${id}`,
    issued_on: issued,
    due_on: due,
    currency: 'CNY',
    amount_minor: amount,
  });
  await insertRows(db, 'invoices', [
    {
      ...invoice('i1', 'c1', '2026-01-05', '2026-02-04', 10_000),
      instalments: JSON.stringify([
        { dueOn: '2026-01-20', amountMinor: 4_000 },
        { dueOn: '2026-02-04', amountMinor: 6_000 },
      ]),
    },
    { ...invoice('i2', 'c2', '2026-01-10', '2026-02-09', 5_000), status: 'written_off', channel: 'paper' },
    invoice('i3', 'c1', '2026-02-01', '2026-03-03', 7_000),
  ]);
  await insertRows(db, 'receipts', [
    {
      ...{ org_id: 'o1', id: 'r1', number: 'R1', customer_id: 'c1', received_on: '2026-02-20', currency: 'CNY' },
      ...{ amount_minor: 6_000, reference: null, bank_account_id: null, external_id: null },
    },
  ]);
  await insertRows(db, 'receipt_allocations', [
    { org_id: 'o1', receipt_id: 'r1', invoice_id: 'i1', amount_minor: 6_000 },
  ]);
  await insertRows(db, 'suppliers', [{ org_id: 'o1', id: 's1', code: 'S1', name: '供应商' }]);
  await insertRows(db, 'bills', [
    {
      ...{ org_id: 'o1', id: 'b1', supplier_id: 's1', number: 'B1', issued_on: '2026-01-03', due_on: '2026-02-02' },
      ...{ currency: 'CNY', amount_minor: 3_000, status: 'open' },
    },
  ]);
  await insertRows(db, 'payments', [
    {
      ...{ org_id: 'o1', id: 'p1', number: 'P1', supplier_id: 's1', paid_on: '2026-01-30', currency: 'CNY' },
      ...{ amount_minor: 1_000 },
    },
  ]);
  await insertRows(db, 'payment_allocations', [{ org_id: 'o1', payment_id: 'p1', bill_id: 'b1', amount_minor: 1_000 }]);
  await insertRows(db, 'credit_notes', [
    {
      ...{ org_id: 'o1', id: 'cn1', customer_id: 'c1', number: 'CN1', issued_on: '2026-03-01', currency: 'CNY' },
      ...{ amount_minor: 1_500, invoice_id: null, reason: null },
    },
  ]);
}

/** Two connections to one database, as two processes have. */
async function openTwo(open: () => Promise<SharedTestDatabase>): Promise<{ a: Db; b: Db; close: () => Promise<void> }> {
  const shared = await open();
  const b = await openDatabase({ url: shared.url });
  return {
    a: shared.db,
    b,
    close: async () => {
      await b.close();
      await shared.close();
    },
  };
}

/** The books as the tables hold them. */
async function tables(db: Db) {
  return {
    receivables: await readLedgerTables(db, { orgId: 'o1' }),
    payables: await readPayablesTables(db, { orgId: 'o1' }),
  };
}

const notAgain = async (): Promise<never> => {
  throw new Error('the tables were read again');
};

describeEachSharedDialect('the ledger of a whole book', (open) => {
  test('is read from the tables once, then from memory, and in another connection from its snapshot', async () => {
    const { a, b, close } = await openTwo(open);
    try {
      await seed(a);
      const fresh = await tables(a);
      const first = await loadReceivablesLedger(a, { orgId: 'o1' });
      assert.deepEqual(first.invoices, fresh.receivables.invoices);
      assert.deepEqual(first.settlements, fresh.receivables.settlements);
      const payables = await loadPayablesLedger(a, { orgId: 'o1' });
      assert.deepEqual(payables.bills, fresh.payables.bills);
      assert.deepEqual(payables.payments, fresh.payables.payments);
      assert.equal(await loadReceivablesLedger(a, { orgId: 'o1' }), first, 'the same ledger object from memory');
      const stored = await a.kysely.selectFrom('ledger_snapshots').select(['generation']).execute();
      assert.deepEqual(
        stored.map((s) => Number(s.generation)),
        [(await readGeneration(a, 'o1')).ledger],
      );
      const other = await loadBooks(b, 'o1', notAgain);
      assert.deepEqual(other.receivables.invoices, fresh.receivables.invoices);
      assert.deepEqual(other.receivables.settlements, fresh.receivables.settlements);
      assert.deepEqual(other.payables.bills, fresh.payables.bills);
      assert.deepEqual(other.payables.payments, fresh.payables.payments);
    } finally {
      await close();
    }
  });

  test('a write of a ledger table in one connection is seen by the next read in the other; other writes keep the snapshot', async () => {
    const { a, b, close } = await openTwo(open);
    try {
      await seed(a);
      await loadReceivablesLedger(a, { orgId: 'o1' });
      await a.kysely
        .insertInto('fx_rates')
        .values({ org_id: 'o1', rate_on: '2026-01-01', base: 'USD', quote: 'CNY', rate: 7.1 })
        .execute();
      await loadBooks(b, 'o1', notAgain);
      await withTransaction(a, async (tx) => {
        await insertRows(tx, 'receipt_allocations', [
          { org_id: 'o1', receipt_id: 'r1', invoice_id: 'i3', amount_minor: 0 },
        ]);
        // Inside the transaction its own write is seen.
        const inside = await loadReceivablesLedger(tx, { orgId: 'o1' });
        assert.equal(inside.settlements.filter((s) => s.invoiceId === 'i3' && s.kind === 'receipt').length, 1);
      });
      await assert.rejects(loadBooks(b, 'o1', notAgain), /the tables were read again/);
      const after = await loadReceivablesLedger(b, { orgId: 'o1' });
      assert.deepEqual(after.settlements, (await readLedgerTables(b, { orgId: 'o1' })).settlements);
      assert.equal(after.settlements.filter((s) => s.invoiceId === 'i3' && s.kind === 'receipt').length, 1);
      // A write of the payables too: a bill.
      await loadBooks(b, 'o1', notAgain);
      await a.kysely.updateTable('bills').set({ amount_minor: 3_500 }).where('org_id', '=', 'o1').execute();
      await assert.rejects(loadBooks(b, 'o1', notAgain), /the tables were read again/);
      assert.equal((await loadPayablesLedger(b, { orgId: 'o1' })).bills[0]?.amountMinor, 3_500);
    } finally {
      await close();
    }
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importBuffer } from '../../import/index.js';
import { ORG, openWithOrg } from '../../import/test-helpers.js';
import { describeEachDialect } from '../test-support.js';
import { loadPayablesLedger, loadReceivablesLedger } from './receivables.js';

describeEachDialect('ledger loaders skip and name a row they cannot read', (open) => {
  test('an invoice with an unknown status or malformed instalments, a bill with an unknown status', async () => {
    const db = await openWithOrg(open);
    try {
      const load = async (kind: 'customers' | 'suppliers' | 'invoices' | 'bills', text: string) => {
        const r = await importBuffer(db, {
          orgId: ORG,
          kind,
          fileName: 'x.csv',
          data: Buffer.from(text),
          locale: 'en',
        });
        assert.equal(r.committed, true, JSON.stringify(r.problems));
      };
      await load('customers', 'code,name\nC1,One\n');
      await load('suppliers', 'code,name\nS1,One\n');
      await load(
        'invoices',
        'number,customer_code,issued_on,amount\nI1,C1,2026-01-01,1.00\nI2,C1,2026-01-01,2.00\nI3,C1,2026-01-01,3.00\n',
      );
      await load('bills', 'number,supplier_code,issued_on,amount\nB1,S1,2026-01-01,1.00\nB2,S1,2026-01-01,2.00\n');
      // Values no write rule lets in, as an older version or a hand-made database might hold them.
      await db.kysely.updateTable('invoices').set({ status: '{}' }).where('number', '=', 'I1').execute();
      await db.kysely.updateTable('invoices').set({ instalments: '[1,"a",null]' }).where('number', '=', 'I2').execute();
      await db.kysely.updateTable('bills').set({ status: 'constructor' }).where('number', '=', 'B1').execute();
      const ledger = await loadReceivablesLedger(db, { orgId: ORG });
      assert.deepEqual(
        ledger.invoices.map((i) => i.number),
        ['I3'],
      );
      assert.deepEqual(
        ledger.unreadable?.map((u) => [u.table, u.reason]),
        [
          ['invoices', 'unknown status {}'],
          ['invoices', 'instalment 1 is malformed'],
        ],
      );
      const payables = await loadPayablesLedger(db, { orgId: ORG });
      assert.deepEqual(
        payables.bills.map((b) => b.number),
        ['B2'],
      );
      assert.deepEqual(
        payables.unreadable?.map((u) => u.reason),
        ['unknown status constructor'],
      );
    } finally {
      await db.close();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { importBuffer, saveColumnMapping } from './index.js';
import { ORG, openWithOrg } from './test-helpers.js';

const CUSTOMERS = '客户编码,客户名称,账期(天)\nK1,甲公司,30\nK2,乙公司,45\n';
const INVOICES = 'number,customer_code,issued_on,amount\nX-1,K1,2025-08-01,100\nX-2,K2,2025-08-02,200\n';

describeEachDialect('import: idempotency and mappings', (open) => {
  let db: Db;
  const load = (kind: 'customers' | 'invoices' | 'receipts', text: string, extra: { mapping?: string } = {}) =>
    importBuffer(db, { orgId: ORG, kind, fileName: `${kind}.csv`, data: Buffer.from(text), locale: 'en', ...extra });
  before(async () => {
    db = await openWithOrg(open);
  });
  after(async () => db.close());

  test('re-import counts unchanged rows; a corrected file updates only what changed', async () => {
    assert.deepEqual(pick(await load('customers', CUSTOMERS)), [2, 0, 0]);
    assert.deepEqual(pick(await load('invoices', INVOICES)), [2, 0, 0]);
    assert.deepEqual(pick(await load('invoices', INVOICES)), [0, 0, 2]);
    const fixed = INVOICES.replace('X-2,K2,2025-08-02,200', 'X-2,K2,2025-08-02,250');
    assert.deepEqual(pick(await load('invoices', fixed)), [0, 1, 1]);
    const rows = await db.kysely
      .selectFrom('invoices')
      .select(['number', 'amount_minor', 'due_on'])
      .orderBy('number')
      .execute();
    // The due date comes from the customer's terms when the file has none.
    assert.deepEqual(rows, [
      { number: 'X-1', amount_minor: 10_000, due_on: '2025-08-31' },
      { number: 'X-2', amount_minor: 25_000, due_on: '2025-09-16' },
    ]);
  });

  test("a re-imported receipt's allocations are replaced", async () => {
    assert.deepEqual(
      pick(
        await load('receipts', 'number,customer_code,received_on,amount,invoice_numbers\nRC-1,K1,2025-08-20,60,X-1\n'),
      ),
      [1, 0, 0],
    );
    assert.deepEqual(
      pick(
        await load('receipts', 'number,customer_code,received_on,amount,invoice_numbers\nRC-1,K1,2025-08-20,60,X-1\n'),
      ),
      [0, 0, 1],
    );
    const moved = await load(
      'receipts',
      'number,customer_code,received_on,amount,invoice_numbers\nRC-1,,2025-08-20,60,X-2\n',
    );
    assert.deepEqual(pick(moved), [0, 1, 0]);
    const allocations = await db.kysely
      .selectFrom('receipt_allocations')
      .select(['invoice_id', 'amount_minor'])
      .execute();
    const x2 = await db.kysely
      .selectFrom('invoices')
      .select('id')
      .where('number', '=', 'X-2')
      .executeTakeFirstOrThrow();
    assert.deepEqual(allocations, [{ invoice_id: x2.id, amount_minor: 6000 }]);
  });

  test('a re-import over several batches finds each stored row by its whole key, and only those', async () => {
    const lines = (from: number, to: number, row: (i: number) => string) =>
      Array.from({ length: to - from }, (_, k) => row(from + k)).join('\n');
    const invoice = (i: number, amount = 100 + i) => `B-${i},K${1 + (i % 2)},2025-07-01,${amount}`;
    const head = 'number,customer_code,issued_on,amount\n';
    assert.deepEqual(pick(await load('invoices', head + lines(0, 2500, invoice))), [2500, 0, 0]);
    const before = await db.kysely
      .selectFrom('invoices')
      .select(['number', 'id'])
      .where('number', '=', 'B-1500')
      .execute();
    // 1,500 stored rows (three of them changed) and 700 new ones, over three batches.
    const changed = new Set([1000, 1500, 2499]);
    const again = lines(1000, 3200, (i) => invoice(i, changed.has(i) ? 7 : 100 + i));
    assert.deepEqual(pick(await load('invoices', head + again)), [700, 3, 1497]);
    assert.deepEqual(pick(await load('invoices', head + again)), [0, 0, 2200]);
    const after = await db.kysely
      .selectFrom('invoices')
      .select(['number', 'id', 'amount_minor'])
      .where('number', '=', 'B-1500')
      .execute();
    assert.deepEqual(after, [{ ...before[0], amount_minor: 700 }]);
    const count = await db.kysely
      .selectFrom('invoices')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('number', 'like', 'B-%')
      .executeTakeFirst();
    assert.equal(Number(count?.n), 3200);
  });

  test('bills: the same number of two suppliers are two rows, looked up on supplier and number', async () => {
    const supplierFile = 'code,name\nS1,一号供应商\nS2,二号供应商\n';
    assert.deepEqual(
      pick(
        await importBuffer(db, {
          orgId: ORG,
          kind: 'suppliers',
          fileName: 's.csv',
          data: Buffer.from(supplierFile),
          locale: 'en',
        }),
      ),
      [2, 0, 0],
    );
    const bills = (supplier: string, amount: (i: number) => number) =>
      `number,supplier_code,issued_on,amount\n${Array.from({ length: 1500 }, (_, i) => `P-${i},${supplier},2025-07-01,${amount(i)}`).join('\n')}`;
    const loadBills = (text: string) =>
      importBuffer(db, { orgId: ORG, kind: 'bills', fileName: 'b.csv', data: Buffer.from(text), locale: 'en' });
    assert.deepEqual(pick(await loadBills(bills('S1', (i) => 10 + i))), [1500, 0, 0]);
    assert.deepEqual(pick(await loadBills(bills('S2', (i) => 10 + i))), [1500, 0, 0]);
    // S2's file with two amounts changed: S1's bills of the same numbers are neither matched nor touched.
    assert.deepEqual(pick(await loadBills(bills('S2', (i) => (i === 3 || i === 1400 ? 1 : 10 + i)))), [0, 2, 1498]);
    const p3 = await db.kysely
      .selectFrom('bills')
      .innerJoin('suppliers', 'suppliers.id', 'bills.supplier_id')
      .select(['suppliers.code', 'bills.amount_minor'])
      .where('bills.number', '=', 'P-3')
      .orderBy('suppliers.code')
      .execute();
    assert.deepEqual(p3, [
      { code: 'S1', amount_minor: 1300 },
      { code: 'S2', amount_minor: 100 },
    ]);
  });

  test('a saved mapping reads another layout, decimal commas and day-first dates', async () => {
    const saved = await saveColumnMapping(db, {
      orgId: ORG,
      kind: 'invoices',
      name: 'kingdee',
      mapping: {
        columns: { 单据编号: 'number', 往来单位编码: 'customer_code', 业务日期: 'issued_on', 价税合计本位币: 'amount' },
        ignore: ['制单人'],
        decimal: ',',
        dateOrder: 'dmy',
      },
    });
    assert.ok(saved.ok);
    const text = '单据编号;往来单位编码;业务日期;价税合计本位币;制单人\nKD-1;K1;03/04/2025;"1.234,50";王五\n';
    const r = await load('invoices', text, { mapping: 'kingdee' });
    assert.deepEqual(r.problems, []);
    const row = await db.kysely
      .selectFrom('invoices')
      .select(['issued_on', 'amount_minor'])
      .where('number', '=', 'KD-1')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { issued_on: '2025-04-03', amount_minor: 123_450 });
    const unmapped = await load('invoices', text);
    assert.deepEqual(unmapped.problems.map((p) => p.code).slice(0, 1), ['IMPORT_UNKNOWN_COLUMN']);
  });
});

function pick(r: {
  inserted: number;
  updated: number;
  unchanged: number;
  problems: readonly { message: string }[];
}): number[] {
  assert.deepEqual(
    r.problems.map((p) => p.message),
    [],
  );
  return [r.inserted, r.updated, r.unchanged];
}

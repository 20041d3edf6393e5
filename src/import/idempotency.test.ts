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

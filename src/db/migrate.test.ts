import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateToLatest } from './migrate.js';
import { TABLE_ORDER } from './schema.js';
import { describeEachDialect } from './test-support.js';

describeEachDialect('migrations', (open) => {
  test('create every table, and a second run changes nothing', async () => {
    const db = await open();
    try {
      const tables = await db.kysely.introspection.getTables();
      const names = new Set(tables.map((t) => t.name));
      for (const t of TABLE_ORDER) assert.ok(names.has(t), `table ${t} exists`);
      assert.deepEqual(await migrateToLatest(db), []);
    } finally {
      await db.close();
    }
  });

  test('amounts round-trip as numbers, including values beyond 32 bits', async () => {
    const db = await open();
    try {
      await db.kysely
        .insertInto('organisations')
        .values({ id: 'o1', name: 'Org', base_currency: 'CNY', created_at: '2026-01-01T00:00:00Z' })
        .execute();
      await db.kysely
        .insertInto('bank_accounts')
        .values({ org_id: 'o1', id: 'b1', name: 'Main', bank_name: null, account_no: null, currency: 'CNY' })
        .execute();
      await db.kysely
        .insertInto('bank_balances')
        .values({ org_id: 'o1', bank_account_id: 'b1', balance_on: '2026-01-31', amount_minor: 9_007_199_254_740 })
        .execute();
      const row = await db.kysely.selectFrom('bank_balances').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.amount_minor, 9_007_199_254_740);
      const total = await db.kysely
        .selectFrom('bank_balances')
        .select((eb) => eb.fn.sum<number>('amount_minor').as('total'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(total.total), 9_007_199_254_740);
    } finally {
      await db.close();
    }
  });
});

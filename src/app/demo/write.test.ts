import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../db/test-support.js';
import { generateDemoCompany } from './company.js';
import { ROW_MAPPERS } from './rows.js';
import type { DemoRecordKind } from './types.js';
import { createDemoCompany } from './write.js';

const params = { asOf: '2026-03-31', seed: 4, customers: 20, invoices: 500 } as const;

describeEachDialect('createDemoCompany', (open) => {
  test('writes every record of the generator, counted per table', async () => {
    const db = await open();
    try {
      const phases = new Set<string>();
      const result = await createDemoCompany(db, { ...params, orgId: 'demo-a', onProgress: (p) => phases.add(p) });
      assert.deepEqual([...phases], ['reference', 'sales', 'purchases', 'treasury']);
      const expected = generateDemoCompany({ ...params, idPrefix: 'demo-a:' }).records;
      for (const [kind, entry] of Object.entries(ROW_MAPPERS)) {
        const table = entry?.[0];
        if (!table) continue;
        const { n } = await db.kysely
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .where('org_id', '=', 'demo-a')
          .executeTakeFirstOrThrow();
        const want = expected[kind as DemoRecordKind].length;
        assert.equal(Number(n), want, `${table} rows`);
        assert.equal(result.counts[table] ?? 0, want, `${table} count`);
      }
      const org = await db.kysely.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
      assert.equal(org.name, '示例贸易有限公司');
      assert.equal(org.base_currency, 'CNY');
      assert.equal(org.created_at, '2026-03-31T00:00:00.000Z');
      const top = await db.kysely
        .selectFrom('customers')
        .select('name')
        .where('id', '=', 'demo-a:c-0001')
        .executeTakeFirstOrThrow();
      assert.equal(top.name, expected.customers[0]?.name);
    } finally {
      await db.close();
    }
  });

  test('two demo organisations can share one database', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { ...params, orgId: 'one' });
      await createDemoCompany(db, { ...params, orgId: 'two', seed: 5 });
      const rows = await db.kysely
        .selectFrom('invoices')
        .select(['org_id', sql<number>`count(*)`.as('n')])
        .groupBy('org_id')
        .orderBy('org_id')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.org_id),
        ['one', 'two'],
      );
    } finally {
      await db.close();
    }
  });

  test('a failure leaves nothing behind', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { ...params, orgId: 'dup' });
      await assert.rejects(createDemoCompany(db, { ...params, orgId: 'dup' }));
      const { n } = await db.kysely
        .selectFrom('invoices')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n), generateDemoCompany(params).records.invoices.length);
    } finally {
      await db.close();
    }
  });
});

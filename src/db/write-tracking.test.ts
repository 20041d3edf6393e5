import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompiledQuery, DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { insertRows } from './bulk.js';
import type { Db } from './connection.js';
import type { Database } from './schema.js';
import { readGeneration } from './stores/generations.js';
import { createOrganisation } from './stores/organisations.js';
import { describeEachDialect } from './test-support.js';
import { withTransaction } from './transaction.js';
import { writtenOrgs } from './write-tracking.js';

const customer = (org: string, id: string) => ({ org_id: org, id, code: id.toUpperCase(), name: `Customer ${id}` });

async function seed(db: Db): Promise<void> {
  for (const id of ['o1', 'o2']) {
    await createOrganisation(db, { id, name: id, baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  }
}

/** Both organisations' generations, to see which one a write raised. */
async function generations(db: Db): Promise<[number, number]> {
  return [(await readGeneration(db, 'o1')).data, (await readGeneration(db, 'o2')).data];
}

describeEachDialect('data generations', (open) => {
  test('a statement of the query builder raises its own organisation only', async () => {
    const db = await open();
    try {
      await seed(db);
      const before = await generations(db);
      await db.kysely.insertInto('customers').values(customer('o1', 'c1')).execute();
      const afterInsert = await generations(db);
      assert.deepEqual(afterInsert, [before[0] + 1, before[1]]);
      await db.kysely.updateTable('customers').set({ name: 'renamed' }).where('org_id', '=', 'o1').execute();
      await db.kysely.deleteFrom('customers').where('id', '=', 'c1').where('org_id', '=', 'o1').execute();
      const [o1, o2] = await generations(db);
      assert.equal(o2, before[1], 'the other organisation is untouched');
      assert.equal(o1, afterInsert[0] + 2);
    } finally {
      await db.close();
    }
  });

  test('reads and writes of sign-in tables raise nothing', async () => {
    const db = await open();
    try {
      await seed(db);
      const before = await generations(db);
      await db.kysely.selectFrom('customers').selectAll().where('org_id', '=', 'o1').execute();
      await db.kysely.deleteFrom('sessions').where('org_id', '=', 'o1').execute();
      assert.deepEqual(await generations(db), before);
    } finally {
      await db.close();
    }
  });

  test('a transaction raises each organisation it wrote once, at its commit, and a rolled-back one nothing', async () => {
    const db = await open();
    try {
      await seed(db);
      const before = await generations(db);
      await withTransaction(db, async (tx) => {
        await insertRows(tx, 'customers', [customer('o1', 'c1'), customer('o1', 'c2'), customer('o2', 'x1')]);
        await tx.kysely.insertInto('customers').values(customer('o1', 'c3')).execute();
        // Not yet committed: another connection (or this one) still sees the old generation.
        assert.deepEqual(await generations(tx), before);
      });
      assert.deepEqual(await generations(db), [before[0] + 1, before[1] + 1]);
      await assert.rejects(
        withTransaction(db, async (tx) => {
          await insertRows(tx, 'customers', [customer('o2', 'x2')]);
          throw new Error('abandoned');
        }),
      );
      assert.deepEqual(await generations(db), [before[0] + 1, before[1] + 1]);
    } finally {
      await db.close();
    }
  });

  test('bulk rows outside a transaction are written with their generation', async () => {
    const db = await open();
    try {
      await seed(db);
      const before = await generations(db);
      await insertRows(db, 'customers', [customer('o2', 'x1')]);
      assert.deepEqual(await generations(db), [before[0], before[1] + 1]);
    } finally {
      await db.close();
    }
  });

  test('a write that does not name its organisation raises every organisation', async () => {
    const db = await open();
    try {
      await seed(db);
      await insertRows(db, 'customers', [customer('o1', 'c1')]);
      const before = await generations(db);
      const placeholder = db.dialect === 'postgres' ? '$1' : '?';
      await db.kysely.executeQuery(
        CompiledQuery.raw(`UPDATE "customers" SET "name" = 'x' WHERE "id" = ${placeholder}`, ['c1']),
      );
      const after = await generations(db);
      assert.ok(after[0] > before[0] && after[1] > before[1]);
    } finally {
      await db.close();
    }
  });

  test('the ledger generation moves with writes of the ledger tables only', async () => {
    const db = await open();
    try {
      await seed(db);
      await insertRows(db, 'customers', [customer('o1', 'c1')]);
      const before = await readGeneration(db, 'o1');
      await db.kysely
        .insertInto('fx_rates')
        .values({ org_id: 'o1', rate_on: '2026-01-01', base: 'USD', quote: 'CNY', rate: 7 })
        .execute();
      const afterRates = await readGeneration(db, 'o1');
      assert.equal(afterRates.ledger, before.ledger);
      assert.equal(afterRates.data, before.data + 1);
      await insertRows(db, 'invoices', [
        {
          org_id: 'o1',
          id: 'i1',
          customer_id: 'c1',
          number: 'N1',
          issued_on: '2026-01-05',
          due_on: '2026-02-04',
          currency: 'CNY',
          amount_minor: 100,
        },
      ]);
      const afterInvoice = await readGeneration(db, 'o1');
      assert.equal(afterInvoice.ledger, afterRates.ledger + 1);
      assert.equal(afterInvoice.data, afterRates.data + 1);
    } finally {
      await db.close();
    }
  });

  test('a failed statement on its own raises nothing', async () => {
    const db = await open();
    try {
      await seed(db);
      await insertRows(db, 'customers', [customer('o1', 'c1')]);
      const before = await generations(db);
      await assert.rejects(db.kysely.insertInto('customers').values(customer('o1', 'c1')).execute());
      assert.deepEqual(await generations(db), before);
    } finally {
      await db.close();
    }
  });
});

test('the organisations of a statement are read from its values, its filter, or a raw insert', () => {
  const compile = (q: { compile(): CompiledQuery }) => writtenOrgs(q.compile());
  // Only for compiling: no database is opened.
  const k = fakeKysely();
  assert.deepEqual(
    compile(k.insertInto('customers').values([customer('a', '1'), customer('b', '2'), customer('a', '3')])),
    ['a', 'b'],
  );
  assert.deepEqual(compile(k.updateTable('invoices').set({ status: 'paid' }).where('org_id', '=', 'a')), ['a']);
  assert.deepEqual(compile(k.deleteFrom('invoices').where('id', '=', 'i').where('org_id', 'in', ['a', 'b'])), [
    'a',
    'b',
  ]);
  assert.deepEqual(compile(k.updateTable('organisations').set({ name: 'n' }).where('id', '=', 'a')), ['a']);
  assert.equal(compile(k.deleteFrom('receipt_allocations').where('receipt_id', 'in', ['r'])), null);
  assert.equal(compile(k.selectFrom('invoices').selectAll()), undefined);
  assert.equal(compile(k.insertInto('audit_log').values({ org_id: 'a' } as never)), undefined);
  assert.deepEqual(
    writtenOrgs(CompiledQuery.raw('INSERT INTO "bills" ("org_id", "id") VALUES ($1, $2), ($3, $4)', ['a', 1, 'b', 2])),
    ['a', 'b'],
  );
  assert.equal(writtenOrgs(CompiledQuery.raw('UPDATE "bills" SET "x" = $1 WHERE "id" = $2', [1, 2])), null);
  assert.equal(writtenOrgs(CompiledQuery.raw('SELECT 1', [])), undefined);
});

/** A query builder that only compiles (no database). */
function fakeKysely(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

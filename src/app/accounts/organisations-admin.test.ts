import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Db } from '../../db/connection.js';
import { describeEachDialect } from '../../db/test-support.js';
import { digestAll } from '../../import/test-helpers.js';
import { createDemoCompany } from '../demo/index.js';
import { DEFAULT_SECURITY } from './context.js';
import { createOrganisationWithOwner, deleteOrganisation, exportOrganisation } from './organisations-admin.js';
import { login } from './sessions.js';

const NOW = '2026-12-07T09:00:00.000Z';
const PASSWORD = 'correct-horse-battery';

const create = (db: Db, name: string, email: string, password = PASSWORD) =>
  createOrganisationWithOwner(db, { name, baseCurrency: 'CNY', ownerEmail: email, password, now: NOW });

const signIn = (db: Db, email: string, orgId: string, password = PASSWORD) =>
  login(db, { email, password, orgId, ip: '127.0.0.1', now: new Date(NOW) }, DEFAULT_SECURITY);

describeEachDialect('organisations with an owner: create, export, delete', (open) => {
  it('creates an organisation whose owner logs in at once; an existing account joins with its own password', async () => {
    const db = await open();
    try {
      const a = await create(db, '杭州明远机械有限公司', 'Owner@Example.com');
      assert.ok(a.ok);
      assert.equal(a.value.newAccount, true);
      const session = await signIn(db, 'owner@example.com', a.value.orgId);
      assert.ok(session.ok);
      assert.equal(session.value.role, 'owner');

      const before = await digestAll(db);
      const wrong = await create(db, 'Second Co', 'owner@example.com', 'not-the-password');
      assert.equal(wrong.ok ? null : wrong.error.code, 'LOGIN_FAILED');
      assert.deepEqual(await digestAll(db), before, 'a refused creation writes nothing');

      const b = await create(db, 'Second Co', 'owner@example.com');
      assert.ok(b.ok);
      assert.equal(b.value.newAccount, false);
      assert.equal(b.value.userId, a.value.userId);
      assert.ok((await signIn(db, 'owner@example.com', b.value.orgId)).ok);
    } finally {
      await db.close();
    }
  });

  it('refuses a short password, a bad e-mail, a blank name and an unknown currency, with their codes', async () => {
    const db = await open();
    try {
      const codes = await Promise.all([
        create(db, 'X', 'x@example.com', 'short'),
        create(db, 'X', 'not-an-email', PASSWORD),
        create(db, '   ', 'x@example.com', PASSWORD),
        createOrganisationWithOwner(db, {
          name: 'X',
          baseCurrency: 'XXY',
          ownerEmail: 'x@example.com',
          password: PASSWORD,
          now: NOW,
        }),
      ]);
      assert.deepEqual(
        codes.map((r) => (r.ok ? 'ok' : r.error.code)),
        ['PASSWORD_TOO_SHORT', 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'UNKNOWN_CURRENCY'],
      );
      const orgs = await db.kysely.selectFrom('organisations').select('id').execute();
      assert.equal(orgs.length, 0);
    } finally {
      await db.close();
    }
  });

  it('exports one organisation whole without credentials, and deletes it whole leaving the other untouched', async () => {
    const db = await open();
    try {
      const demo = await createDemoCompany(db, { asOf: '2026-03-31', customers: 12, invoices: 200, seed: 3 });
      const other = await create(db, 'Other Co', 'other@example.com');
      assert.ok(other.ok);
      const a = await create(db, 'Mine Co', 'mine@example.com');
      assert.ok(a.ok);
      // Other Co's owner also owns Shared Co: that account must survive Shared Co's deletion.
      const shared = await create(db, 'Shared Co', 'other@example.com');
      assert.ok(shared.ok);

      const exported = await exportOrganisation(db, demo.orgId);
      assert.ok(exported.ok);
      const tables = exported.value.tables;
      assert.ok((tables.invoices?.length ?? 0) > 0 && (tables.customers?.length ?? 0) === 12);
      for (const [table, rows] of Object.entries(tables))
        for (const row of rows) assert.equal(row.org_id, demo.orgId, `${table} holds another organisation's row`);
      assert.ok(!JSON.stringify(exported.value).includes('scrypt$'), 'no password hash in an export');
      assert.equal((await exportOrganisation(db, 'nope')).ok, false);

      const otherBefore = await exportOrganisation(db, other.value.orgId);
      const deleted = await deleteOrganisation(db, demo.orgId);
      assert.ok(deleted.ok);
      assert.equal(deleted.value.rows.invoices, tables.invoices?.length);
      for (const table of Object.keys(tables)) {
        const left = await db.kysely
          .selectFrom(table as never)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id' as never, '=', demo.orgId as never)
          .executeTakeFirstOrThrow();
        assert.equal(Number(left.n), 0, `${table} still holds rows of the deleted organisation`);
      }
      assert.deepEqual(await exportOrganisation(db, other.value.orgId), otherBefore);

      const mine = await deleteOrganisation(db, a.value.orgId);
      assert.ok(mine.ok);
      assert.equal(mine.value.users, 1, 'the account that belonged to Mine Co alone is deleted');
      const sharedGone = await deleteOrganisation(db, shared.value.orgId);
      assert.ok(sharedGone.ok);
      assert.equal(sharedGone.value.users, 0, 'an account that owns another organisation stays');
      assert.ok((await signIn(db, 'other@example.com', other.value.orgId)).ok);
      assert.equal((await deleteOrganisation(db, demo.orgId)).ok, false);
    } finally {
      await db.close();
    }
  });
});

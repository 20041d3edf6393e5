import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertRows } from '../../../db/bulk.js';
import type { Db } from '../../../db/connection.js';
import { createOrganisation } from '../../../db/stores/organisations.js';
import { describeEachDialect } from '../../../db/test-support.js';
import { syncInsurerCover } from './sync.js';
import { fixture, healthyAnswer, RecordedInsurer } from './test-support.js';

const insurer = new RecordedInsurer();
before(() => insurer.start());
after(() => insurer.stop());

const http = { sleep: async () => {} };

async function seed(db: Db, connector: Record<string, unknown>): Promise<void> {
  await createOrganisation(db, {
    id: 'o1',
    name: 'Org',
    baseCurrency: 'CNY',
    createdAt: '2026-01-01T00:00:00Z',
    settings: { 'insurance.connector': connector },
  });
  await insertRows(db, 'customers', [
    { org_id: 'o1', id: 'c1', code: 'C1', name: '甲', registration_no: '91310000MA1FL0001X' },
    { org_id: 'o1', id: 'c2', code: 'C2', name: '乙', registration_no: null },
    { org_id: 'o1', id: 'c3', code: 'C3', name: '丙', registration_no: '91440300MA5G00003Y' },
    { org_id: 'o1', id: 'c4', code: 'C4', name: '丁', registration_no: '91320500MA1N00004Z' },
  ]);
  await insertRows(db, 'insurance_policies', [
    {
      org_id: 'o1',
      id: 'p1',
      insurer: 'Allianz Trade',
      policy_number: 'AT-2026-001',
      currency: 'CNY',
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
      terms: '{}',
      loss_payee: null,
      loss_payee_type: null,
      financed_share: null,
    },
  ]);
}

const limits = (db: Db) =>
  db.kysely
    .selectFrom('insured_buyer_limits')
    .select(['policy_id', 'customer_id', 'kind', 'currency', 'limit_minor', 'effective_from', 'cancelled_on'])
    .orderBy('customer_id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, currency: r.currency.trim(), limit_minor: Number(r.limit_minor) })));

describeEachDialect('insurer sync', (open) => {
  const connector = () => ({
    provider: 'allianz-trade',
    baseUrl: insurer.url,
    policyId: 'POL-500123',
    apiKey: 'AK-sync-secret',
    buyers: { 'AT-2002': 'C2' },
  });

  test('dry run writes nothing; the sync writes each matched decision once; a second sync changes nothing', async () => {
    const db = await open();
    try {
      insurer.answer = healthyAnswer;
      await seed(db, connector());
      const dry = await syncInsurerCover(db, { orgId: 'o1', asOf: '2026-12-08', dryRun: true, http });
      assert.ok(dry.ok, dry.ok ? '' : JSON.stringify(dry.error));
      assert.deepEqual(dry.value.counts, { inserted: 4, updated: 0, unchanged: 0 });
      assert.deepEqual(await limits(db), []);

      const r = await syncInsurerCover(db, { orgId: 'o1', asOf: '2026-12-08', dryRun: false, http });
      assert.ok(r.ok);
      assert.equal(r.value.policyNumber, 'AT-2026-001');
      assert.deepEqual(r.value.counts, { inserted: 4, updated: 0, unchanged: 0 });
      // C1 and C3, C4 by registration number, C2 by the connector's buyers table; AT-9999 is no customer.
      assert.deepEqual(await limits(db), [
        {
          policy_id: 'p1',
          customer_id: 'c1',
          kind: 'insurer_limit',
          currency: 'CNY',
          limit_minor: 50_000_000,
          effective_from: '2026-01-01',
          cancelled_on: null,
        },
        {
          policy_id: 'p1',
          customer_id: 'c2',
          kind: 'insurer_limit',
          currency: 'CNY',
          limit_minor: 30_000_000,
          effective_from: '2026-02-01',
          cancelled_on: '2026-06-01',
        },
        {
          policy_id: 'p1',
          customer_id: 'c3',
          kind: 'excluded',
          currency: 'CNY',
          limit_minor: 0,
          effective_from: '2026-03-15',
          cancelled_on: null,
        },
        {
          policy_id: 'p1',
          customer_id: 'c4',
          kind: 'discretionary',
          currency: 'CNY',
          limit_minor: 8_000_050,
          effective_from: '2026-04-01',
          cancelled_on: null,
        },
      ]);
      assert.deepEqual(r.value.unmatched, [
        { buyerId: 'AT-9999', buyerName: 'Unknown Buyer GmbH', nationalId: 'DE123456789' },
      ]);
      assert.deepEqual(
        r.value.grades.map((g) => [g.customerCode, g.grade]),
        [
          ['C1', 4],
          ['C2', 8],
          [null, 2],
        ],
      );
      assert.deepEqual(
        r.value.claims.map((c) => [c.claimId, c.customerCode, c.approvedMinor]),
        [
          ['CLM-77001', 'C2', null],
          ['CLM-77002', 'C3', 4_050_050],
        ],
      );

      const again = await syncInsurerCover(db, { orgId: 'o1', asOf: '2026-12-08', dryRun: false, http });
      assert.ok(again.ok);
      assert.deepEqual(again.value.counts, { inserted: 0, updated: 0, unchanged: 4 });

      // A decision changed at the insurer (here: in the table) is written back.
      await db.kysely
        .updateTable('insured_buyer_limits')
        .set({ limit_minor: 1 })
        .where('customer_id', '=', 'c1')
        .execute();
      const changed = await syncInsurerCover(db, { orgId: 'o1', asOf: '2026-12-08', dryRun: false, http });
      assert.ok(changed.ok);
      assert.deepEqual(changed.value.counts, { inserted: 0, updated: 1, unchanged: 3 });
      assert.equal((await limits(db))[0]?.limit_minor, 50_000_000);
    } finally {
      await db.close();
    }
  });

  test('a bad answer on any endpoint writes nothing; no connector set up says which setting to add', async () => {
    const db = await open();
    try {
      await seed(db, connector());
      insurer.answer = (path, page) =>
        path === '/v1/claims' ? { status: 500, body: fixture('error-500.json') } : healthyAnswer(path, page);
      const r = await syncInsurerCover(db, { orgId: 'o1', asOf: '2026-12-08', dryRun: false, http });
      assert.ok(!r.ok && r.error.code === 'INS_API_SERVER_ERROR');
      assert.deepEqual(await limits(db), []);
      insurer.answer = healthyAnswer;
      await db.kysely.updateTable('organisations').set({ settings: '{}' }).execute();
      const none = await syncInsurerCover(db, { orgId: 'o1', asOf: '2026-12-08', dryRun: false, http });
      assert.ok(!none.ok);
      assert.deepEqual(none.error, {
        code: 'INS_CONNECTOR_NOT_SET',
        details: { field: 'settings.insurance.connector' },
      });
    } finally {
      await db.close();
    }
  });
});

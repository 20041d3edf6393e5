import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertRows } from '../../db/bulk.js';
import type { Db } from '../../db/connection.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { findScenario, listScenarios } from '../../db/stores/scenarios.js';
import { describeEachDialect } from '../../db/test-support.js';
import { runForecast } from '../forecast/run.js';
import type { Actor } from '../records/index.js';
import { createScenario, deleteScenario, listSavedScenarios, updateScenario } from './saved.js';

const by = (orgId: string): Actor => ({ orgId, actor: 'user:u1', now: '2026-03-04T01:00:00Z' });

async function seed(db: Db): Promise<void> {
  for (const id of ['o1', 'o2'])
    await createOrganisation(db, { id, name: id, baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await insertRows(db, 'customers', [
    { org_id: 'o1', id: 'c1', code: 'C1', name: '华东精工' },
    { org_id: 'o2', id: 'c2', code: 'C2', name: '其他公司' },
  ]);
  await insertRows(db, 'invoices', [
    {
      org_id: 'o1',
      ...{ id: 'i1', customer_id: 'c1', number: 'F1', issued_on: '2026-02-10', due_on: '2026-03-18' },
      ...{ currency: 'CNY', amount_minor: 200_000_00 },
    },
  ]);
  await insertRows(db, 'bank_accounts', [
    { org_id: 'o1', id: 'a1', name: '工行', bank_name: null, account_no: null, currency: 'CNY' },
  ]);
  await insertRows(db, 'bank_balances', [
    { org_id: 'o1', bank_account_id: 'a1', balance_on: '2026-03-03', amount_minor: 300_000_00 },
  ]);
}

const winter = {
  name: 'Hard winter',
  elements: [
    { kind: 'customer_default', customerId: 'C1', on: '2026-03-10' },
    { kind: 'large_purchase', amountMinor: 50_000_00, on: '2026-03-11' },
  ],
};

describeEachDialect('saved scenarios', (open) => {
  test('create, read, edit with its version, delete; each organisation sees only its own', async () => {
    const db = await open();
    try {
      await seed(db);
      const made = await createScenario(db, by('o1'), winter);
      assert.ok(made.ok);
      assert.equal(made.value.version, 1);
      // The customer is stored by its id, whatever the file named it by.
      assert.deepEqual(made.value.definition.elements[0], {
        kind: 'customer_default',
        customerId: 'c1',
        on: '2026-03-10',
      });
      const again = await createScenario(db, by('o1'), winter);
      assert.equal(again.ok ? '' : again.error.code, 'SCENARIO_EXISTS');
      // Another organisation's customer is not a customer of this one.
      const foreign = await createScenario(db, by('o2'), winter);
      assert.deepEqual(foreign.ok ? null : [foreign.error.code, foreign.error.details.field], [
        'UNKNOWN_CUSTOMER',
        'elements.0.customerId',
      ]);
      assert.equal((await listScenarios(db, { orgId: 'o2' })).length, 0);
      assert.equal(await findScenario(db, { orgId: 'o2', idOrName: made.value.id }), null);

      const edited = await updateScenario(db, by('o1'), {
        idOrName: 'Hard winter',
        version: 1,
        definition: { ...winter, name: 'Harder winter' },
      });
      assert.ok(edited.ok);
      assert.equal(edited.value.version, 2);
      const stale = await updateScenario(db, by('o1'), { idOrName: made.value.id, version: 1, definition: winter });
      assert.equal(stale.ok ? '' : stale.error.code, 'VERSION_CONFLICT');
      assert.deepEqual(
        (await listSavedScenarios(db, { orgId: 'o1' })).map((s) => [s.name, s.version]),
        [['Harder winter', 2]],
      );
      const gone = await deleteScenario(db, by('o1'), { idOrName: 'Harder winter' });
      assert.ok(gone.ok);
      assert.equal((await listScenarios(db, { orgId: 'o1' })).length, 0);
      const missing = await deleteScenario(db, by('o1'), { idOrName: 'Harder winter' });
      assert.equal(missing.ok ? '' : missing.error.code, 'SCENARIO_NOT_FOUND');
    } finally {
      await db.close();
    }
  });

  test('the forecast runs a saved scenario beside the three, titled by its name, with its assumptions', async () => {
    const db = await open();
    try {
      await seed(db);
      assert.ok((await createScenario(db, by('o1'), winter)).ok);
      // A hand-inserted row of forecast overrides: titled by its name, not its key.
      await insertRows(db, 'scenarios', [
        { org_id: 'o1', id: 'raw-key-1', name: '人民币走强', params: '{"fxShift":-0.05}' },
      ]);
      const r = await runForecast(db, {
        orgId: 'o1',
        asOf: '2026-03-04',
        granularity: 'week',
        compare: ['Hard winter', 'raw-key-1'],
      });
      assert.ok(r.ok);
      assert.deepEqual(
        r.value.scenarios.map((s) => s.scenario),
        ['optimistic', 'base', 'pessimistic', 'Hard winter', '人民币走强'],
      );
      assert.deepEqual(
        r.value.saved.map((s) => s.assumptions.map((a) => a.key)),
        [
          ['SCENARIO_ASSUMPTION_customer_default', 'SCENARIO_ASSUMPTION_large_purchase'],
          ['SCENARIO_ASSUMPTION_fx_all_down'],
        ],
      );
      const base = r.value.scenarios[1];
      const hard = r.value.scenarios[3];
      // The only customer defaults on 03-10: its 200,000 due 03-18 and every new sale to it are lost;
      // 50,000 is paid on 03-11. What is left: 300,000 − 50,000.
      assert.ok((base?.periods.at(-1)?.closingMinor ?? 0) > 300_000_00);
      assert.equal(hard?.periods.at(-1)?.closingMinor, 250_000_00);
      assert.equal(hard?.periods[0]?.openingMinor, 300_000_00);
      assert.equal(hard?.periods[1]?.disbursementsMinor, 50_000_00);
      const unknown = await runForecast(db, { orgId: 'o1', asOf: '2026-03-04', granularity: 'week', scenario: 'nope' });
      assert.deepEqual(unknown.ok ? null : [unknown.error.code, unknown.error.details.expected], [
        'FORECAST_SCENARIO_NOT_FOUND',
        'optimistic, base, pessimistic, Hard winter, 人民币走强',
      ]);
    } finally {
      await db.close();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertRows } from '../db/bulk.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startApi } from './test-support.js';

interface ScenarioAnswer {
  id: string;
  name: string;
  version: number;
  assumptions: string[];
  elements: { kind: string; customerId?: string }[];
}

const winter = (customerId: string) => ({
  name: 'Hard winter',
  elements: [
    { kind: 'customer_default', customerId, on: '2026-04-08' },
    {
      kind: 'new_loan',
      amountMinor: 100_000_00,
      on: '2026-04-02',
      repayments: [{ on: '2026-05-04', amountMinor: 50_000_00 }],
    },
  ],
});

describeEachDialect('API saved scenarios', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let viewer: Client;
  let otherOwner: Client;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    await seedOrganisation(db, 'orgb', 'Org B');
    await insertRows(db, 'customers', [{ org_id: 'orga', id: 'c1', code: 'C1', name: '华东精工' }]);
    await insertRows(db, 'invoices', [
      {
        org_id: 'orga',
        ...{ id: 'i1', customer_id: 'c1', number: 'F1', issued_on: '2026-03-01', due_on: '2026-04-15' },
        ...{ currency: 'CNY', amount_minor: 200_000_00 },
      },
    ]);
    await insertRows(db, 'bank_accounts', [
      { org_id: 'orga', id: 'a1', name: '工行', bank_name: null, account_no: null, currency: 'CNY' },
    ]);
    await insertRows(db, 'bank_balances', [
      { org_id: 'orga', bank_account_id: 'a1', balance_on: '2026-03-30', amount_minor: 300_000_00 },
    ]);
    api = await startApi(db);
    owner = await login(api.url, 'owner@orga.test');
    viewer = await login(api.url, 'viewer@orga.test');
    otherOwner = await login(api.url, 'owner@orgb.test');
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('create, read, replace from the version read, delete; viewers read only', async () => {
    const made = await owner.call('POST', '/api/v1/scenarios', winter('C1'), { 'accept-language': 'en' });
    assert.equal(made.status, 201, made.text);
    const s = made.body as ScenarioAnswer;
    assert.equal(s.elements[0]?.customerId, 'c1');
    assert.deepEqual(s.assumptions, [
      '华东精工 defaults on 2026-04-08: nothing more is received from it from that day.',
      'A new loan of 100,000.00 CNY is received on 2026-04-02, repaid in 1 instalments (50,000.00 CNY in all) from 2026-05-04 to 2026-05-04.',
    ]);
    const zh = await viewer.call('GET', `/api/v1/scenarios/${s.id}`, undefined, { 'accept-language': 'zh-CN' });
    assert.equal(zh.status, 200, zh.text);
    assert.match((zh.body as ScenarioAnswer).assumptions[0] ?? '', /华东精工 于 2026-04-08 违约/);
    assert.equal((await viewer.call('POST', '/api/v1/scenarios', winter('C1'))).status, 403);
    assert.equal((await viewer.call('DELETE', `/api/v1/scenarios/${s.id}`)).status, 403);

    const dup = await owner.call('POST', '/api/v1/scenarios', winter('C1'));
    assert.deepEqual([dup.status, errorCode(dup)], [409, 'SCENARIO_EXISTS']);
    const edit = { ...winter('c1'), name: 'Harder winter', version: 1 };
    const put = await owner.call('PUT', `/api/v1/scenarios/${s.id}`, edit);
    assert.equal(put.status, 200, put.text);
    assert.equal((put.body as ScenarioAnswer).version, 2);
    const stale = await owner.call('PUT', `/api/v1/scenarios/${s.id}`, edit);
    assert.deepEqual([stale.status, errorCode(stale)], [409, 'VERSION_CONFLICT']);
    const list = await viewer.call('GET', '/api/v1/scenarios');
    assert.deepEqual(
      (list.body as { items: ScenarioAnswer[] }).items.map((x) => x.name),
      ['Harder winter'],
    );
    // Another organisation sees none of it.
    assert.equal((await otherOwner.call('GET', `/api/v1/scenarios/${s.id}`)).status, 404);
    assert.deepEqual((await otherOwner.call('GET', '/api/v1/scenarios')).body, { items: [] });
    assert.equal((await otherOwner.call('DELETE', `/api/v1/scenarios/${s.id}`)).status, 404);

    const del = await owner.call('DELETE', `/api/v1/scenarios/${s.id}`);
    assert.equal(del.status, 200, del.text);
    assert.equal((await owner.call('GET', `/api/v1/scenarios/${s.id}`)).status, 404);
  });

  test('bad scenarios are refused with the field named', async () => {
    const shape = await owner.call('POST', '/api/v1/scenarios', {
      name: 'x',
      elements: [{ kind: 'payment_delay', days: 0 }],
    });
    assert.equal(shape.status, 400, shape.text);
    assert.match(shape.text, /elements/);
    const unknown = await owner.call('POST', '/api/v1/scenarios', {
      name: 'x',
      elements: [{ kind: 'customer_default', customerId: 'nobody', on: '2026-04-01' }],
    });
    assert.deepEqual([unknown.status, errorCode(unknown)], [404, 'UNKNOWN_CUSTOMER']);
    assert.match(unknown.text, /elements\.0\.customerId/);
    const reserved = await owner.call('POST', '/api/v1/scenarios', {
      name: 'Base',
      elements: [{ kind: 'credit_line_not_renewed' }],
    });
    assert.deepEqual([reserved.status, errorCode(reserved)], [400, 'SCENARIO_INVALID_FIELD']);
    const other = await otherOwner.call('POST', '/api/v1/scenarios', winter('C1'));
    assert.equal(errorCode(other), 'UNKNOWN_CUSTOMER', 'a customer of another organisation is no customer here');
  });

  test('the forecast report runs a saved scenario beside the three, with its assumptions in words', async () => {
    const made = await owner.call('POST', '/api/v1/scenarios', { ...winter('C1'), name: '寒冬' });
    assert.equal(made.status, 201, made.text);
    const r = await viewer.call(
      'GET',
      `/api/v1/reports/forecast?asOf=2026-03-31&compare=${encodeURIComponent('寒冬')}`,
      undefined,
      { 'accept-language': 'en' },
    );
    assert.equal(r.status, 200, r.text);
    const f = r.body as {
      scenarios: { scenario: string; periods: { closingMinor: number; receiptsMinor: number }[] }[];
      saved: { name: string; assumptions: string[] }[];
    };
    assert.deepEqual(
      f.scenarios.map((s) => s.scenario),
      ['optimistic', 'base', 'pessimistic', '寒冬'],
    );
    assert.equal(f.saved[0]?.assumptions.length, 2);
    // The only customer defaults on 04-08, before its invoice is due: nothing comes from it;
    // 100,000 arrives on 04-02 (week 1) and 50,000 leaves on 05-04 (week 6).
    const hard = f.scenarios[3];
    assert.equal(hard?.periods[0]?.closingMinor, 400_000_00);
    assert.equal(hard?.periods.at(-1)?.closingMinor, 350_000_00);
    const one = await viewer.call(
      'GET',
      `/api/v1/reports/forecast?asOf=2026-03-31&scenario=${encodeURIComponent('寒冬')}`,
    );
    assert.equal(one.status, 200, one.text);
    const unknown = await viewer.call('GET', '/api/v1/reports/forecast?asOf=2026-03-31&scenario=nope');
    assert.deepEqual([unknown.status, errorCode(unknown)], [400, 'FORECAST_SCENARIO_NOT_FOUND']);
    const period = await viewer.call(
      'GET',
      `/api/v1/reports/forecast/period?asOf=2026-03-31&scenario=${encodeURIComponent('寒冬')}&index=0`,
    );
    assert.equal(period.status, 200, period.text);
  });
});

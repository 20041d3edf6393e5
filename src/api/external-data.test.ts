import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { sampleReport, writeWorkbook } from '../import/external/test-workbooks.js';
import { type Client, login, type Running, seedOrganisation, startApi } from './test-support.js';

async function upload(base: string, client: Client, query: string, data: Buffer, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([data]), fileName);
  const headers = { cookie: client.cookie, 'x-csrf-token': client.csrf, 'accept-language': 'en' };
  const res = await fetch(`${base}/api/v1/imports?${query}`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describeEachDialect('API external buyer data', (open) => {
  let db: Db;
  let api: Running;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    await db.kysely
      .insertInto('customers')
      .values({ org_id: 'orga', id: 'c1', code: 'C001', name: '上海丙方商贸有限公司' })
      .execute();
    api = await startApi(db);
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('credit-report and bureau kinds through the imports route; the customer external-data read', async () => {
    const finance = await login(api.url, 'finance@orga.test');
    const xlsx = await writeWorkbook(sampleReport());
    const dry = await upload(api.url, finance, 'kind=credit-report', xlsx, '丙方.xlsx');
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual([dry.body.committed, dry.body.inserted, dry.body.source], [false, 6, '企查查']);
    const done = await upload(api.url, finance, 'kind=credit-report&dryRun=false', xlsx, '丙方.xlsx');
    assert.deepEqual([done.body.committed, done.body.inserted], [true, 6]);
    const csv = Buffer.from('Company Number,Company Name,Credit Score,Date\n,上海丙方商贸有限公司,72,2026-06-01\n');
    const bureau = await upload(api.url, finance, 'kind=bureau&dryRun=false', csv, 'cs.csv');
    assert.deepEqual([bureau.body.committed, bureau.body.inserted], [true, 1]);
    const read = await finance.call('GET', '/api/v1/customers/C001/external-data');
    assert.equal(read.status, 200);
    const body = read.body as {
      registrations: { source: string; capital_minor: number }[];
      events: { type: string; occurredOn: string; source: string }[];
      ratings: { agency: string; value: string }[];
    };
    assert.deepEqual(
      body.registrations.map((r) => [r.source, r.capital_minor]),
      [['企查查', 1_000_000_000]],
    );
    assert.deepEqual(body.events[0], {
      ...body.events[0],
      type: 'dishonest_debtor',
      occurredOn: '2026-10-12',
      source: '企查查',
    });
    assert.equal(body.events.length, 5);
    assert.deepEqual(
      body.ratings.map((r) => [r.agency, r.value]),
      [['creditsafe', '72']],
    );
    assert.equal((await finance.call('GET', '/api/v1/customers/NOPE/external-data')).status, 404);
  });
});

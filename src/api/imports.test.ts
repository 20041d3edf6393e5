import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startApi } from './test-support.js';

async function upload(base: string, client: Client, query: string, data: Buffer, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([data]), fileName);
  const headers = { cookie: client.cookie, 'x-csrf-token': client.csrf };
  const res = await fetch(`${base}/api/v1/imports?${query}`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describeEachDialect('API imports', (open) => {
  let db: Db;
  let api: Running;
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orga', 'Org A');
    api = await startApi(db);
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('upload: dry run reports, commit writes, viewers may not import', async () => {
    const csv = await readFile(new URL('../../fixtures/samples/customers.en.csv', import.meta.url));
    const finance = await login(api.url, 'finance@orga.test');
    const dry = await upload(api.url, finance, 'kind=customers', csv, 'customers.en.csv');
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(dry.body.committed, false);
    assert.ok(Number(dry.body.inserted) > 0);
    assert.equal(((await finance.call('GET', '/api/v1/customers')).body as { items: unknown[] }).items.length, 0);
    const done = await upload(api.url, finance, 'kind=customers&dryRun=false', csv, 'customers.en.csv');
    assert.equal(done.body.committed, true, JSON.stringify(done.body));
    const listed = (await finance.call('GET', '/api/v1/customers?limit=500')).body as { items: unknown[] };
    assert.equal(listed.items.length, done.body.inserted);
    const viewer = await login(api.url, 'viewer@orga.test');
    assert.equal((await upload(api.url, viewer, 'kind=customers', csv, 'c.csv')).status, 403);
    const noFile = await finance.call('POST', '/api/v1/imports?kind=customers', {});
    assert.equal(errorCode(noFile), 'IMPORT_UPLOAD_MISSING');
  });
});

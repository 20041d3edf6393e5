import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, type Running, startDemoApi } from './test-support.js';

describeEachDialect('API report routes', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 3));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('the aging in the base currency adds up to the open receivables of the summary', async () => {
    const aging = await owner.call('GET', '/api/v1/reports/aging?asOf=2026-03-31');
    assert.equal(aging.status, 200, aging.text);
    const summary = await owner.call('GET', '/api/summary?asOf=2026-03-31');
    const base = (aging.body as { base: { totals: { totalMinor: number } } }).base;
    const open = (summary.body as { receivables: { openMinor: number } }).receivables.openMinor;
    assert.ok(Math.abs(base.totals.totalMinor - open) <= 2, `${base.totals.totalMinor} vs ${open}`);
  });

  test('a write drops the cached reports: a new invoice shows in the next aging at once', async () => {
    const before = (await owner.call('GET', '/api/v1/reports/aging?asOf=2026-03-31')).body as {
      base: { totals: { totalMinor: number } };
    };
    const created = await owner.call('POST', '/api/v1/invoices', {
      customerId: 'demo:c-0002',
      number: 'CACHE-TEST-1',
      issuedOn: '2026-03-01',
      dueOn: '2026-03-31',
      currency: 'CNY',
      amountMinor: 1_000_00,
    });
    assert.equal(created.status, 201, created.text);
    const after = (await owner.call('GET', '/api/v1/reports/aging?asOf=2026-03-31')).body as {
      base: { totals: { totalMinor: number } };
    };
    assert.equal(after.base.totals.totalMinor - before.base.totals.totalMinor, 1_000_00);
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD, ensureDemoOwner } from '../app/accounts/index.js';
import { createDemoCompany } from '../app/demo/index.js';
import { startReportWorkers } from '../app/report-workers.js';
import { insertRows } from '../db/bulk.js';
import { openDatabase } from '../db/connection.js';
import { describeEachSharedDialect, type SharedTestDatabase } from '../db/test-support.js';
import { type Client, clock, login, type Running, request, startApi } from './test-support.js';

describeEachSharedDialect('a server computing reports on worker threads', (open) => {
  let shared: SharedTestDatabase;
  let api: Running;
  let owner: Client;
  before(async () => {
    shared = await open();
    await createDemoCompany(shared.db, { asOf: '2026-03-31', customers: 60, invoices: 6_000, seed: 2 });
    await ensureDemoOwner(shared.db, { orgId: 'demo', clock });
    api = await startApi(shared.db, { reports: startReportWorkers({ url: shared.url, workers: 2 }) });
    owner = await login(api.url, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD);
  });
  after(async () => {
    await api.close();
    await shared.close();
  });

  test('answers /health while the report computes, then answers the report', async () => {
    let isReportDone = false;
    const report = owner.call('GET', '/api/v1/reports/forecast?asOf=2026-03-31').then((answer) => {
      isReportDone = true;
      return answer;
    });
    const health = await request(`${api.url}/health`, 'GET');
    assert.equal(health.status, 200);
    // Computed on this thread, the report would have held /health back until it was done.
    assert.equal(isReportDone, false, 'the report was still computing when /health answered');
    const answer = await report;
    assert.equal(answer.status, 200, answer.text);
  });

  test('a write by another process shows in the next report, though the cached one is still fresh', async () => {
    type Aging = { base: { totals: { totalMinor: number } } };
    const path = '/api/v1/reports/aging?asOf=2026-03-31';
    const before = (await owner.call('GET', path)).body as Aging;
    const other = await openDatabase({ url: shared.url });
    try {
      await insertRows(other, 'invoices', [
        {
          ...{ org_id: 'demo', id: 'other-process-1', customer_id: 'demo:c-0002', number: 'OTHER-1' },
          ...{ issued_on: '2026-03-01', due_on: '2026-03-31', currency: 'CNY', amount_minor: 1_234_00 },
        },
      ]);
    } finally {
      await other.close();
    }
    const after = (await owner.call('GET', path)).body as Aging;
    assert.equal(after.base.totals.totalMinor - before.base.totals.totalMinor, 1_234_00);
  });
});

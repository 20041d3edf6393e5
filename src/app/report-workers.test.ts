import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { describeEachSharedDialect, type SharedTestDatabase } from '../db/test-support.js';
import { createDemoCompany } from './demo/index.js';
import { inlineReports, type ReportRunner } from './report-jobs.js';
import { startReportWorkers } from './report-workers.js';

const asOf = '2026-03-31';

describeEachSharedDialect('reports on worker threads', (open) => {
  let shared: SharedTestDatabase;
  let workers: ReportRunner;
  before(async () => {
    shared = await open();
    await createDemoCompany(shared.db, { asOf, customers: 30, invoices: 3_000, seed: 4, orgId: 'big' });
    await createDemoCompany(shared.db, { asOf, customers: 20, invoices: 600, seed: 5, orgId: 'small' });
    workers = startReportWorkers({ url: shared.url, workers: 2 });
  });
  after(async () => {
    await workers.close();
    await shared.close();
  });

  test('every report computed on a worker is the one computed on the calling thread', async () => {
    const inline = inlineReports(shared.db);
    const orgId = 'big';
    const jobs = [
      ['summary', { orgId, asOf }],
      ['aging', { orgId, asOf, basis: 'due', preset: 'default', customers: 10 }],
      ['agingSeries', { orgId, asOf, months: 12 }],
      ['metrics', { orgId, asOf, months: 12 }],
      ['customerRows', { orgId, asOf }],
      ['forecast', { orgId, asOf, granularity: 'week', trace: false }],
      ['forecast', { orgId, asOf, granularity: 'month', scenario: 'pessimistic' }],
      ['creditScores', { orgId, asOf }],
      ['creditLimits', { orgId, asOf }],
      ['creditReviews', { orgId, asOf }],
      ['onboarding', { orgId, customerId: 'big:c-0003', asOf }],
      ['orderCheck', { orgId, customerId: 'big:c-0003', amountMinor: 5_000_000_00, currency: 'CNY', asOf }],
      ['customerProfile', { orgId, customer: 'big:c-0003', asOf }],
    ] as const;
    for (const [kind, params] of jobs) {
      const [there, here] = await Promise.all([workers.run(kind, params as never), inline.run(kind, params as never)]);
      assert.equal((here as { ok: boolean }).ok, true, kind);
      assert.deepEqual(JSON.parse(JSON.stringify(there)), JSON.parse(JSON.stringify(here)), kind);
    }
  });

  test('a workbook written on a worker is an Excel file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cashguard-workbook-'));
    try {
      const path = join(dir, 'forecast.xlsx');
      const r = await workers.run('forecastWorkbook', {
        orgId: 'small',
        asOf,
        granularity: 'week',
        locale: 'en',
        path,
      });
      assert.equal(r.ok, true);
      assert.deepEqual([...readFileSync(path).subarray(0, 2)], [0x50, 0x4b]); // a zip archive, as .xlsx is
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an error thrown in a report reaches the caller, and the workers go on', async () => {
    await assert.rejects(workers.run('nonexistent' as never, { orgId: 'big' } as never), /not a function/);
    const summary = await workers.run('summary', { orgId: 'small', asOf });
    assert.equal(summary.ok, true);
  });

  test("one organisation's reports do not hold up another's", async () => {
    const order: string[] = [];
    const note = (name: string) => (r: unknown) => {
      order.push(name);
      return r;
    };
    // Three of the large book queue one after another; the small one's starts at once beside them.
    const big = [1, 2, 3].map((n) =>
      workers.run('forecast', { orgId: 'big', asOf, granularity: 'week', trace: true }).then(note(`big-${n}`)),
    );
    const small = workers.run('summary', { orgId: 'small', asOf }).then(note('small'));
    await Promise.all([...big, small]);
    assert.ok(order.indexOf('small') < order.indexOf('big-3'), order.join(', '));
  });
});

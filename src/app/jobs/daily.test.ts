import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadAlerts, loadOutbox } from '../../db/stores/alerts.js';
import { claimJobRun, findJobRun } from '../../db/stores/job-runs.js';
import { describeEachDialect } from '../../db/test-support.js';
import { updateOrganisation } from '../accounts/organisation.js';
import { runAndNotify } from '../alerts/index.js';
import { fixedClock } from '../clock.js';
import { createDemoCompany } from '../demo/write.js';
import { DAILY_JOB, DISPATCH_PATTERN, dueDailyRuns, runDailyWork, startInProcessScheduler } from './index.js';

// 06:00, 07:10 and 07:20 on 2026-03-31 in China Standard Time (UTC+8).
const AT_0600 = fixedClock('2026-03-30T22:00:00Z');
const AT_0710 = fixedClock('2026-03-30T23:10:00Z');
const AT_0720 = fixedClock('2026-03-30T23:20:00Z');

describeEachDialect('the daily run of each organisation', (open) => {
  test('due once its time has come, run once, and not due again that day', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { asOf: '2026-03-31', customers: 20, invoices: 600, seed: 1 });
      await createDemoCompany(db, { orgId: 'late', asOf: '2026-03-31', customers: 10, invoices: 200, seed: 2 });
      const set = await updateOrganisation(
        db,
        { orgId: 'late', actor: 'user:test', now: '2026-03-31T00:00:00Z' },
        { settings: { alerts: { dailyRunAt: '09:30' } } },
      );
      assert.ok(set.ok);
      assert.deepEqual(await dueDailyRuns(db, { clock: AT_0600 }), []);
      assert.deepEqual(await dueDailyRuns(db, { clock: AT_0710 }), [{ orgId: 'demo', runOn: '2026-03-31' }]);

      const first = await runDailyWork(db, { orgId: 'demo', runOn: '2026-03-31', clock: AT_0710, runner: 'a' });
      assert.ok(first.ok);
      assert.equal(first.value.outcome, 'done');
      assert.equal(first.value.attempt, 1);
      const alerts = await loadAlerts(db, { orgId: 'demo' });
      assert.ok(alerts.length > 0);
      assert.ok(alerts.every((a) => a.firstSeenOn === '2026-03-31'));
      const run = await findJobRun(db, { orgId: 'demo', job: DAILY_JOB, runOn: '2026-03-31' });
      assert.equal(run?.status, 'done');
      assert.equal(run?.runner, 'a');

      const again = await runDailyWork(db, { orgId: 'demo', runOn: '2026-03-31', clock: AT_0720, runner: 'b' });
      assert.ok(again.ok);
      assert.equal(again.value.outcome, 'skipped');
      assert.deepEqual(await dueDailyRuns(db, { clock: AT_0720 }), []);
      assert.equal((await loadAlerts(db, { orgId: 'demo' })).length, alerts.length);
      // The next day it is due again; the other organisation at its own time.
      assert.deepEqual(await dueDailyRuns(db, { clock: fixedClock('2026-04-01T01:31:00Z') }), [
        { orgId: 'demo', runOn: '2026-04-01' },
        { orgId: 'late', runOn: '2026-04-01' },
      ]);
    } finally {
      await db.close();
    }
  });

  test('a run whose process died is taken over once stale, and sends nothing twice', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { asOf: '2026-03-31', customers: 20, invoices: 600, seed: 1 });
      // A channel, so that the run queues notifications (nothing listens on port 9: they wait for a retry).
      const channels = [{ id: 'ops', kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 's', minLevel: 'info' }];
      const set = await updateOrganisation(
        db,
        { orgId: 'demo', actor: 'user:test', now: '2026-03-31T00:00:00Z' },
        { settings: { 'alerts.channels': channels } },
      );
      assert.ok(set.ok, JSON.stringify(set));
      // A first runner claimed the day at 06:55, evaluated the alerts and queued their notifications, then died.
      const claim = await claimJobRun(db, {
        orgId: 'demo',
        job: DAILY_JOB,
        runOn: '2026-03-31',
        runner: 'dead',
        now: '2026-03-30T22:55:00.000Z',
        staleBefore: '2026-03-30T22:40:00.000Z',
      });
      assert.equal(claim?.attempts, 1);
      const work = await runAndNotify(db, { orgId: 'demo', clock: fixedClock('2026-03-30T22:56:00Z') });
      assert.ok(work.ok);
      const outbox = (await loadOutbox(db, { orgId: 'demo' })).length;
      assert.ok(outbox > 0);
      // 15 minutes after it started the run is still its own; 25 minutes after, it is stale.
      const at0710 = fixedClock('2026-03-30T23:10:00Z');
      assert.deepEqual(await dueDailyRuns(db, { clock: at0710 }), []);
      const held = await runDailyWork(db, { orgId: 'demo', runOn: '2026-03-31', clock: at0710, runner: 'live' });
      assert.ok(held.ok);
      assert.equal(held.value.outcome, 'skipped');
      assert.deepEqual(await dueDailyRuns(db, { clock: AT_0720 }), [{ orgId: 'demo', runOn: '2026-03-31' }]);
      const taken = await runDailyWork(db, { orgId: 'demo', runOn: '2026-03-31', clock: AT_0720, runner: 'live' });
      assert.ok(taken.ok);
      assert.equal(taken.value.outcome, 'done');
      assert.equal(taken.value.attempt, 2);
      const run = await findJobRun(db, { orgId: 'demo', job: DAILY_JOB, runOn: '2026-03-31' });
      assert.equal(run?.status, 'done');
      assert.equal(run?.runner, 'live');
      // The day's alerts again: nothing queued twice.
      assert.equal((await loadOutbox(db, { orgId: 'demo' })).length, outbox);
    } finally {
      await db.close();
    }
  });

  test('a run that fails gives its claim back, so it is taken again at once', async () => {
    const db = await open();
    try {
      await createDemoCompany(db, { asOf: '2026-03-31', customers: 20, invoices: 600, seed: 1 });
      await assert.rejects(
        runDailyWork(db, {
          orgId: 'demo',
          runOn: '2026-03-31',
          clock: AT_0710,
          runner: 'a',
          onClaimed: async () => {
            throw new Error('the process lost its database connection');
          },
        }),
        /lost its database connection/,
      );
      assert.equal(await findJobRun(db, { orgId: 'demo', job: DAILY_JOB, runOn: '2026-03-31' }), null);
      const retried = await runDailyWork(db, { orgId: 'demo', runOn: '2026-03-31', clock: AT_0710, runner: 'b' });
      assert.ok(retried.ok);
      assert.equal(retried.value.outcome, 'done');
    } finally {
      await db.close();
    }
  });

  test('the embedded scheduler looks every minute and runs what is due in this process', async () => {
    const db = await open();
    const scheduler = startInProcessScheduler(db, { clock: AT_0710 });
    try {
      await createDemoCompany(db, { asOf: '2026-03-31', customers: 20, invoices: 600, seed: 1 });
      assert.equal(scheduler.jobs.dispatch.getPattern(), DISPATCH_PATTERN);
      assert.equal(scheduler.jobs.retry.getPattern(), '*/5 * * * *');
      const ran = await scheduler.tick();
      assert.deepEqual(
        ran.map((r) => [r.orgId, r.outcome]),
        [['demo', 'done']],
      );
      assert.deepEqual(await scheduler.tick(), []);
      assert.ok((await loadAlerts(db, { orgId: 'demo' })).length > 0);
    } finally {
      scheduler.stop();
      await db.close();
    }
  });
});

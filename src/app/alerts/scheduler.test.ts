import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Db, openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { loadAlerts } from '../../db/stores/alerts.js';
import { updateOrganisation } from '../accounts/organisation.js';
import { fixedClock } from '../clock.js';
import { createDemoCompany } from '../demo/write.js';
import { type AlertScheduler, RETRY_PATTERN, startAlertScheduler } from './index.js';

/** The in-process daily run: one job per organisation at its own time (China Standard Time), and the retry job. */
const clock = fixedClock('2026-03-31T02:00:00Z');
let db: Db;
let scheduler: AlertScheduler | null = null;

before(async () => {
  db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  await createDemoCompany(db, { asOf: '2026-03-31', customers: 20, invoices: 600, seed: 1 });
  const r = await updateOrganisation(
    db,
    { orgId: 'demo', actor: 'user:test', now: '2026-03-31T00:00:00Z' },
    { settings: { alerts: { dailyRunAt: '06:30' } } },
  );
  assert.ok(r.ok);
});
after(async () => {
  scheduler?.stop();
  await db.close();
});

test('each organisation runs daily at its dailyRunAt in China Standard Time; a tick evaluates and stores its alerts', async () => {
  scheduler = await startAlertScheduler(db, { clock });
  const job = scheduler.jobs.get('demo');
  assert.ok(job);
  assert.equal(job.getPattern(), '30 6 * * *');
  const next = job.nextRun(new Date('2026-04-01T00:00:00Z'));
  // 06:30 in Shanghai (UTC+8) is 22:30 UTC the day before.
  assert.equal(next?.toISOString(), '2026-04-01T22:30:00.000Z');
  assert.equal(scheduler.jobs.get('*retry')?.getPattern(), RETRY_PATTERN);
  assert.equal((await loadAlerts(db, { orgId: 'demo' })).length, 0);
  await job.trigger();
  const stored = await loadAlerts(db, { orgId: 'demo' });
  assert.ok(stored.length > 0);
  assert.ok(stored.every((a) => a.firstSeenOn === '2026-03-31'));
  scheduler.stop();
  assert.ok(!job.isRunning());
});

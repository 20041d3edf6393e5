// `npm start`: the embedded database (created with the demo company on first start), the demo
// owner account, then the HTTP server on HOST:PORT (default 127.0.0.1:8080).

import { buildServer, trustProxySetting } from './api/server.js';
import { assertSafeToListen, ensureDemoOwner } from './app/accounts/index.js';
import { runAlerts } from './app/alerts/index.js';
import { systemClock } from './app/clock.js';
import { openAppDatabase, resolveDatabaseUrl } from './app/database.js';
import { createDemoCompany, DEMO_NAME } from './app/demo/index.js';
import { startDailyWork } from './app/jobs/index.js';
import { startReportWorkers } from './app/report-workers.js';
import { listOrganisations } from './db/stores/organisations.js';
import { translate } from './i18n/index.js';
import { startReadWorker } from './import/index.js';

const url = resolveDatabaseUrl();
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const db = await openAppDatabase(url);

if ((await listOrganisations(db)).length === 0) {
  const asOf = systemClock.today();
  process.stdout.write(`Creating the demo company ${DEMO_NAME} as of ${asOf} in ${db.location} …\n`);
  const started = performance.now();
  const demo = await createDemoCompany(db, { asOf });
  process.stdout.write(`Demo company ready in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  // Its alerts are evaluated at once, so that the first look at the overview tells what needs attention
  // (the daily run comes only tomorrow morning).
  const alerts = await runAlerts(db, { orgId: demo.orgId, asOf, clock: systemClock });
  if (!alerts.ok) process.stderr.write(`Alerts of the demo company not evaluated: ${alerts.error.code}\n`);
  const owner = await ensureDemoOwner(db, {
    orgId: demo.orgId,
    clock: systemClock,
    ...(process.env.CASHGUARD_ADMIN_PASSWORD ? { password: process.env.CASHGUARD_ADMIN_PASSWORD } : {}),
  });
  if (owner.created) {
    process.stdout.write(
      `\nDemo owner account (shown once) / 示例企业管理员账号（仅显示一次）:\n  e-mail:   ${owner.email}\n  password: ${owner.password}\n\n`,
    );
  }
}

const safe = await assertSafeToListen(db, host);
if (!safe.ok) {
  process.stderr.write(
    `${translate(safe.error.code, safe.error.details, 'en')}\n${translate(safe.error.code, safe.error.details, 'zh-CN')}\n`,
  );
  await db.close();
  process.exit(1);
}

const trustProxy = trustProxySetting(process.env.TRUST_PROXY);
// Reports are computed on worker threads with connections of their own, so this thread only answers
// requests (docs/adr/0016); an in-memory database is seen by no other connection.
const reports = url === ':memory:' ? undefined : startReportWorkers({ url });
const app = buildServer({ db, clock: systemClock, logger: true, trustProxy, ...(reports ? { reports } : {}) });
// The daily work and the notification retries (docs/adr/0031): on SQLite in this process; on
// PostgreSQL shared with every other server and `cashguard worker` through the job queue.
// CASHGUARD_JOBS=off: this process takes no part; CASHGUARD_JOBS=enqueue (PostgreSQL): it only enqueues.
const jobs = await startDailyWork(db, {
  url,
  clock: systemClock,
  mode: process.env.CASHGUARD_JOBS ?? process.env.CASHGUARD_ALERT_SCHEDULER,
  onError: (error, orgId) => app.log.error({ err: error, orgId }, 'daily work failed'),
});
const shutdown = async () => {
  await jobs.stop();
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ host, port });
// Large uploads are read on a worker thread while this one writes: start it now, not at the first upload.
startReadWorker();
process.stdout.write(`CashGuard is running at http://${host}:${port}/ (API docs at /api/docs)\n`);

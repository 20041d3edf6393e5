// The daily work of many organisations on PostgreSQL (docs/adr/0031): DAILY_BENCH_ORGS
// organisations (default 1,000) of DAILY_BENCH_CUSTOMERS customers each (default 200, 10
// invoices a customer) in a database of their own, every one due; `cashguard worker` processes
// take the jobs one dispatch enqueued, timed from the dispatch until every run is done, with one
// worker and then with two (the ratio is the speed-up). Needs DATABASE_URL (a PostgreSQL server);
// the database is made once and kept for the next runs (drop `cg_bench_daily` to rebuild it).
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import { buildPrograms } from '../scripts/build.mjs';
import { updateOrganisation } from '../src/app/accounts/organisation.js';
import { systemClock } from '../src/app/clock.js';
import { createDemoCompany } from '../src/app/demo/write.js';
import { DAILY_JOB, queueSchema, startJobQueue } from '../src/app/jobs/index.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadJobRuns } from '../src/db/stores/job-runs.js';
import { listOrganisations } from '../src/db/stores/organisations.js';
import { CLI, loadNote } from './processes.js';
import type { BenchResult } from './run.js';

const ORGS = Number(process.env.DAILY_BENCH_ORGS ?? 1000);
const CUSTOMERS = Number(process.env.DAILY_BENCH_CUSTOMERS ?? 200);
/** At most this long for one pass of the daily work. */
const LIMIT_MS = 60 * 60 * 1000;

async function ensureDatabase(server: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function run(): Promise<BenchResult[]> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    process.stdout.write(
      '  (DATABASE_URL is not set: the daily run of many organisations needs PostgreSQL, skipped)\n',
    );
    return [];
  }
  await buildPrograms({ quiet: true });
  const url = await ensureDatabase(server, 'cg_bench_daily');
  const db = await openDatabase({ url });
  await migrateToLatest(db);
  const asOf = systemClock.today();
  const have = new Set((await listOrganisations(db)).map((o) => o.id));
  const started = performance.now();
  for (let i = 0; i < ORGS; i++) {
    const orgId = `b${String(i).padStart(4, '0')}`;
    if (have.has(orgId)) continue;
    await createDemoCompany(db, { orgId, asOf, customers: CUSTOMERS, invoices: CUSTOMERS * 10, seed: i + 1 });
    // Due whatever the time of day the bench runs.
    await updateOrganisation(
      db,
      { orgId, actor: 'bench', now: new Date().toISOString() },
      { settings: { alerts: { dailyRunAt: '00:00' } } },
    );
    if (i % 100 === 99) process.stdout.write(`  (${i + 1} organisations made)\n`);
  }
  if (have.size < ORGS)
    process.stdout.write(`  (organisations made in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  const orgs = (await listOrganisations(db)).filter((o) => /^b\d{4}$/.test(o.id) && Number(o.id.slice(1)) < ORGS);
  const out: BenchResult[] = [];
  const seconds: number[] = [];
  for (const workers of [1, 2]) {
    // A fresh day: nothing run, nothing queued.
    await sql`delete from job_runs`.execute(db.kysely);
    const queue = await startJobQueue(db, { url, clock: systemClock, work: false });
    await sql`delete from ${sql.table(`${queueSchema(db)}.job`)}`.execute(db.kysely);
    const children = Array.from({ length: workers }, () =>
      spawn(process.execPath, [CLI, '--db', url, '--lang', 'en', 'worker'], { stdio: 'ignore' }),
    );
    const t0 = performance.now();
    const due = await queue.dispatch();
    let done = 0;
    while (performance.now() - t0 < LIMIT_MS) {
      const runs = await loadJobRuns(db, { job: DAILY_JOB, runOn: asOf });
      done = runs.filter((r) => r.status === 'done' && orgs.some((o) => o.id === r.orgId)).length;
      if (done >= orgs.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const s = (performance.now() - t0) / 1000;
    seconds.push(s);
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))));
    await queue.stop();
    out.push({
      name: `daily run, ${orgs.length} orgs × ${CUSTOMERS} customers, ${workers} worker${workers > 1 ? 's' : ''}`,
      value: s,
      unit: 's',
      note: `${due.length} dispatched, ${done} done; ${((done / s) * 60).toFixed(0)} organisations a minute; ${loadNote()}`,
    });
  }
  if (seconds[0] && seconds[1])
    out.push({ name: 'daily run, speed-up of 2 workers over 1', value: seconds[0] / seconds[1], unit: '×' });
  await db.close();
  return out;
}

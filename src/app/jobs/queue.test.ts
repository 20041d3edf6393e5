import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { loadJobRuns } from '../../db/stores/job-runs.js';
import { openTestPostgres } from '../../db/test-support.js';
import { fixedClock } from '../clock.js';
import { createDemoCompany } from '../demo/write.js';
import { DAILY_JOB, type DailyRunOutcome, type JobQueue, QUEUES, queueSchema, startJobQueue } from './index.js';

const URL_ = process.env.DATABASE_URL;
const skip = URL_ ? false : 'DATABASE_URL is not set: the PostgreSQL job queue tests skipped';
// 07:10 on 2026-03-31 in China Standard Time: every organisation's daily run (07:00) is due.
const NOW = '2026-03-30T23:10:00Z';
const clock = fixedClock(NOW);
const ORGS = ['demo', 'org-b', 'org-c', 'org-d'];

let db: Db;
let url: string;

/**
 * Asks `done` up to `polls` times, a fifth of a second apart, until it says so; false if it never
 * does. A bound on how long the test may wait for the other processes, not a speed it asserts.
 */
async function until(done: () => Promise<boolean>, polls: number): Promise<boolean> {
  for (let i = 0; i < polls; i++) {
    if (await done()) return true;
    await sleep(200);
  }
  return false;
}

const allDone = async () => {
  const runs = await loadJobRuns(db, { job: DAILY_JOB, runOn: '2026-03-31' });
  return runs.length === ORGS.length && runs.every((r) => r.status === 'done');
};

describe('the job queue shared by server and worker processes (PostgreSQL)', { skip }, () => {
  before(async () => {
    db = await openTestPostgres(URL_ as string);
    const own = new URL(URL_ as string);
    own.pathname = new URL(db.location).pathname;
    url = own.toString();
    for (const [i, orgId] of ORGS.entries())
      await createDemoCompany(db, { orgId, asOf: '2026-03-31', customers: 10, invoices: 200, seed: i + 1 });
  });
  after(async () => {
    await db?.close();
  });

  test('two processes dispatching and working at once: one job per organisation, each run once', async () => {
    const ran: DailyRunOutcome[] = [];
    const options = { url, clock, work: true, pollingIntervalSeconds: 0.5, onRun: (r: DailyRunOutcome) => ran.push(r) };
    const queues: JobQueue[] = [await startJobQueue(db, options), await startJobQueue(db, options)];
    try {
      const [a, b] = await Promise.all(queues.map((q) => q.dispatch()));
      assert.deepEqual(
        a?.map((r) => r.orgId),
        ORGS,
      );
      assert.deepEqual(b, a);
      assert.ok(await until(allDone, 300), 'every organisation ran');
      const jobs = await sql<{
        n: string;
      }>`select count(*) as n from ${sql.table(`${queueSchema(db)}.job`)} where name = ${QUEUES.daily}`.execute(
        db.kysely,
      );
      assert.equal(Number(jobs.rows[0]?.n), ORGS.length);
      const runs = await loadJobRuns(db, { job: DAILY_JOB, runOn: '2026-03-31' });
      assert.deepEqual(
        runs.map((r) => r.attempts),
        ORGS.map(() => 1),
      );
      assert.deepEqual(
        ran
          .filter((r) => r.outcome === 'done')
          .map((r) => r.orgId)
          .sort(),
        [...ORGS].sort(),
      );
      // Dispatching again that day enqueues nothing.
      assert.deepEqual(await queues[0]?.dispatch(), []);
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
    }
  });

  test('a worker killed in the middle of a run: another takes the job over and finishes it once', async () => {
    await sql`delete from job_runs`.execute(db.kysely);
    await sql`delete from ${sql.table(`${queueSchema(db)}.job`)}`.execute(db.kysely);
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./queue-test-child.ts', import.meta.url)), url, NOW, '2'],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    let queue: JobQueue | null = null;
    try {
      assert.ok(await until(async () => out.includes('ready'), 300), 'the worker started');
      // All four are due; the worker claims the first and never finishes it.
      const dispatcher = await startJobQueue(db, {
        url,
        clock,
        work: false,
        staleAfterSeconds: 2,
        retryDelaySeconds: 1,
      });
      await dispatcher.dispatch();
      await dispatcher.stop();
      assert.ok(await until(async () => out.includes('claimed'), 300), 'the worker claimed a run');
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const claimed = (await loadJobRuns(db, { job: DAILY_JOB, runOn: '2026-03-31' })).filter(
        (r) => r.status === 'running',
      );
      assert.equal(claimed.length, 1);
      queue = await startJobQueue(db, {
        url,
        clock: fixedClock('2026-03-30T23:10:30Z'),
        work: true,
        staleAfterSeconds: 2,
        maintenanceIntervalSeconds: 1,
        pollingIntervalSeconds: 0.5,
        retryDelaySeconds: 1,
      });
      assert.ok(await until(allDone, 450), 'every run finished after the kill');
      const runs = await loadJobRuns(db, { job: DAILY_JOB, runOn: '2026-03-31' });
      const taken = runs.find((r) => r.orgId === claimed[0]?.orgId);
      assert.equal(taken?.attempts, 2);
      assert.ok(runs.filter((r) => r !== taken).every((r) => r.attempts === 1));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await queue?.stop();
    }
  });
});

import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Db } from '../../db/connection.js';
import { RETRY_PATTERN } from '../alerts/index.js';
import { type Clock, DEFAULT_TIME_ZONE } from '../clock.js';
import {
  type DailyRunOutcome,
  DEFAULT_STALE_AFTER_SECONDS,
  type DueRun,
  dueDailyRuns,
  retryNotifications,
  runDailyWork,
} from './daily.js';
import { DISPATCH_PATTERN } from './in-process.js';

/** The queues the server and worker processes share on PostgreSQL. */
export const QUEUES = {
  /** Every minute (pg-boss cron, once across all processes): which organisations' daily run is due. */
  dispatch: 'cashguard-dispatch',
  /** One job per organisation and day: its daily work. */
  daily: 'cashguard-daily',
  /** Every five minutes: escalations and notifications waiting to be sent. */
  retry: 'cashguard-retry',
} as const;

export interface JobQueueOptions {
  /** The PostgreSQL URL of the organisation database (the queue's tables live in a schema of their own). */
  readonly url: string;
  readonly clock: Clock;
  readonly timeZone?: string;
  /** Whether this process takes jobs (a server may only enqueue). */
  readonly work: boolean;
  /** Daily jobs this process runs at once (default 1: a run is mostly computation on this thread). */
  readonly concurrency?: number;
  /**
   * A daily job not finished this long after it started is taken as dead and retried (pg-boss
   * expiry), and its claim in `job_runs` may be taken over (default 15 minutes).
   */
  readonly staleAfterSeconds?: number;
  /** How often expired jobs are looked for (default 60 s). */
  readonly maintenanceIntervalSeconds?: number;
  /** Seconds before a failed daily job is tried again, doubling each time (default 30). */
  readonly retryDelaySeconds?: number;
  /** How often an idle worker asks for a job (default 2 s). */
  readonly pollingIntervalSeconds?: number;
  readonly onError?: (error: unknown, orgId: string) => void;
  /** Called after each daily job this process ran. */
  readonly onRun?: (outcome: DailyRunOutcome) => void;
  /** Called once a daily run is claimed, before its work (tests stop a process here). */
  readonly onClaimed?: (run: DueRun) => Promise<void>;
}

export interface JobQueue {
  readonly boss: PgBoss;
  /** Enqueues the daily jobs due now (what each minute's dispatch does); returns them. */
  dispatch(): Promise<DueRun[]>;
  stop(): Promise<void>;
}

/** The queue's schema: beside the organisation tables' schema when one is in use. */
export function queueSchema(db: Db): string {
  return db.schema ? `${db.schema}_jobs` : 'cashguard_jobs';
}

/** The same id for an organisation's job of a day, whoever sends it: a second send adds nothing. */
export function dailyJobId(run: DueRun): string {
  const h = createHash('sha256').update(`daily\u0000${run.orgId}\u0000${run.runOn}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The job queue of the PostgreSQL deployment (pg-boss, docs/adr/0031). Every server and
 * `cashguard worker` process starts one; pg-boss runs each cron once across them. Each minute's
 * dispatch enqueues one job per organisation whose daily run is due (`dueDailyRuns`), with an id
 * made from the organisation and the day, so a job is never enqueued twice; a worker takes it with
 * `SKIP LOCKED`, claims the run in `job_runs`, runs it and marks it done. A worker killed mid-run
 * leaves its job active: pg-boss expires it after `staleAfterSeconds` and another worker retries
 * it, taking over the stale claim. The work is idempotent (alerts de-duplicate, the outbox sends
 * each notification once), so a retried run sends nothing twice.
 *
 * @example
 * const queue = await startJobQueue(db, { url, clock: systemClock, work: true });
 * await queue.stop();
 */
export async function startJobQueue(db: Db, options: JobQueueOptions): Promise<JobQueue> {
  if (db.dialect !== 'postgres') throw new Error('the job queue needs PostgreSQL');
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const staleAfterSeconds = options.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS;
  const report = (orgId: string) => (e: unknown) => options.onError?.(e, orgId);
  const boss = new PgBoss({
    connectionString: options.url,
    schema: queueSchema(db),
    application_name: 'cashguard-jobs',
    max: 4,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  boss.on('error', report('*'));
  await boss.start();
  const retryOptions = { retryLimit: 5, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true };
  await boss.createQueue(QUEUES.daily, {
    name: QUEUES.daily,
    policy: 'standard',
    ...retryOptions,
    expireInSeconds: staleAfterSeconds,
  });
  // One dispatch and one retry pass at a time, whichever process takes them.
  await boss.createQueue(QUEUES.dispatch, { name: QUEUES.dispatch, policy: 'singleton', expireInSeconds: 600 });
  await boss.createQueue(QUEUES.retry, { name: QUEUES.retry, policy: 'singleton', expireInSeconds: 600 });
  await boss.schedule(QUEUES.dispatch, DISPATCH_PATTERN, {}, { tz: timeZone });
  await boss.schedule(QUEUES.retry, RETRY_PATTERN, {}, { tz: timeZone });

  const dispatch = async (): Promise<DueRun[]> => {
    const due = await dueDailyRuns(db, { clock: options.clock, timeZone, staleAfterSeconds });
    if (due.length > 0)
      await boss.insert(
        due.map((run) => ({
          name: QUEUES.daily,
          id: dailyJobId(run),
          data: { ...run },
          ...retryOptions,
          expireInSeconds: staleAfterSeconds,
        })),
      );
    return due;
  };

  if (options.work) {
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    await boss.work(QUEUES.dispatch, polling, async () => {
      await dispatch();
    });
    await boss.work(QUEUES.retry, polling, async () => {
      await retryNotifications(db, { clock: options.clock, ...(options.onError ? { onError: options.onError } : {}) });
    });
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
      let workerId = '';
      workerId = await boss.work<DueRun>(QUEUES.daily, { ...polling, batchSize: 1 }, async ([job]) => {
        if (!job) return;
        const run = { orgId: String(job.data.orgId), runOn: String(job.data.runOn) };
        const onClaimed = options.onClaimed;
        const r = await runDailyWork(db, {
          ...run,
          clock: options.clock,
          timeZone,
          staleAfterSeconds,
          ...(onClaimed ? { onClaimed: () => onClaimed(run) } : {}),
        });
        // A failed run is retried by pg-boss (with back-off), its claim taken over once stale.
        if (!r.ok) throw new Error(`daily run of ${run.orgId} on ${run.runOn} failed: ${r.error.code}`);
        options.onRun?.(r.value);
        // There may be more: ask for the next job at once rather than after the polling interval.
        boss.notifyWorker(workerId);
      });
    }
  }
  return {
    boss,
    dispatch,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}

import { hostname } from 'node:os';
import { ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { claimJobRun, finishJobRun, loadJobRuns, releaseJobRun } from '../../db/stores/job-runs.js';
import { listOrganisations } from '../../db/stores/organisations.js';
import { alertSettings, deliverAlertNotifications, escalateUnacknowledged, runAndNotify } from '../alerts/index.js';
import { sendDigests } from '../alerts/subscriptions.js';
import { type Clock, DEFAULT_TIME_ZONE, dateOfInstantIn, timeOfDayIn } from '../clock.js';

/** The daily work of an organisation: its alerts evaluated as of today and the notifications sent. */
export const DAILY_JOB = 'daily';

/** A run not finished this long after it started is taken as dead (its process was killed) and run again. */
export const DEFAULT_STALE_AFTER_SECONDS = 15 * 60;

/** This process, as it signs the runs it takes. */
export const RUNNER = `${hostname()}:${process.pid}`;

export interface DueRun {
  readonly orgId: string;
  readonly runOn: LocalDate;
}

/**
 * The organisations whose daily run is due now: today (in the time zone) has reached their
 * `alerts.dailyRunAt`, and today's run is neither done nor held by a live runner. One definition
 * for the embedded scheduler and for the job queue; a day the service was down is caught up
 * when it starts, and an organisation created today runs at once once its time has passed.
 *
 * @example
 * await dueDailyRuns(db, { clock: fixedClock('2026-12-08T00:00:00Z') }) // [{ orgId: 'demo', runOn: '2026-12-08' }]
 */
export async function dueDailyRuns(
  db: Db,
  params: { clock: Clock; timeZone?: string; staleAfterSeconds?: number },
): Promise<DueRun[]> {
  const timeZone = params.timeZone ?? DEFAULT_TIME_ZONE;
  const now = params.clock.now();
  const runOn = dateOfInstantIn(now, timeZone);
  const time = timeOfDayIn(now, timeZone);
  const staleBefore = new Date(
    now.getTime() - (params.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS) * 1000,
  ).toISOString();
  const [organisations, runs] = await Promise.all([listOrganisations(db), loadJobRuns(db, { job: DAILY_JOB, runOn })]);
  const taken = new Set(runs.filter((r) => r.status === 'done' || r.startedAt >= staleBefore).map((r) => r.orgId));
  return organisations
    .filter((org) => {
      const settings = alertSettings(org);
      return !taken.has(org.id) && time >= (settings.ok ? settings.value.dailyRunAt : '07:00');
    })
    .map((org) => ({ orgId: org.id, runOn }));
}

export interface DailyRunOutcome {
  readonly orgId: string;
  readonly runOn: LocalDate;
  /** 'done': this call ran it; 'skipped': it was done already, or another runner holds it. */
  readonly outcome: 'done' | 'skipped';
  readonly attempt: number;
  readonly summary?: string;
}

/**
 * Runs one organisation's daily work for `runOn` once: claims it (a run left by a dead runner is
 * taken over), evaluates and sends its alerts (idempotent: a run repeated after a crash queues
 * nothing twice, docs/adr/0019), then marks it done. A run that fails gives its claim back, so a
 * retry takes it at once; a run whose process died is taken over once stale.
 */
export async function runDailyWork(
  db: Db,
  params: {
    orgId: string;
    runOn: LocalDate;
    clock: Clock;
    timeZone?: string;
    runner?: string;
    staleAfterSeconds?: number;
    /** Called once the run is claimed, before any work (tests stop a process here). */
    onClaimed?: () => Promise<void>;
  },
): Promise<Result<DailyRunOutcome>> {
  const runner = params.runner ?? RUNNER;
  const now = params.clock.now();
  const staleBefore = new Date(
    now.getTime() - (params.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS) * 1000,
  ).toISOString();
  const key = { orgId: params.orgId, job: DAILY_JOB, runOn: params.runOn };
  const claimed = await claimJobRun(db, { ...key, runner, now: now.toISOString(), staleBefore });
  if (!claimed) return ok({ orgId: params.orgId, runOn: params.runOn, outcome: 'skipped', attempt: 0 });
  const run = await (async () => {
    await params.onClaimed?.();
    const alerts = await runAndNotify(db, {
      orgId: params.orgId,
      clock: params.clock,
      ...(params.timeZone === undefined ? {} : { timeZone: params.timeZone }),
    });
    if (!alerts.ok) return alerts;
    // The members' daily digests, each once a day.
    const digests = await sendDigests(db, { orgId: params.orgId, runOn: params.runOn, clock: params.clock, runner });
    if (!digests.ok) return digests;
    return ok({ ...alerts.value, digests: digests.value });
  })().catch(async (e: unknown) => {
    await releaseJobRun(db, { ...key, runner });
    throw e;
  });
  if (!run.ok) {
    await releaseJobRun(db, { ...key, runner });
    return run;
  }
  const { run: alerts, delivery, digests } = run.value;
  const summary = JSON.stringify({
    raised: alerts.raised,
    updated: alerts.updated,
    resolved: alerts.resolved,
    byLevel: alerts.byLevel,
    delivery,
    digests,
  });
  await finishJobRun(db, { ...key, runner, now: params.clock.now().toISOString(), summary });
  return ok({ orgId: params.orgId, runOn: params.runOn, outcome: 'done', attempt: claimed.attempts, summary });
}

/**
 * Every organisation's critical alerts left unacknowledged are escalated and its waiting
 * notifications sent or retried (every five minutes). A failing organisation does not stop the others.
 */
export async function retryNotifications(
  db: Db,
  params: { clock: Clock; onError?: (error: unknown, orgId: string) => void },
): Promise<void> {
  for (const org of await listOrganisations(db)) {
    try {
      await escalateUnacknowledged(db, { orgId: org.id, clock: params.clock });
      await deliverAlertNotifications(db, { orgId: org.id, clock: params.clock });
    } catch (e) {
      params.onError?.(e, org.id);
    }
  }
}

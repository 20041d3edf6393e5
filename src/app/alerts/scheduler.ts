import { Cron } from 'croner';
import { ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { listOrganisations } from '../../db/stores/organisations.js';
import { type Clock, DEFAULT_TIME_ZONE } from '../clock.js';
import { type DeliveryResult, deliverAlertNotifications } from './deliver.js';
import { alertSettings } from './evaluate.js';
import { type AlertRunResult, escalateUnacknowledged, runAlerts } from './run.js';

/**
 * Evaluates every rule for an organisation as of today (in the organisation's time zone), then
 * sends what the run queued: the daily run, and what `alerts run` does.
 */
export async function runAndNotify(
  db: Db,
  params: { orgId: string; clock: Clock; timeZone?: string },
): Promise<Result<{ run: AlertRunResult; delivery: DeliveryResult }>> {
  const asOf = params.clock.today(params.timeZone ?? DEFAULT_TIME_ZONE);
  const run = await runAlerts(db, { orgId: params.orgId, asOf, clock: params.clock });
  if (!run.ok) return run;
  const delivery = await deliverAlertNotifications(db, { orgId: params.orgId, clock: params.clock });
  if (!delivery.ok) return delivery;
  return ok({ run: run.value, delivery: delivery.value });
}

export interface AlertScheduler {
  /** One daily job per organisation, by organisation id, and the retry job. */
  readonly jobs: ReadonlyMap<string, Cron>;
  stop(): void;
}

/** Every five minutes: critical alerts left unacknowledged are escalated, and waiting notifications sent. */
export const RETRY_PATTERN = '*/5 * * * *';

/**
 * The in-process scheduler of the embedded deployment (croner): each organisation's alerts are
 * evaluated and sent every day at its `alerts.dailyRunAt` (default 07:00, China Standard Time),
 * and every five minutes critical alerts left unacknowledged are escalated and queued notifications
 * sent or retried. A job still running when its next
 * time comes is not started twice (`protect`). Organisations created later are scheduled at the
 * next start. Errors go to `onError`; a failing organisation does not stop the others.
 *
 * @example
 * const scheduler = await startAlertScheduler(db, { clock: systemClock, onError: (e) => log.error(e) });
 * scheduler.stop();
 */
export async function startAlertScheduler(
  db: Db,
  params: { clock: Clock; timeZone?: string; onError?: (error: unknown, orgId: string) => void },
): Promise<AlertScheduler> {
  const timeZone = params.timeZone ?? DEFAULT_TIME_ZONE;
  const report = (orgId: string) => (e: unknown) => params.onError?.(e, orgId);
  const jobs = new Map<string, Cron>();
  const organisations = await listOrganisations(db);
  for (const org of organisations) {
    const settings = alertSettings(org);
    const [hour, minute] = (settings.ok ? settings.value.dailyRunAt : '07:00').split(':').map(Number);
    jobs.set(
      org.id,
      new Cron(`${minute} ${hour} * * *`, { timezone: timeZone, protect: true, name: `alerts:${org.id}` }, async () => {
        const r = await runAndNotify(db, { orgId: org.id, clock: params.clock, timeZone }).catch((e: unknown) => {
          report(org.id)(e);
          return null;
        });
        if (r && !r.ok) report(org.id)(r.error);
      }),
    );
  }
  jobs.set(
    '*retry',
    new Cron(RETRY_PATTERN, { timezone: timeZone, protect: true, name: 'alerts:retry' }, async () => {
      for (const org of organisations) {
        await escalateUnacknowledged(db, { orgId: org.id, clock: params.clock }).catch(report(org.id));
        await deliverAlertNotifications(db, { orgId: org.id, clock: params.clock }).catch(report(org.id));
      }
    }),
  );
  return {
    jobs,
    stop: () => {
      for (const job of jobs.values()) job.stop();
    },
  };
}

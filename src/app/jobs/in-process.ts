import { Cron } from 'croner';
import type { Db } from '../../db/connection.js';
import { RETRY_PATTERN } from '../alerts/index.js';
import { type Clock, DEFAULT_TIME_ZONE } from '../clock.js';
import { type DailyRunOutcome, dueDailyRuns, retryNotifications, runDailyWork } from './daily.js';

/** Every minute the scheduler looks for organisations whose daily run is due. */
export const DISPATCH_PATTERN = '* * * * *';

export interface InProcessScheduler {
  /** The dispatch job (every minute) and the retry job (every five minutes). */
  readonly jobs: { readonly dispatch: Cron; readonly retry: Cron };
  /** Runs what is due now, one organisation after another (what each minute's tick does). */
  tick(): Promise<DailyRunOutcome[]>;
  stop(): void;
}

/**
 * The embedded deployment's scheduler (croner, docs/adr/0031): every minute, each organisation
 * whose daily run is due (`dueDailyRuns`: its `alerts.dailyRunAt` reached today, China Standard
 * Time, and not yet run) is run in this process; every five minutes unacknowledged critical
 * alerts are escalated and queued notifications sent. A tick still running when the next comes is
 * not started twice. Organisations created later are picked up by the next tick.
 *
 * @example
 * const scheduler = startInProcessScheduler(db, { clock: systemClock, onError: (e) => log.error(e) });
 * scheduler.stop();
 */
export function startInProcessScheduler(
  db: Db,
  params: { clock: Clock; timeZone?: string; onError?: (error: unknown, orgId: string) => void },
): InProcessScheduler {
  const timeZone = params.timeZone ?? DEFAULT_TIME_ZONE;
  const report = (orgId: string) => (e: unknown) => params.onError?.(e, orgId);
  const tick = async (): Promise<DailyRunOutcome[]> => {
    const out: DailyRunOutcome[] = [];
    for (const due of await dueDailyRuns(db, { clock: params.clock, timeZone })) {
      const r = await runDailyWork(db, { ...due, clock: params.clock, timeZone }).catch((e: unknown) => {
        report(due.orgId)(e);
        return null;
      });
      if (r && !r.ok) report(due.orgId)(r.error);
      if (r?.ok) out.push(r.value);
    }
    return out;
  };
  const dispatch = new Cron(
    DISPATCH_PATTERN,
    { timezone: timeZone, protect: true, name: 'daily:dispatch' },
    async () => {
      await tick().catch(report('*'));
    },
  );
  const retry = new Cron(RETRY_PATTERN, { timezone: timeZone, protect: true, name: 'alerts:retry' }, () =>
    retryNotifications(db, { clock: params.clock, ...(params.onError ? { onError: params.onError } : {}) }),
  );
  return {
    jobs: { dispatch, retry },
    tick,
    stop: () => {
      dispatch.stop();
      retry.stop();
    },
  };
}

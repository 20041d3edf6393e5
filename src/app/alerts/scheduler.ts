import { ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { type Clock, DEFAULT_TIME_ZONE } from '../clock.js';
import { type DeliveryResult, deliverAlertNotifications } from './deliver.js';
import { type AlertRunResult, runAlerts } from './run.js';

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

/** Every five minutes: critical alerts left unacknowledged are escalated, and waiting notifications sent. */
export const RETRY_PATTERN = '*/5 * * * *';

import { resolveSmtpSettings } from '../../core/alerts/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import {
  abandonUnconfirmed,
  claimNotification,
  finishNotification,
  loadDueNotifications,
} from '../../db/stores/alerts.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import type { Clock } from '../clock.js';
import { alertChannels } from './channels.js';
import { defaultSender, type NotificationPayload, type Sender } from './senders.js';

/** Retry after 1, 5, 30 minutes, 2 and 6 hours; then give up (status failed, the error kept). */
const BACKOFF_MINUTES = [1, 5, 30, 120, 360];
/** A send claimed this long ago and never confirmed was cut off by a stop. */
const UNCONFIRMED_MINUTES = 10;

export interface DeliveryResult {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

/**
 * Sends the organisation's queued notifications that are due, each once: claimed (so no other
 * sender takes it), sent, then recorded as sent, or as failed with the next attempt after a
 * back-off. A notification already sent is never sent again, so a restart in the middle of a run
 * sends only what was not yet sent; one cut off during its own send is not sent again either (the
 * receiver may have it; its delivery id lets it tell).
 *
 * @example
 * await deliverAlertNotifications(db, { orgId: 'demo', clock: systemClock });
 */
export async function deliverAlertNotifications(
  db: Db,
  params: { orgId: string; clock: Clock; sender?: Sender },
): Promise<Result<DeliveryResult>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const channels = await alertChannels(db, org);
  if (!channels.ok) return channels;
  const smtp = resolveSmtpSettings(org.settings['alerts.smtp']);
  if (!smtp.ok) return smtp;
  const now = params.clock.now();
  await abandonUnconfirmed(db, {
    orgId: org.id,
    before: new Date(now.getTime() - UNCONFIRMED_MINUTES * 60_000).toISOString(),
  });
  const send = params.sender ?? defaultSender(smtp.value, () => params.clock.now());
  const byId = new Map(channels.value.map((c) => [c.id, c]));
  const counts = { sent: 0, retrying: 0, failed: 0 };
  for (const row of await loadDueNotifications(db, { orgId: org.id, now: now.toISOString() })) {
    const at = params.clock.now().toISOString();
    if (!(await claimNotification(db, { orgId: org.id, id: row.id, at }))) continue;
    const channel = byId.get(row.channel);
    let error: string | null = null;
    try {
      if (!channel) throw new Error(`channel ${row.channel} is no longer configured`);
      await send(channel, JSON.parse(row.payload) as NotificationPayload, row.id, row.payload);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const wait = BACKOFF_MINUTES[row.attempts];
    const nextAttemptAt =
      error === null || wait === undefined || !channel ? null : new Date(now.getTime() + wait * 60_000).toISOString();
    await finishNotification(db, {
      orgId: org.id,
      id: row.id,
      at: params.clock.now().toISOString(),
      error,
      nextAttemptAt,
    });
    if (error === null) counts.sent++;
    else if (nextAttemptAt === null) counts.failed++;
    else counts.retrying++;
  }
  return ok(counts);
}

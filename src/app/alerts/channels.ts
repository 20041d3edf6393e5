import { type AlertChannel, resolveAlertChannels, subscriptionChannel } from '../../core/alerts/index.js';
import type { Organisation } from '../../core/model/index.js';
import type { Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { loadAlertSubscriptions } from '../../db/stores/alert-subscriptions.js';

/**
 * Where the organisation's alerts go: its channels (settings 'alerts.channels') and each member's
 * own e-mail subscription (by level, category and language), one list for the run, the
 * escalation and the delivery.
 */
export async function alertChannels(db: Db, org: Organisation): Promise<Result<AlertChannel[]>> {
  const channels = resolveAlertChannels(org.settings['alerts.channels']);
  if (!channels.ok) return channels;
  const members = (await loadAlertSubscriptions(db, { orgId: org.id }))
    .map(subscriptionChannel)
    .filter((c): c is AlertChannel => c !== null);
  return { ok: true, value: [...channels.value, ...members] };
}

import type { AlertCategory, AlertLevel, AlertSubscription } from '../../core/alerts/index.js';
import type { Db } from '../connection.js';

/**
 * Every member's subscription in the organisation, with the member's e-mail (members only: a
 * subscription of someone who left is not read).
 */
export async function loadAlertSubscriptions(db: Db, params: { orgId: string }): Promise<AlertSubscription[]> {
  const rows = await db.kysely
    .selectFrom('alert_subscriptions as s')
    .innerJoin('memberships as m', (j) => j.onRef('m.org_id', '=', 's.org_id').onRef('m.user_id', '=', 's.user_id'))
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.user_id', 'u.email', 's.min_level', 's.categories', 's.digest', 's.locale'])
    .where('s.org_id', '=', params.orgId)
    .orderBy('s.user_id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    minLevel: (r.min_level as AlertLevel | null) ?? null,
    categories: JSON.parse(r.categories) as AlertCategory[],
    digest: Number(r.digest) === 1,
    locale: r.locale === 'en' ? 'en' : 'zh-CN',
  }));
}

/** Sets a member's subscription (one row per organisation and member). */
export async function saveAlertSubscription(
  db: Db,
  params: { orgId: string; at: string; subscription: Omit<AlertSubscription, 'email'> },
): Promise<void> {
  const s = params.subscription;
  const values = {
    min_level: s.minLevel,
    categories: JSON.stringify(s.categories),
    digest: s.digest ? 1 : 0,
    locale: s.locale,
    updated_at: params.at,
  };
  await db.kysely
    .insertInto('alert_subscriptions')
    .values({ org_id: params.orgId, user_id: s.userId, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet(values))
    .execute();
}

import type { Kysely } from 'kysely';

/**
 * Alerts with a lifecycle (issue 18, docs/adr/0019): the `alerts` table of 0001 gains the
 * de-duplication key (unique per organisation: one condition, one alert, never a duplicate), the
 * status (open, acknowledged, snoozed, resolved), the snooze (until, reason), the assignee, the
 * as-of dates it was first and last seen on, who resolved it ('system' when its condition
 * cleared) and when it last changed. `code` holds the rule, `subject_id` the customer, `detail`
 * the reason, action and evidence (JSON). `alert_transitions` keeps every change of status or
 * level, who made it and why. `alert_outbox` holds each notification to send (one per alert,
 * channel and change: unique, so a run repeated or resumed after a restart queues nothing twice),
 * with its attempts, the time of the next one and when it was sent. Every row carries org_id.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  const columns: [string, 'text'][] = [
    ['dedup_key', 'text'],
    ['status', 'text'],
    ['snoozed_until', 'text'],
    ['snooze_reason', 'text'],
    ['assignee', 'text'],
    ['first_seen_on', 'text'],
    ['last_seen_on', 'text'],
    ['resolved_at', 'text'],
    ['resolved_by', 'text'],
    ['updated_at', 'text'],
    // When a critical alert left open was sent again as unacknowledged (cleared when it opens again).
    ['escalated_at', 'text'],
  ];
  for (const [name, type] of columns) await db.schema.alterTable('alerts').addColumn(name, type).execute();
  await db.schema.createIndex('alerts_org_key').on('alerts').columns(['org_id', 'dedup_key']).unique().execute();
  await db.schema.createIndex('alerts_org_status').on('alerts').columns(['org_id', 'status', 'level']).execute();
  await db.schema
    .createTable('alert_transitions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    // The order of the alert's changes (1, 2, …): several may share one instant.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('alert_transitions_alert')
    .on('alert_transitions')
    .columns(['org_id', 'alert_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createTable('alert_outbox')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alert_outbox_once')
    .on('alert_outbox')
    .columns(['org_id', 'alert_id', 'seq', 'channel'])
    .unique()
    .execute();
  await db.schema
    .createIndex('alert_outbox_due')
    .on('alert_outbox')
    .columns(['org_id', 'status', 'next_attempt_at'])
    .execute();
}

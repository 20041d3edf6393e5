import type { Kysely } from 'kysely';

/**
 * Each member's own choice of alerts (docs/adr/0019, issue 18): e-mailed at once from a level
 * (`min_level`, null: none), of some categories (`categories`, JSON list), a daily digest, in a
 * language. One row per organisation and member.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_subscriptions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('min_level', 'text')
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('digest', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_subscriptions_pk', ['org_id', 'user_id'])
    .execute();
}

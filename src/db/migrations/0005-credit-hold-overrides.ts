import type { Kysely } from 'kysely';

/**
 * Credit-hold overrides remembered for the order they override (DOMAIN 4.3 rule 3): the customer,
 * amount, currency and optional order reference, the hold reasons overridden (JSON list of
 * codes), who, when, why, and the dates it applies on (valid_from..valid_until, inclusive). The
 * audit entry written with it is audit_id. Every row carries org_id.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credit_hold_overrides')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('order_ref', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('overridden_by', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('overridden_at', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('audit_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credit_hold_overrides_order')
    .on('credit_hold_overrides')
    .columns(['org_id', 'customer_id', 'valid_until'])
    .execute();
}

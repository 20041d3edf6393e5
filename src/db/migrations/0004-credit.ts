import type { Kysely } from 'kysely';

/**
 * Buyer credit: onboarding checks a person recorded (history: one row per item per check date),
 * credit reviews, and on credit_limits the internal limit and a JSON detail (reasons and inputs)
 * beside need, capacity and insurer cap. Every row carries org_id.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('onboarding_checks')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('onboarding_checks_pk', ['org_id', 'customer_id', 'item', 'checked_on'])
    .execute();

  await db.schema
    .createTable('credit_reviews')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('grade_before', 'char(1)')
    .addColumn('grade_after', 'char(1)')
    .addColumn('reason', 'text')
    .addColumn('next_due_on', 'text')
    .execute();
  await db.schema
    .createIndex('credit_reviews_customer')
    .on('credit_reviews')
    .columns(['org_id', 'customer_id', 'reviewed_on'])
    .execute();

  await db.schema.alterTable('credit_limits').addColumn('internal_minor', 'bigint').execute();
  await db.schema
    .alterTable('credit_limits')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

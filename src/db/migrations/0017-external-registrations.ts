import type { Kysely } from 'kysely';

/**
 * Registration facts of a customer as a credit-data service reported them (docs/adr/0029): one row
 * per customer, source and report date, so a later export adds history instead of overwriting.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('external_registrations')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text')
    .addColumn('name', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('founded_on', 'text')
    .addColumn('capital_minor', 'bigint')
    .addColumn('capital_currency', 'char(3)')
    .addColumn('status', 'text')
    .addColumn('status_text', 'text')
    .addColumn('shareholders', 'integer')
    .addPrimaryKeyConstraint('external_registrations_pk', ['org_id', 'customer_id', 'source', 'reported_on'])
    .execute();
}

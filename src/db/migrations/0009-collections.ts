import type { Kysely } from 'kysely';

/**
 * Collections records (issue 19, docs/adr/0020-collections.md): promises to pay, disputes with
 * their reason, amount, owner and resolution, payment plans with their instalments, and each
 * customer's dunning terms (VIP, paused until a date with a reason). The contact log is the
 * existing dunning_actions table. Every row carries org_id; amounts are integer minor units.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('promises_to_pay')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('promised_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('promises_to_pay_customer')
    .on('promises_to_pay')
    .columns(['org_id', 'customer_id', 'promised_on'])
    .execute();

  await db.schema
    .createTable('disputes')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('resolution', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disputes_invoice').on('disputes').columns(['org_id', 'invoice_id']).execute();

  await db.schema
    .createTable('payment_plans')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('agreed_on', 'text', (c) => c.notNull())
    .addColumn('is_insurer_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('payment_plan_instalments')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('payment_plans.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_plan_instalments_pk', ['plan_id', 'due_on'])
    .execute();

  await db.schema
    .createTable('customer_dunning_terms')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('is_vip', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_until', 'text')
    .addColumn('pause_reason', 'text')
    .addPrimaryKeyConstraint('customer_dunning_terms_pk', ['org_id', 'customer_id'])
    .execute();
}

import type { Kysely } from 'kysely';

/**
 * Letters of credit securing export receivables and bought FX options (docs/adr/0028). Both carry
 * org_id in every row and in their keys. A credit's checklist answers are a JSON object of
 * item code → 'pass' | 'flag' | 'unknown'; its banks' soundness is the organisation's judgement
 * (1 sound, 0 not, null not judged); flags are 0/1. An option is a vanilla bought call or put kept as a pay-off at expiry.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letters_of_credit')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('latest_shipment_on', 'text', (c) => c.notNull())
    .addColumn('shipped_on', 'text')
    .addColumn('presentation_days', 'integer')
    .addColumn('is_irrevocable', 'integer', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('usance_days', 'integer', (c) => c.notNull())
    .addColumn('issuing_bank', 'text', (c) => c.notNull())
    .addColumn('issuing_bank_country', 'text')
    .addColumn('issuing_bank_sound', 'integer')
    .addColumn('confirming_bank', 'text')
    .addColumn('confirming_bank_country', 'text')
    .addColumn('confirming_bank_sound', 'integer')
    .addColumn('presented_on', 'text')
    .addColumn('documents_comply', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('letters_of_credit_pk', ['org_id', 'id'])
    .addUniqueConstraint('letters_of_credit_number', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('letters_of_credit_org_customer')
    .on('letters_of_credit')
    .columns(['org_id', 'customer_id'])
    .execute();
  await db.schema
    .createTable('fx_options')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('trade_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('notional_minor', 'bigint', (c) => c.notNull())
    .addColumn('counter_currency', 'char(3)', (c) => c.notNull())
    .addColumn('strike', 'double precision', (c) => c.notNull())
    .addColumn('premium_minor', 'bigint', (c) => c.notNull())
    .addColumn('counterparty', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fx_options_pk', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('fx_options_org_expiry').on('fx_options').columns(['org_id', 'expires_on']).execute();
}

import type { Kysely } from 'kysely';

/**
 * Trade credit insurance claims (docs/adr/0026):
 * - `insurance_claims`: one row per claim under a policy for a buyer (and, when named, one of its
 *   invoices): the amount claimed, recoveries before and after, the status (draft, filed,
 *   documents_complete, approved, partially_approved, rejected, paid) and its dates, the approved
 *   and paid amounts (signed minor units of `currency`). `number` is the claim's reference.
 * - `insurance_claim_documents`: the checklist, one row per document, received on a date or missing.
 * - `insurance_claim_status_history`: every status change in order (`seq`), its date and who made it.
 * Every row carries org_id, and every key starts with it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('insurance_claims')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull().references('insurance_policies.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('invoice_id', 'text')
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('claim_on', 'text', (c) => c.notNull())
    .addColumn('amount_claimed_minor', 'bigint', (c) => c.notNull())
    .addColumn('recoveries_before_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('recoveries_after_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('expected_payment_on', 'text')
    .addColumn('approved_minor', 'bigint')
    .addColumn('paid_minor', 'bigint')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('insurance_claims_pk', ['org_id', 'id'])
    .addUniqueConstraint('insurance_claims_org_number', ['org_id', 'number'])
    .execute();
  await db.schema
    .createTable('insurance_claim_documents')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addPrimaryKeyConstraint('insurance_claim_documents_pk', ['org_id', 'claim_id', 'document'])
    .addForeignKeyConstraint('insurance_claim_documents_claim', ['org_id', 'claim_id'], 'insurance_claims', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createTable('insurance_claim_status_history')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('insurance_claim_status_history_pk', ['org_id', 'claim_id', 'seq'])
    .addForeignKeyConstraint('insurance_claim_status_history_claim', ['org_id', 'claim_id'], 'insurance_claims', [
      'org_id',
      'id',
    ])
    .execute();
}

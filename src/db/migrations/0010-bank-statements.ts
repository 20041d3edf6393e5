import type { Kysely } from 'kysely';

/**
 * Bank statements as the bank sent them (docs/adr/0021):
 * - `bank_statements`: one row per statement of an account, keyed by `statement_key` (a digest of
 *   the account, the bank's statement id, period, balances and lines), so the same statement
 *   imported twice is one row. Balances are signed minor units; `currency` the statement's.
 * - `bank_statement_lines`: the lines, keyed per account by `line_key` (the bank's reference, or a
 *   digest of the line where the bank gives none): a line already stored is never written again.
 *   An incoming line becomes a receipt (`receipt_id`); `match_status` is new, applied, review,
 *   rejected or outgoing.
 * - `bank_match_proposals`: the review queue: what the matcher proposes for a line and why
 *   (allocations and reasons as JSON), open until accepted, split or rejected.
 * - `customer_bank_accounts`: payer accounts seen on matched receipts, remembered per customer.
 * Every row carries org_id.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_statements')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bank_account_id', 'text', (c) => c.notNull().references('bank_accounts.id'))
    .addColumn('statement_key', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('statement_ref', 'text')
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('opening_on', 'text')
    .addColumn('opening_minor', 'bigint')
    .addColumn('closing_on', 'text')
    .addColumn('closing_minor', 'bigint')
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bank_statements_org_key', ['org_id', 'statement_key'])
    .execute();
  await db.schema
    .createIndex('bank_statements_account')
    .on('bank_statements')
    .columns(['org_id', 'bank_account_id', 'period_to'])
    .execute();

  await db.schema
    .createTable('bank_statement_lines')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) => c.notNull().references('bank_statements.id'))
    .addColumn('bank_account_id', 'text', (c) => c.notNull().references('bank_accounts.id'))
    .addColumn('line_key', 'text', (c) => c.notNull())
    .addColumn('source_line', 'integer', (c) => c.notNull())
    .addColumn('bank_reference', 'text')
    .addColumn('booked_on', 'text', (c) => c.notNull())
    .addColumn('value_on', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('counterparty_name', 'text')
    .addColumn('counterparty_account', 'text')
    .addColumn('refs', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('remittance', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('type_code', 'text')
    .addColumn('receipt_id', 'text', (c) => c.references('receipts.id'))
    .addColumn('match_status', 'text', (c) => c.notNull().defaultTo('new'))
    .addUniqueConstraint('bank_statement_lines_key', ['org_id', 'bank_account_id', 'line_key'])
    .execute();
  await db.schema
    .createIndex('bank_statement_lines_status')
    .on('bank_statement_lines')
    .columns(['org_id', 'match_status'])
    .execute();

  await db.schema
    .createTable('bank_match_proposals')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('line_id', 'text', (c) => c.notNull().references('bank_statement_lines.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('allocations', 'text', (c) => c.notNull())
    .addColumn('charge_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('proposed_on', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema
    .createIndex('bank_match_proposals_line')
    .on('bank_match_proposals')
    .columns(['org_id', 'line_id', 'status'])
    .execute();

  await db.schema
    .createTable('customer_bank_accounts')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('account_no', 'text', (c) => c.notNull())
    .addColumn('first_seen_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_bank_accounts_pk', ['org_id', 'account_no'])
    .execute();
}

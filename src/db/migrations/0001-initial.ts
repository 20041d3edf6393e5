import type { Kysely } from 'kysely';

/**
 * The initial schema. One set of forward-only migrations for SQLite and PostgreSQL:
 * - ids are TEXT (UUIDs or the demo's deterministic ids), never database sequences;
 * - money is `*_minor` BIGINT (SQLite gives it INTEGER affinity) plus `currency` CHAR(3);
 * - dates are TEXT 'YYYY-MM-DD', instants TEXT ISO UTC, so both sort and compare alike;
 * - flags are INTEGER 0/1 and structured values TEXT JSON in both dialects;
 * - every table carries `org_id`, and every unique key starts with it.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
type Db = Kysely<any>;

const money = (name: string) => [name, 'bigint'] as const;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_currency', 'char(3)', (c) => c.notNull())
    .addColumn('week_start', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('fiscal_year_start_month', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('registration_no', 'text')
    .addColumn('country', 'char(2)', (c) => c.notNull().defaultTo('CN'))
    .addColumn('industry', 'text')
    .addColumn('size_class', 'text')
    .addColumn('default_terms_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('currency', 'char(3)')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('email', 'text')
    .addColumn('since_on', 'text')
    .addUniqueConstraint('customers_org_code', ['org_id', 'code'])
    .execute();

  await db.schema
    .createTable('suppliers')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('registration_no', 'text')
    .addColumn('country', 'char(2)', (c) => c.notNull().defaultTo('CN'))
    .addColumn('default_terms_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('currency', 'char(3)')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('suppliers_org_code', ['org_id', 'code'])
    .execute();

  await db.schema
    .createTable('invoices')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addColumn(...money('tax_minor'), (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('is_disputed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('external_id', 'text')
    .addColumn('instalments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('channel', 'text')
    .addUniqueConstraint('invoices_org_number', ['org_id', 'number'])
    .execute();
  await db.schema.createIndex('invoices_org_customer').on('invoices').columns(['org_id', 'customer_id']).execute();
  await db.schema.createIndex('invoices_org_due').on('invoices').columns(['org_id', 'due_on']).execute();

  await db.schema
    .createTable('credit_notes')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('reason', 'text')
    .addUniqueConstraint('credit_notes_org_number', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('bank_accounts')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text')
    .addColumn('account_no', 'text')
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addUniqueConstraint('bank_accounts_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('bank_balances')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('bank_account_id', 'text', (c) => c.notNull().references('bank_accounts.id'))
    .addColumn('balance_on', 'text', (c) => c.notNull())
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_balances_pk', ['bank_account_id', 'balance_on'])
    .execute();

  await db.schema
    .createTable('receipts')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('bank_account_id', 'text', (c) => c.references('bank_accounts.id'))
    .addColumn('external_id', 'text')
    .addUniqueConstraint('receipts_org_number', ['org_id', 'number'])
    .execute();
  await db.schema.createIndex('receipts_org_customer').on('receipts').columns(['org_id', 'customer_id']).execute();

  await db.schema
    .createTable('receipt_allocations')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('receipt_id', 'text', (c) => c.notNull().references('receipts.id'))
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addPrimaryKeyConstraint('receipt_allocations_pk', ['receipt_id', 'invoice_id'])
    .execute();
  await db.schema
    .createIndex('receipt_allocations_invoice')
    .on('receipt_allocations')
    .columns(['invoice_id'])
    .execute();

  await db.schema
    .createTable('bills')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addColumn(...money('tax_minor'), (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('external_id', 'text')
    .addUniqueConstraint('bills_org_supplier_number', ['org_id', 'supplier_id', 'number'])
    .execute();
  await db.schema.createIndex('bills_org_due').on('bills').columns(['org_id', 'due_on']).execute();

  await db.schema
    .createTable('payments')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id'))
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('external_id', 'text')
    .addUniqueConstraint('payments_org_number', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('payment_allocations')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_allocations_pk', ['payment_id', 'bill_id'])
    .execute();
  await db.schema.createIndex('payment_allocations_bill').on('payment_allocations').columns(['bill_id']).execute();

  await createTreasuryTables(db);
  await createCreditTables(db);
  await createRiskTables(db);
}

async function createTreasuryTables(db: Db): Promise<void> {
  await db.schema
    .createTable('acceptance_bills')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('face_minor'), (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('matures_on', 'text', (c) => c.notNull())
    .addColumn('acceptor_name', 'text', (c) => c.notNull())
    .addColumn('acceptor_customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('drawer_name', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('endorsements', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('held'))
    .addColumn('discounted_on', 'text')
    .addColumn('discount_rate', 'double precision')
    .addColumn('planned_discount_on', 'text')
    .addColumn('is_with_recourse', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('acceptance_bills_org_number', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('credit_lines')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lender', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('limit_minor'), (c) => c.notNull())
    .addColumn(...money('drawn_minor'), (c) => c.notNull().defaultTo(0))
    .addColumn('expires_on', 'text')
    .addColumn('renewal_on', 'text')
    .addColumn('interest_rate', 'double precision')
    .execute();

  await db.schema
    .createTable('recurring_items')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addUniqueConstraint('recurring_items_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('fx_rates')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('rate_on', 'text', (c) => c.notNull())
    .addColumn('base', 'char(3)', (c) => c.notNull())
    .addColumn('quote', 'char(3)', (c) => c.notNull())
    .addColumn('rate', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('fx_rates_pk', ['org_id', 'rate_on', 'base', 'quote'])
    .execute();
}

async function createCreditTables(db: Db): Promise<void> {
  const statementItems = [
    'revenue',
    'ebit',
    'net_income',
    'total_assets',
    'current_assets',
    'current_liabilities',
    'total_liabilities',
    'retained_earnings',
    'book_equity',
    'inventory',
    'receivables',
    'cash',
    'market_value_equity',
  ];
  let statements = db.schema
    .createTable('financial_statements')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull());
  for (const item of statementItems) statements = statements.addColumn(item, 'bigint');
  await statements
    .addColumn('source', 'text')
    .addPrimaryKeyConstraint('financial_statements_pk', ['org_id', 'customer_id', 'period_end'])
    .execute();

  await db.schema
    .createTable('legal_events')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn(...money('amount_minor'))
    .addColumn('currency', 'char(3)')
    .addColumn('source', 'text')
    .addColumn('description', 'text')
    .addColumn('resolved_on', 'text')
    .addUniqueConstraint('legal_events_key', ['org_id', 'customer_id', 'type', 'occurred_on', 'reference'])
    .execute();

  await db.schema
    .createTable('external_ratings')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('rated_on', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('external_ratings_pk', ['org_id', 'customer_id', 'agency', 'rated_on'])
    .execute();

  await db.schema
    .createTable('credit_scores')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('grade', 'char(1)', (c) => c.notNull())
    .addColumn('pd', 'double precision', (c) => c.notNull())
    .addColumn('is_indicative', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('credit_scores_pk', ['org_id', 'customer_id', 'as_of'])
    .execute();

  await db.schema
    .createTable('credit_limits')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('limit_minor'), (c) => c.notNull())
    .addColumn(...money('need_minor'))
    .addColumn(...money('capacity_minor'))
    .addColumn(...money('insurer_cap_minor'))
    .addColumn('binding', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('credit_limits_customer')
    .on('credit_limits')
    .columns(['org_id', 'customer_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('sales_orders')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('ordered_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('amount_minor'), (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addUniqueConstraint('sales_orders_org_number', ['org_id', 'number'])
    .execute();
}

async function createRiskTables(db: Db): Promise<void> {
  await db.schema
    .createTable('insurance_policies')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('insurer', 'text', (c) => c.notNull())
    .addColumn('policy_number', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('loss_payee', 'text')
    .addColumn('loss_payee_type', 'text')
    .addColumn('financed_share', 'double precision')
    .addUniqueConstraint('insurance_policies_org_number', ['org_id', 'policy_number'])
    .execute();

  await db.schema
    .createTable('insured_buyer_limits')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('insurance_policies.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn(...money('limit_minor'), (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('cancelled_on', 'text')
    .addPrimaryKeyConstraint('insured_buyer_limits_pk', ['policy_id', 'customer_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema.createIndex('alerts_org_raised').on('alerts').columns(['org_id', 'raised_at']).execute();

  await db.schema
    .createTable('dunning_actions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('channel', 'text')
    .addColumn('promised_on', 'text')
    .addColumn('notes', 'text')
    .execute();

  await db.schema
    .createTable('scenarios')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addUniqueConstraint('scenarios_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('forecast_snapshots')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('granularity', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_org_at').on('audit_log').columns(['org_id', 'at']).execute();

  await db.schema
    .createTable('column_mappings')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('column_mappings_pk', ['org_id', 'kind', 'name'])
    .execute();
}

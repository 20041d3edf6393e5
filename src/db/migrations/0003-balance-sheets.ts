import type { Kysely } from 'kysely';

/**
 * The company's own month-end balance-sheet figures (for working capital, current and quick
 * ratios, DPO/DIO and the cash conversion cycle), and the date an invoice was written off (so
 * bad-debt ratios and aging as of a past date know when the write-off happened).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('company_balance_sheets')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('month_end', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('current_assets', 'bigint', (c) => c.notNull())
    .addColumn('current_liabilities', 'bigint', (c) => c.notNull())
    .addColumn('cash', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('short_term_investments', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('receivables', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('inventory', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cogs', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('company_balance_sheets_pk', ['org_id', 'month_end'])
    .execute();
  await db.schema.alterTable('invoices').addColumn('written_off_on', 'text').execute();
}

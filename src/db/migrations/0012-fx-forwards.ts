import type { Kysely } from 'kysely';

/**
 * Forward contracts (docs/adr/0024): on `value_on` the organisation sells or buys `amount_minor`
 * of `currency` against `counter_currency` at `rate` (1 currency = rate counter currency), agreed
 * on `trade_on` with `counterparty`. The forecast settles each one on its value date; the currency
 * exposure counts it until then.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fx_forwards')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trade_on', 'text', (c) => c.notNull())
    .addColumn('value_on', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('counter_currency', 'char(3)', (c) => c.notNull())
    .addColumn('rate', 'double precision', (c) => c.notNull())
    .addColumn('counterparty', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .execute();
  await db.schema.createIndex('fx_forwards_org_value').on('fx_forwards').columns(['org_id', 'value_on']).execute();
}

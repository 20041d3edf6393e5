import type { Kysely } from 'kysely';

/**
 * Outgoing bank lines matched to bills (docs/adr/0021, amendment): `bank_statement_lines.payment_id`
 * is the payment an outgoing line became (as `receipt_id` is the receipt of an incoming one), and
 * `bank_match_proposals.supplier_id` the supplier whose bills a proposal for an outgoing line would
 * settle (`customer_id` stays the customer of an incoming line's proposal).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('bank_statement_lines')
    .addColumn('payment_id', 'text', (c) => c.references('payments.id'))
    .execute();
  await db.schema
    .alterTable('bank_match_proposals')
    .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id'))
    .execute();
}

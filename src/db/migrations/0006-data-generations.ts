import type { Kysely } from 'kysely';

/**
 * What lets any process tell whether something computed from an organisation's data is still
 * current (docs/adr/0015):
 * - `data_generations`: counters per organisation, raised in the same transaction as every write
 *   of its data (src/db/write-tracking.ts): `generation` by every write, `ledger_generation` by
 *   writes of the tables the receivables and payables ledgers are read from. The row '*' is raised by writes whose
 *   organisation the statement does not name, and counts for every organisation.
 * - `ledger_snapshots`: the receivables and payables ledgers of a whole book (one binary value,
 *   src/db/stores/ledger-snapshot.ts), stored with the ledger generation it was read at; it serves
 *   the next reads while that generation is current.
 * Neither is an organisation's record: no foreign key, and `org_id` here is only a key.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_generations')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('ledger_generation', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('ledger_snapshots')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .addColumn('format', 'integer', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    // 'bytea' is PostgreSQL's binary type; SQLite keeps a bound Buffer as a BLOB under any declared type.
    .addColumn('data', 'bytea', (c) => c.notNull())
    .execute();
}

import type { Kysely } from 'kysely';

/**
 * Saved what-if scenarios (docs/adr/0025) are edited by people: each row gets a `version`, raised
 * by every change, so an edit made from an older read is refused (409 VERSION_CONFLICT) instead of
 * overwriting someone else's, and the time of its last change.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('scenarios')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('scenarios').addColumn('updated_at', 'text').execute();
}

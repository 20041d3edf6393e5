import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { TABLE_ORDER } from '../db/schema.js';
import { createOrganisation } from '../db/stores/organisations.js';

export const SAMPLES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'samples');
export const ORG = 'org-mingyuan';

/** A migrated database (from `describeEachDialect`) with the sample company as its organisation. */
export async function openWithOrg(open: () => Promise<Db>): Promise<Db> {
  const db = await open();
  await createOrganisation(db, {
    id: ORG,
    name: '杭州明远机械有限公司',
    baseCurrency: 'CNY',
    createdAt: '2025-01-01T00:00:00Z',
  });
  return db;
}

/** Every row of every table, in a stable order: compared before and after a failed import. */
export async function dumpAll(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLE_ORDER) {
    const rows = await db.kysely.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();
  }
  return out;
}

/**
 * A digest of every row of every table, one per table, in one query on PostgreSQL (where one
 * query per table is most of a fuzz run's time) and from `dumpAll` on SQLite: equal digests, equal
 * contents. A difference names the table.
 */
export async function digestAll(db: Db): Promise<Record<string, string>> {
  if (db.dialect === 'sqlite') {
    const dump = await dumpAll(db);
    return Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, rows.join('\n')]));
  }
  const columns = TABLE_ORDER.map(
    (t) => `(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from "${t}" r) as "${t}"`,
  );
  const result = await sql<Record<string, string>>`select ${sql.raw(columns.join(', '))}`.execute(db.kysely);
  return result.rows[0] ?? {};
}

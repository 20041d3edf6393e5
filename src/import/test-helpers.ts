import { join } from 'node:path';
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

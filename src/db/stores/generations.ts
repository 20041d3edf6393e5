import type { Db } from '../connection.js';
import { ALL_ORGANISATIONS } from '../write-tracking.js';

/**
 * The organisation's data generation: it changes with every committed write of the organisation's
 * data, by any process (src/db/write-tracking.ts, docs/adr/0012). Equal generations mean the data
 * has not changed in between. One indexed query.
 *
 * @example
 * const before = await readGeneration(db, orgId); // … compute … ; (await readGeneration(db, orgId)) === before
 */
export async function readGeneration(db: Db, orgId: string): Promise<number> {
  const rows = await db.kysely
    .selectFrom('data_generations')
    .select('generation')
    .where('org_id', 'in', [orgId, ALL_ORGANISATIONS])
    .execute();
  let sum = 0;
  for (const r of rows) sum += Number(r.generation);
  return sum;
}

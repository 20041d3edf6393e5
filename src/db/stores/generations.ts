import type { Db } from '../connection.js';
import { ALL_ORGANISATIONS } from '../write-tracking.js';

/** Where an organisation's data stands: equal generations mean nothing changed in between. */
export interface Generation {
  /** Changes with every committed write of the organisation's data, by any process. */
  readonly data: number;
  /** Changes with every committed write of the tables its receivables and payables ledgers are read from. */
  readonly ledger: number;
}

/**
 * The organisation's data generations (src/db/write-tracking.ts, docs/adr/0015), in one indexed query.
 *
 * @example
 * const before = await readGeneration(db, orgId); // … compute … ; (await readGeneration(db, orgId)).data === before.data
 */
export async function readGeneration(db: Db, orgId: string): Promise<Generation> {
  const rows = await db.kysely
    .selectFrom('data_generations')
    .select(['generation', 'ledger_generation'])
    .where('org_id', 'in', [orgId, ALL_ORGANISATIONS])
    .execute();
  let data = 0;
  let ledger = 0;
  for (const r of rows) {
    data += Number(r.generation);
    ledger += Number(r.ledger_generation);
  }
  return { data, ledger };
}

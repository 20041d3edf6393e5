import type { Db } from './connection.js';

/**
 * Runs `work` in one database transaction: it commits when `work` resolves and rolls back,
 * leaving nothing half-written, when it throws. Called inside a transaction, `work` runs in that one. The `Db` handed to `work` routes every query,
 * including the bulk SQLite path, through the transaction.
 *
 * @example
 * await withTransaction(db, async (tx) => { await insertRows(tx, 'invoices', rows); });
 */
export async function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  // Already inside one (a use case writing several records at once): the work joins it.
  if (db.kysely.isTransaction) return work(db);
  return db.kysely.transaction().execute(async (trx) => work({ ...db, kysely: trx }));
}

import type { TableName } from '../db/bulk.js';
import type { Db } from '../db/connection.js';

const KIB_PER_ROW = 0.16;
const MIN_KIB = 16 * 1024;
const MAX_KIB = 64 * 1024;

/**
 * SQLite's page cache for one import, in KiB, from the rows the organisation's table will hold.
 * The import's single transaction keeps every page it writes dirty until the commit, and the rows
 * land all over the customer and due-date indexes: a cache smaller than those indexes spills and
 * re-reads pages for each row (SQLite's default 2 MB did, at 1M rows). A cache larger than what
 * the import touches only costs fresh memory (page faults, and a working set that no longer fits
 * the CPU caches). Measured (docs/adr/0006): 100k invoices into an empty table were faster with
 * 16 MiB than with 64 MiB, 1M slower; about 160 bytes a row lies between the two.
 */
export function importCacheKib(rows: number): number {
  return Math.round(Math.min(MAX_KIB, Math.max(MIN_KIB, rows * KIB_PER_ROW)));
}

/** Runs `work` with the page cache sized for `fileRows` more rows of `table`, then restores it (SQLite only). */
export async function withImportCache<T>(
  db: Db,
  table: TableName,
  orgId: string,
  fileRows: number,
  work: () => Promise<T>,
): Promise<T> {
  const sqlite = db.sqlite;
  if (!sqlite) return work();
  if (!/^[a-z_]+$/.test(table)) throw new Error(`unsafe table name ${table}`);
  const stored = sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE org_id = ?`).pluck().get(orgId) as number;
  const previous = Number(sqlite.pragma('cache_size', { simple: true }));
  // Negative: KiB, as SQLite reads it.
  sqlite.pragma(`cache_size = ${-importCacheKib(stored + fileRows)}`);
  try {
    return await work();
  } finally {
    sqlite.pragma(`cache_size = ${previous}`);
  }
}

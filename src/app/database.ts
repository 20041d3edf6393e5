import { type Db, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

/** Where the embedded database lives unless `--db` or DATABASE_URL says otherwise. */
export const DEFAULT_DB_PATH = './data/cashguard.db';

/** `--db` wins, then DATABASE_URL, then the embedded SQLite file. */
export function resolveDatabaseUrl(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.DATABASE_URL || DEFAULT_DB_PATH;
}

/** Opens the database and brings its schema up to date. */
export async function openAppDatabase(url: string): Promise<Db> {
  const db = await openDatabase({ url });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

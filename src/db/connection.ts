import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { closeBackgroundConnection } from './checkpoint.js';
import type { Database } from './schema.js';
import { trackingDialect } from './write-tracking.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the typed query layer plus what the few dialect-specific paths need. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** The raw better-sqlite3 handle, for prepared-statement bulk paths (SQLite only). */
  readonly sqlite: SQLite.Database | null;
  /** The pg pool (PostgreSQL only). */
  readonly pool: pg.Pool | null;
  /** The PostgreSQL schema in use when one was given (null: the server's default search path). */
  readonly schema: string | null;
  /** Where it lives: a file path, ':memory:', or the URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A file path, ':memory:', or a postgres:// URL. */
  readonly url: string;
  /** PostgreSQL schema to use (created if missing); lets test runs and tenants of a test not collide. */
  readonly schema?: string;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Page size of new SQLite files (SQLite's default is 4,096). */
const PAGE_SIZE = 16_384;
const WAL_CHECKPOINT_BYTES = 1000 * 4096;
/**
 * Address space SQLite may map the database file into (reads only: writes still go through the
 * WAL). Reading a whole ledger then costs no system call a page: loading 1M invoices fell from
 * about 14 s to 10 s (docs/adr/0008). A file larger than this is mapped in part.
 */
const MMAP_BYTES = 1024 * 1024 * 1024;

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** pg returns BIGINT and NUMERIC as strings; CashGuard's amounts are safe integers, so parse and check. */
function parseSafeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) {
    throw new RangeError(`database value ${text} is outside the safe number range`);
  }
  return n;
}

/**
 * Opens SQLite (file with WAL and foreign keys on, or ':memory:') or PostgreSQL, by URL.
 *
 * @example
 * const db = await openDatabase({ url: './data/cashguard.db' });
 */
export async function openDatabase(options: OpenOptions): Promise<Db> {
  if (isPostgresUrl(options.url)) return openPostgres(options.url, options.schema);
  return openSqlite(options.url);
}

function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // Takes effect only on a new, empty database (an existing file keeps its page size; see
  // docs/adr/0006): a large import writes a quarter as many pages, each through the WAL and
  // the checkpoint, and its B-trees split less often.
  sqlite.pragma(`page_size = ${PAGE_SIZE}`);
  sqlite.pragma('journal_mode = WAL');
  // The checkpoint threshold counts pages: keep it at SQLite's default in bytes (1,000 pages of 4 KiB).
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(1, Math.round(WAL_CHECKPOINT_BYTES / pageSize))}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  if (path !== ':memory:') sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
  const kysely = new Kysely<Database>({ dialect: trackingDialect(new SqliteDialect({ database: sqlite }), sqlite) });
  return {
    kysely,
    dialect: 'sqlite',
    sqlite,
    pool: null,
    schema: null,
    location: path,
    close: async () => {
      // The background checkpoint's connection first, so this one is the last and its close removes the log.
      await closeBackgroundConnection(sqlite);
      await kysely.destroy();
      // Kysely opens its driver on the first query only; a connection used directly is closed here.
      if (sqlite.open) sqlite.close();
    },
  };
}

async function openPostgres(url: string, schema: string | undefined): Promise<Db> {
  // Loaded only for PostgreSQL: evaluating the driver costs about 0.1 s of every start (docs/adr/0014).
  const { default: pg } = await import('pg');
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8_OID || oid === NUMERIC_OID) return parseSafeNumber;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: trackingDialect(new PostgresDialect({ pool }), null) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return {
    kysely,
    dialect: 'postgres',
    sqlite: null,
    pool,
    schema: schema ?? null,
    location: schema ? `${location} (schema ${schema})` : location,
    close: () => kysely.destroy(),
  };
}

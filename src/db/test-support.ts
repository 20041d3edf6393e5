import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import pg from 'pg';
import { type Db, openDatabase } from './connection.js';
import { migrateToLatest } from './migrate.js';

/**
 * Runs a storage test suite on every dialect: SQLite always, PostgreSQL when DATABASE_URL is set
 * (otherwise the PostgreSQL suite is skipped with a message saying so). Each suite gets its own
 * freshly migrated database: an in-memory SQLite, or a PostgreSQL database of its own that is
 * dropped afterwards, so parallel test runs never collide.
 */
export function describeEachDialect(name: string, suite: (open: () => Promise<Db>) => void): void {
  describe(`${name} [sqlite]`, () => {
    suite(async () => {
      const db = await openDatabase({ url: ':memory:' });
      await migrateToLatest(db);
      return db;
    });
  });
  const url = process.env.DATABASE_URL;
  const pgOptions = url ? {} : { skip: 'DATABASE_URL is not set: PostgreSQL storage tests skipped' };
  describe(`${name} [postgres]`, pgOptions, () => {
    suite(async () => openTestPostgres(url as string));
  });
}

/** A migrated database other connections can open too (by `url`), as other processes or threads do. */
export interface SharedTestDatabase {
  readonly db: Db;
  readonly url: string;
  /** Closes `db` and removes the database. */
  close(): Promise<void>;
}

/**
 * Like `describeEachDialect`, with a database that other connections can open: a SQLite file in a
 * temporary folder (not ':memory:', which only its own connection sees), or a PostgreSQL database
 * of its own when DATABASE_URL is set.
 */
export function describeEachSharedDialect(
  name: string,
  suite: (open: () => Promise<SharedTestDatabase>) => void,
): void {
  describe(`${name} [sqlite]`, () => {
    suite(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cashguard-test-'));
      const url = join(dir, 'test.db');
      const db = await openDatabase({ url });
      await migrateToLatest(db);
      return {
        db,
        url,
        close: async () => {
          await db.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    });
  });
  const url = process.env.DATABASE_URL;
  const pgOptions = url ? {} : { skip: 'DATABASE_URL is not set: PostgreSQL storage tests skipped' };
  describe(`${name} [postgres]`, pgOptions, () => {
    suite(async () => {
      const db = await openTestPostgres(url as string);
      // The server of DATABASE_URL (with its password, which `location` hides), the test's own database.
      const own = new URL(url as string);
      own.pathname = new URL(db.location).pathname;
      return { db, url: own.toString(), close: () => db.close() };
    });
  });
}

/**
 * A migrated PostgreSQL database of its own (not just a schema: the migrator introspects every
 * schema of a database, and another test file dropping its schema meanwhile would break it),
 * dropped when `close` is called.
 */
export async function openTestPostgres(url: string): Promise<Db> {
  const name = `cg_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sqlText);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const db = await openDatabase({ url: own.toString() });
  const close = async () => {
    await db.close();
    // pg's pool.end() resolves once it has asked its connections to end, not once they have: a
    // forced drop meanwhile terminated a closing connection, whose error then reached no listener.
    await admin(`DO $$
      DECLARE tries integer := 0;
      BEGIN
        WHILE tries < 100 AND EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '${name}') LOOP
          PERFORM pg_sleep(0.05);
          tries := tries + 1;
        END LOOP;
      END $$`);
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    await migrateToLatest(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...db, close };
}

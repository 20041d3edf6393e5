import type SQLite from 'better-sqlite3';
import type { Compilable } from 'kysely';
import type { Db } from './connection.js';

/** A row as the values of its selected columns, in select order. */
export type RowValues = readonly unknown[];

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
const MAX_STATEMENTS = 64;

/**
 * Runs a select built with Kysely and calls `onRow` with each row's values in select order. On
 * SQLite the rows stream from better-sqlite3 in raw mode, so no object is made or kept per row:
 * loads of a million rows then cost the values they keep, not a million short-lived objects. On
 * PostgreSQL the query runs through Kysely as any other.
 *
 * @example
 * await forEachRow(db, db.kysely.selectFrom('invoices').select(['id', 'due_on']), ([id, dueOn]) => …);
 */
export async function forEachRow(db: Db, query: Compilable, onRow: (row: RowValues) => void): Promise<void> {
  const compiled = query.compile();
  if (db.sqlite) {
    const stmt = rawStatement(db.sqlite, compiled.sql);
    for (const row of stmt.iterate(...(compiled.parameters as unknown[])) as Iterable<RowValues>) onRow(row);
    return;
  }
  const result = await db.kysely.executeQuery(compiled);
  for (const row of result.rows) onRow(Object.values(row as object));
}

function rawStatement(sqlite: SQLite.Database, sql: string): SQLite.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    stmt = sqlite.prepare(sql).raw(true);
    cache.set(sql, stmt);
  }
  return stmt;
}

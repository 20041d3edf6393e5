import type SQLite from 'better-sqlite3';

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
const MAX_STATEMENTS = 64;

/**
 * A prepared statement for `sql` on this connection, prepared once and reused (at most 64 kept
 * per connection): an import runs its insert about a thousand times, a ledger load its selects
 * once a request. With `raw`, the statement returns rows as arrays of values; it is kept apart
 * from the same text prepared to return objects.
 *
 * @example
 * preparedStatement(db.sqlite, 'SELECT id FROM invoices WHERE org_id = ?', { raw: true }).iterate('demo')
 */
export function preparedStatement(
  sqlite: SQLite.Database,
  sql: string,
  options: { raw?: boolean } = {},
): SQLite.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  const key = options.raw ? `raw:${sql}` : sql;
  let stmt = cache.get(key);
  if (!stmt) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    stmt = sqlite.prepare(sql);
    if (options.raw) stmt.raw(true);
    cache.set(key, stmt);
  }
  return stmt;
}

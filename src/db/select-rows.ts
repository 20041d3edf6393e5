import type { Compilable } from 'kysely';
import type { Db } from './connection.js';
import { preparedStatement } from './statements.js';

/** A row as the values of its selected columns, in select order. */
export type RowValues = readonly unknown[];

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
    const stmt = preparedStatement(db.sqlite, compiled.sql, { raw: true });
    for (const row of stmt.iterate(...(compiled.parameters as unknown[])) as Iterable<RowValues>) onRow(row);
    return;
  }
  const result = await db.kysely.executeQuery(compiled);
  for (const row of result.rows) onRow(Object.values(row as object));
}

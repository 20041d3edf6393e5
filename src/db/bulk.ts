import { CompiledQuery, type Insertable } from 'kysely';
import type { Db } from './connection.js';
import type { Database } from './schema.js';
import { preparedStatement } from './statements.js';
import { ALL_ORGANISATIONS, noteRowsWritten } from './write-tracking.js';

export type TableName = keyof Database;

export interface ConflictRule {
  /** The unique key (columns of a unique constraint or the primary key). */
  readonly columns: readonly string[];
  /** Columns to overwrite from the incoming row, or 'nothing' to keep the stored row. */
  readonly update: readonly string[] | 'nothing';
}

const SQLITE_MAX_PARAMS = 32_000;
const PG_MAX_PARAMS = 60_000;

function quote(id: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(id)) throw new Error(`unsafe identifier ${id}`);
  return `"${id}"`;
}

/**
 * Inserts many rows of one table fast, on either dialect, optionally as an upsert.
 * SQLite: one prepared statement run per row (call inside `withTransaction` for speed);
 * PostgreSQL: multi-row INSERTs in chunks under the parameter limit.
 * Every row must have the same keys as the first one.
 *
 * @example
 * await insertRows(tx, 'customers', rows, { columns: ['org_id', 'code'], update: ['name'] });
 */
export async function insertRows<T extends TableName>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  onConflict?: ConflictRule,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const conflictSql = onConflict
    ? ` ON CONFLICT (${onConflict.columns.map(quote).join(', ')}) DO ${
        onConflict.update === 'nothing' || onConflict.update.length === 0
          ? 'NOTHING'
          : `UPDATE SET ${onConflict.update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`
      }`
    : '';
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
  const sqlite = db.sqlite;
  if (sqlite) {
    const stmt = preparedStatement(sqlite, `${head}(${columns.map(() => '?').join(', ')})${conflictSql}`);
    const values = new Array<unknown>(columns.length);
    const write = () => {
      // Past the query builder, so the data generation is raised here (docs/adr/0015).
      noteRowsWritten(sqlite, table, organisationsOf(table, rows));
      for (const row of rows) {
        const r = row as Record<string, unknown>;
        for (let i = 0; i < columns.length; i++) values[i] = r[columns[i] as string] ?? null;
        // As arguments, not one array: better-sqlite3 then reads each value without an object lookup.
        stmt.run(...values);
      }
    };
    // Outside a transaction the rows and their generation are written as one.
    if (sqlite.inTransaction) write();
    else sqlite.transaction(write)();
    return;
  }
  const perChunk = Math.max(
    1,
    Math.floor((db.dialect === 'sqlite' ? SQLITE_MAX_PARAMS : PG_MAX_PARAMS) / columns.length),
  );
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const r = row as Record<string, unknown>;
      const ph: string[] = [];
      for (const c of columns) {
        params.push(r[c] ?? null);
        ph.push(`$${params.length}`);
      }
      tuples.push(`(${ph.join(', ')})`);
    }
    await rawQuery(db, `${head}${tuples.join(', ')}${conflictSql}`, params);
  }
}

/** The organisations the rows belong to (by `org_id`, or `id` of an organisation), or every one when a row names none. */
function organisationsOf(table: string, rows: readonly object[]): string[] {
  const column = table === 'organisations' ? 'id' : 'org_id';
  const orgs = new Set<string>();
  for (const row of rows) {
    const org = (row as Record<string, unknown>)[column];
    if (typeof org !== 'string') return [ALL_ORGANISATIONS];
    orgs.add(org);
  }
  return [...orgs];
}

/** Runs one raw statement with positional parameters through the current connection or transaction. */
async function rawQuery(db: Db, sqlText: string, params: unknown[]): Promise<void> {
  await db.kysely.executeQuery(CompiledQuery.raw(sqlText, params));
}

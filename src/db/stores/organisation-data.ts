import { sql } from 'kysely';
import type { Db } from '../connection.js';
import { TABLE_ORDER } from '../schema.js';

/**
 * An organisation's data as a whole: every row of every table that carries its `org_id`, found by
 * looking at the database itself (so a table a later migration adds is never forgotten), with
 * the tables in the order foreign keys need (parents first). Credentials stay out of an export:
 * password hashes, sessions, API tokens, invitations and login attempts are not data to move.
 */

/** Tables never exported: secrets and bookkeeping that another database rebuilds itself. */
const NOT_EXPORTED: ReadonlySet<string> = new Set([
  'sessions',
  'api_tokens',
  'invitations',
  'login_attempts',
  'ledger_snapshots',
  'data_generations',
]);

export interface OrganisationExport {
  readonly format: 1;
  readonly organisation: Record<string, unknown>;
  /** Members' accounts without their password hashes. */
  readonly users: readonly Record<string, unknown>[];
  /** Rows per table, parents before children; a table without rows is left out. */
  readonly tables: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

/** Tables with an `org_id` column, parents first: TABLE_ORDER, then any table it does not list. */
export async function organisationTables(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables();
  const withOrg = new Set(
    tables
      .filter((t) => db.dialect === 'sqlite' || t.schema === (db.schema ?? 'public'))
      .filter((t) => t.columns.some((c) => c.name === 'org_id'))
      .map((t) => t.name),
  );
  const known = TABLE_ORDER.filter((t) => withOrg.has(t));
  const others = [...withOrg].filter((t) => !known.includes(t as never)).sort();
  return [...known, ...others];
}

/** Every row of the organisation, table by table, in a stable order (by every column, as text). */
export async function exportOrganisationData(db: Db, orgId: string): Promise<OrganisationExport | undefined> {
  const org = await db.kysely.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) return undefined;
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of await organisationTables(db)) {
    if (NOT_EXPORTED.has(table)) continue;
    const rows = (await db.kysely
      .selectFrom(table as never)
      .selectAll()
      .where('org_id' as never, '=', orgId as never)
      .execute()) as Record<string, unknown>[];
    if (rows.length === 0) continue;
    tables[table] = rows.map(plain).sort(byJson);
  }
  const users = await db.kysely
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'users.created_at'])
    .where('memberships.org_id', '=', orgId)
    .orderBy('users.email')
    .execute();
  return { format: 1, organisation: plain(org), users, tables };
}

/** Binary columns as base64 text, so an export is plain JSON. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v;
  return out;
}

const byJson = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export interface DeletedOrganisation {
  /** Rows deleted per table (tables without rows left out). */
  readonly rows: Readonly<Record<string, number>>;
  /** Accounts deleted because they belonged to no other organisation. */
  readonly users: number;
}

/**
 * Deletes the organisation whole: its rows of every table (children first), the organisation,
 * and the accounts that belonged to it alone. The caller runs it in a transaction.
 */
export async function deleteOrganisationData(db: Db, orgId: string): Promise<DeletedOrganisation | undefined> {
  const org = await db.kysely.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst();
  if (!org) return undefined;
  const members = await db.kysely.selectFrom('memberships').select('user_id').where('org_id', '=', orgId).execute();
  const rows: Record<string, number> = {};
  const tables = await organisationTables(db);
  for (const table of tables.reverse()) {
    const result = await db.kysely
      .deleteFrom(table as never)
      .where('org_id' as never, '=', orgId as never)
      .executeTakeFirst();
    const n = Number(result.numDeletedRows);
    if (n > 0) rows[table] = n;
  }
  await db.kysely.deleteFrom('organisations').where('id', '=', orgId).execute();
  let users = 0;
  for (const { user_id } of members) {
    const elsewhere = await db.kysely
      .selectFrom('memberships')
      .select(sql<number>`1`.as('one'))
      .where('user_id', '=', user_id)
      .executeTakeFirst();
    if (elsewhere) continue;
    const result = await db.kysely.deleteFrom('users').where('id', '=', user_id).executeTakeFirst();
    users += Number(result.numDeletedRows);
  }
  return { rows, users };
}

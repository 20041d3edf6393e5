import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './connection.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-accounts.js';
import * as m0003 from './migrations/0003-balance-sheets.js';
import * as m0004 from './migrations/0004-credit.js';
import * as m0005 from './migrations/0005-credit-hold-overrides.js';
import * as m0006 from './migrations/0006-data-generations.js';
import * as m0008 from './migrations/0008-alerts.js';
import * as m0009 from './migrations/0009-collections.js';
import * as m0010 from './migrations/0010-bank-statements.js';
import * as m0012 from './migrations/0012-fx-forwards.js';
import * as m0013 from './migrations/0013-scenario-versions.js';
import * as m0014 from './migrations/0014-bank-payments.js';
import * as m0015 from './migrations/0015-insurance-claims.js';
import * as m0016 from './migrations/0016-letters-of-credit.js';
import * as m0017 from './migrations/0017-external-registrations.js';
import * as m0019 from './migrations/0019-job-runs.js';
import * as m0020 from './migrations/0020-alert-subscriptions.js';

/** Migrations are bundled statically so they work the same from source, tests and packages. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-accounts': m0002,
  '0003-balance-sheets': m0003,
  '0004-credit': m0004,
  '0005-credit-hold-overrides': m0005,
  '0006-data-generations': m0006,
  '0008-alerts': m0008,
  '0009-collections': m0009,
  '0010-bank-statements': m0010,
  '0012-fx-forwards': m0012,
  '0015-insurance-claims': m0015,
  '0017-external-registrations': m0017,
  '0016-letters-of-credit': m0016,
  '0019-job-runs': m0019,
  '0020-alert-subscriptions': m0020,
  '0014-bank-payments': m0014,
  '0013-scenario-versions': m0013,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Brings the schema to the latest version. Forward-only: there are no down migrations. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Every open of the database comes here: when every migration has run, a read says so, where the
  // migrator would take its lock (a write) and introspect the schema at each start of the command line.
  if (await hasRunAll(db)) return [];
  // Unordered: migrations written on parallel branches may land in any order; each runs once.
  const migrator = new Migrator({
    db: db.kysely,
    provider: new StaticProvider(),
    allowUnorderedMigrations: true,
    // Kysely looks for its tables in every schema; pin them to ours so schemas never mix.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error('database migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function hasRunAll(db: Db): Promise<boolean> {
  try {
    const k = db.schema ? db.kysely.withSchema(db.schema) : db.kysely;
    const rows = await k
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    const done = new Set(rows.map((r) => (r as { name: string }).name));
    return Object.keys(MIGRATIONS).every((name) => done.has(name));
  } catch {
    return false; // no migration table yet: a new database, migrated below
  }
}

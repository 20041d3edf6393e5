import type { Kysely } from 'kysely';

/**
 * The daily work of each organisation, one row per job and day (docs/adr/0031): which run is due
 * is read from here, so a run happens once a day whichever process (the embedded server, any
 * number of servers and `cashguard worker` processes on PostgreSQL) takes it, a run cut short
 * (a killed process) is taken again, and a day the service was down is caught up when it starts.
 * `status` is 'running' or 'done'; `attempts` counts the starts; `runner` names the process.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_runs')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('run_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('runner', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('summary', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['org_id', 'job', 'run_on'])
    .execute();
  await db.schema.createIndex('job_runs_job_day').on('job_runs').columns(['job', 'run_on', 'status']).execute();
}

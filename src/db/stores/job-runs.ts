import type { Db } from '../connection.js';

/** One organisation's run of a job on a day (table `job_runs`, docs/adr/0031). */
export interface JobRun {
  readonly orgId: string;
  readonly job: string;
  readonly runOn: string;
  readonly status: 'running' | 'done';
  readonly attempts: number;
  readonly runner: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

function toRun(r: {
  org_id: string;
  job: string;
  run_on: string;
  status: string;
  attempts: number | string;
  runner: string;
  started_at: string;
  finished_at: string | null;
}): JobRun {
  return {
    orgId: r.org_id,
    job: r.job,
    runOn: r.run_on,
    status: r.status === 'done' ? 'done' : 'running',
    attempts: Number(r.attempts),
    runner: r.runner,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

const COLUMNS = ['org_id', 'job', 'run_on', 'status', 'attempts', 'runner', 'started_at', 'finished_at'] as const;

/** Every organisation's run of `job` on `runOn`, in one query. */
export async function loadJobRuns(db: Db, params: { job: string; runOn: string }): Promise<JobRun[]> {
  const rows = await db.kysely
    .selectFrom('job_runs')
    .select(COLUMNS)
    .where('job', '=', params.job)
    .where('run_on', '=', params.runOn)
    .execute();
  return rows.map(toRun);
}

/** One organisation's run of `job` on `runOn`, or null. */
export async function findJobRun(
  db: Db,
  params: { orgId: string; job: string; runOn: string },
): Promise<JobRun | null> {
  const row = await db.kysely
    .selectFrom('job_runs')
    .select(COLUMNS)
    .where('org_id', '=', params.orgId)
    .where('job', '=', params.job)
    .where('run_on', '=', params.runOn)
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

/**
 * Claims an organisation's run of `job` on `runOn` for `runner`, in one statement: a new run, or
 * one left 'running' since before `staleBefore` (its process died) taken over with one more
 * attempt. Returns the run claimed, or null when it is done or another runner holds it.
 */
export async function claimJobRun(
  db: Db,
  params: { orgId: string; job: string; runOn: string; runner: string; now: string; staleBefore: string },
): Promise<JobRun | null> {
  const row = await db.kysely
    .insertInto('job_runs')
    .values({
      org_id: params.orgId,
      job: params.job,
      run_on: params.runOn,
      status: 'running',
      attempts: 1,
      runner: params.runner,
      started_at: params.now,
      finished_at: null,
      summary: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'job', 'run_on'])
        .doUpdateSet((eb) => ({
          attempts: eb('job_runs.attempts', '+', 1),
          runner: params.runner,
          started_at: params.now,
        }))
        .where('job_runs.status', '=', 'running')
        .where('job_runs.started_at', '<', params.staleBefore),
    )
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

/** Marks the run done, if `runner` still holds it (a run taken over by another is not touched). */
export async function finishJobRun(
  db: Db,
  params: { orgId: string; job: string; runOn: string; runner: string; now: string; summary: string },
): Promise<boolean> {
  const r = await db.kysely
    .updateTable('job_runs')
    .set({ status: 'done', finished_at: params.now, summary: params.summary })
    .where('org_id', '=', params.orgId)
    .where('job', '=', params.job)
    .where('run_on', '=', params.runOn)
    .where('runner', '=', params.runner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a run that failed back (if `runner` still holds it), so its retry can claim it at once. */
export async function releaseJobRun(
  db: Db,
  params: { orgId: string; job: string; runOn: string; runner: string },
): Promise<void> {
  await db.kysely
    .deleteFrom('job_runs')
    .where('org_id', '=', params.orgId)
    .where('job', '=', params.job)
    .where('run_on', '=', params.runOn)
    .where('runner', '=', params.runner)
    .where('status', '=', 'running')
    .execute();
}

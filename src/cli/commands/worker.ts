import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { openAppDatabase, resolveDatabaseUrl } from '../../app/database.js';
import { startJobQueue } from '../../app/jobs/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { isPostgresUrl } from '../../db/connection.js';
import { translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf } from '../context.js';
import { wholeNumberArgument } from './arguments.js';

interface WorkerOptions {
  readonly concurrency: string;
}

/**
 * `cashguard worker`: a process that takes the organisations' daily work (alerts evaluated and
 * sent, escalations, notification retries) from the job queue the servers share on PostgreSQL
 * (docs/adr/0031). Start as many as needed; each job runs once. Stops cleanly on SIGINT or SIGTERM
 * (a job under way is finished first, for at most 30 s).
 */
export function addWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('take the daily work from the shared job queue (PostgreSQL) / 后台作业进程（PostgreSQL）')
    .option('--concurrency <n>', 'daily jobs this process runs at once', '1')
    .action(
      action(async (options: WorkerOptions, cmd: Command) => {
        const opts = globalOptions(cmd);
        const locale = localeOf(opts);
        const url = resolveDatabaseUrl(opts.db);
        const concurrency = wholeNumberArgument('--concurrency', options.concurrency, locale);
        if (!isPostgresUrl(url)) throw new DomainFailure({ code: 'WORKER_NEEDS_POSTGRES', details: { location: url } });
        const db = await openAppDatabase(url);
        const queue = await startJobQueue(db, {
          url,
          clock: systemClock,
          work: true,
          concurrency: Math.max(1, concurrency),
          onError: (error, orgId) =>
            process.stderr.write(
              `${translate('WORKER_JOB_FAILED', { orgId, reason: error instanceof Error ? error.message : String(error) }, locale)}\n`,
            ),
          onRun: (run) =>
            process.stdout.write(
              `${translate(run.outcome === 'done' ? 'WORKER_RAN_DONE' : 'WORKER_RAN_SKIPPED', { ...run }, locale)}\n`,
            ),
        });
        process.stdout.write(`${translate('WORKER_STARTED', { location: db.location, pid: process.pid }, locale)}\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await queue.stop();
        await db.close();
        process.stdout.write(`${translate('WORKER_STOPPED', { pid: process.pid }, locale)}\n`);
      }),
    );
}

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReportKind, ReportParams, ReportResult, ReportRunner } from './report-jobs.js';

export type ToReportWorker =
  | { readonly type: 'run'; readonly id: number; readonly kind: ReportKind; readonly params: unknown }
  | { readonly type: 'close' };

export type FromReportWorker =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly stack: string };

const ENTRY = new URL('./report-worker-entry.mjs', import.meta.url);

interface Job {
  readonly id: number;
  readonly orgId: string;
  readonly kind: ReportKind;
  readonly params: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  job: Job | null;
  /** The organisation it ran last: it likely still holds that book in memory. */
  lastOrg: string | null;
}

/** Worker threads by default: two, so that two organisations' reports run side by side, up to four. */
export function defaultReportWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.CASHGUARD_REPORT_WORKERS);
  if (Number.isInteger(asked) && asked >= 1) return asked;
  return Math.min(4, Math.max(2, availableParallelism() - 1));
}

/**
 * Reports computed on worker threads, each with its own connection to the database at `url` (a
 * file or a PostgreSQL URL; not ':memory:', which another connection cannot see), so the thread
 * that answers HTTP never computes one (docs/adr/0016). One report of an organisation runs at a
 * time, the next of the same organisation preferably on the worker that ran its last (which still
 * holds its book); reports of other organisations run meanwhile on the other workers. A worker that
 * dies fails its report and is replaced.
 *
 * @example
 * const reports = startReportWorkers({ url: './data/cashguard.db' });
 * await reports.run('aging', { orgId, asOf, basis: 'due', preset: 'default', customers: 100 });
 */
export function startReportWorkers(options: { url: string; workers?: number }): ReportRunner {
  return new ReportPool(options.url, options.workers ?? defaultReportWorkers());
}

class ReportPool implements ReportRunner {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Set<string>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    size: number,
  ) {
    for (let i = 0; i < size; i++) this.workers.push(this.start());
  }

  run<K extends ReportKind>(kind: K, params: ReportParams<K>): Promise<ReportResult<K>> {
    if (this.closed) return Promise.reject(new Error('the report workers are closed'));
    return new Promise((resolve, reject) => {
      const orgId = (params as { orgId: string }).orgId;
      this.queue.push({ id: this.nextId++, orgId, kind, params, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the report workers are closed'));
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private start(): PoolWorker {
    // No inherited flags: the entry registers the TypeScript loader itself when run from sources.
    const worker = new Worker(ENTRY, { workerData: { url: this.url }, execArgv: [] });
    const pooled: PoolWorker = { worker, job: null, lastOrg: null };
    worker.on('message', (m: FromReportWorker) => {
      const job = pooled.job;
      if (!job || job.id !== m.id) return;
      this.finish(pooled);
      if (m.ok) job.resolve(m.value);
      else job.reject(Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.on('error', (e) => this.lose(pooled, e));
    worker.on('exit', (code) => this.lose(pooled, new Error(`report worker exited with code ${code}`)));
    worker.unref();
    return pooled;
  }

  private finish(pooled: PoolWorker): void {
    if (pooled.job) this.running.delete(pooled.job.orgId);
    pooled.job = null;
    pooled.worker.unref();
    this.dispatch();
  }

  /** A worker that failed or exited: its report fails, and a new worker takes its place. */
  private lose(pooled: PoolWorker, error: Error): void {
    const at = this.workers.indexOf(pooled);
    if (at === -1) return;
    const job = pooled.job;
    if (job) this.running.delete(job.orgId);
    pooled.job = null;
    if (this.closed) return;
    this.workers[at] = this.start();
    job?.reject(error);
    this.dispatch();
  }

  /** Gives each idle worker the oldest waiting report of an organisation that has none running. */
  private dispatch(): void {
    for (let j = 0; j < this.queue.length; ) {
      const job = this.queue[j] as Job;
      const idle = this.workers.filter((w) => w.job === null);
      if (idle.length === 0) return;
      if (this.running.has(job.orgId)) {
        j++;
        continue;
      }
      const pooled = idle.find((w) => w.lastOrg === job.orgId) ?? idle.find((w) => w.lastOrg === null) ?? idle[0];
      if (!pooled) return;
      this.queue.splice(j, 1);
      this.running.add(job.orgId);
      pooled.job = job;
      pooled.lastOrg = job.orgId;
      pooled.worker.ref();
      pooled.worker.postMessage({
        type: 'run',
        id: job.id,
        kind: job.kind,
        params: job.params,
      } satisfies ToReportWorker);
    }
  }
}

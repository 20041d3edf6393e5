import type { Db } from '../../db/connection.js';
import type { Clock } from '../clock.js';
import { startInProcessScheduler } from './in-process.js';
import { startJobQueue } from './queue.js';

/** The daily work a process takes part in, however it runs: stop it before closing the database. */
export interface DailyWork {
  readonly kind: 'in-process' | 'queue' | 'off';
  stop(): Promise<void>;
}

/**
 * Starts this process's part of the daily work (docs/adr/0031): on SQLite the in-process
 * scheduler; on PostgreSQL the shared job queue, taking jobs unless `mode` is 'enqueue'. With
 * `mode` 'off' nothing (another process does it).
 */
export async function startDailyWork(
  db: Db,
  params: {
    url: string;
    clock: Clock;
    mode?: string | undefined;
    concurrency?: number;
    onError?: (error: unknown, orgId: string) => void;
  },
): Promise<DailyWork> {
  if (params.mode === 'off') return { kind: 'off', stop: async () => {} };
  const onError = params.onError ? { onError: params.onError } : {};
  if (db.dialect === 'postgres') {
    const queue = await startJobQueue(db, {
      url: params.url,
      clock: params.clock,
      work: params.mode !== 'enqueue',
      ...(params.concurrency === undefined ? {} : { concurrency: params.concurrency }),
      ...onError,
    });
    return { kind: 'queue', stop: () => queue.stop() };
  }
  const scheduler = startInProcessScheduler(db, { clock: params.clock, ...onError });
  return {
    kind: 'in-process',
    stop: async () => scheduler.stop(),
  };
}

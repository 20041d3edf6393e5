import { Worker } from 'node:worker_threads';
import type { Result } from '../core/shared/index.js';
import { fail, ok } from '../core/shared/index.js';
import type { ColumnMapping } from './mapping.js';
import type { SourceOptions } from './open-source.js';
import type { ReadBatch, ReadOutcome, RowSource, RowStream } from './read-rows.js';
import { type SheetBatch, SheetError, type SheetSource } from './sheet.js';
import type { ImportKind } from './types.js';

/** What a read worker needs to open and read one file: plain data, cloned into the worker. */
export interface ReadJob extends SourceOptions {
  readonly kind: ImportKind;
  readonly file: { readonly path: string } | { readonly data: Uint8Array };
  readonly mapping: ColumnMapping;
  readonly baseCurrency: string;
  readonly orgId: string;
}

export type ToWorker =
  | { readonly type: 'open'; readonly job: ReadJob }
  | { readonly type: 'read'; readonly state: unknown }
  | { readonly type: 'cells' }
  | { readonly type: 'ack' }
  | { readonly type: 'close' };

export type FromWorker =
  | { readonly type: 'opened'; readonly estimatedRows: number }
  | { readonly type: 'failed'; readonly code: string; readonly value: string | null; readonly expected: string | null }
  | { readonly type: 'batch'; readonly batch: ReadBatch }
  | { readonly type: 'done'; readonly outcome: ReadOutcome }
  | { readonly type: 'sheet'; readonly batch: SheetBatch }
  | { readonly type: 'sheet-done' }
  | {
      readonly type: 'sheet-failed';
      readonly code: string;
      readonly row: number | null;
      readonly expected: string | null;
    }
  | { readonly type: 'crashed'; readonly message: string; readonly stack: string };

const ENTRY = new URL('./read-worker-entry.mjs', import.meta.url);
/** Started workers with no job: kept (not holding the process open) for the next large import. */
const idle: Worker[] = [];

function startWorker(): Worker {
  // No inherited flags: the entry registers the TypeScript loader itself (read-worker-entry.mjs).
  const worker = new Worker(ENTRY, { execArgv: [] });
  worker.on('error', () => drop(worker));
  worker.on('exit', () => drop(worker));
  return worker;
}

function drop(worker: Worker): void {
  const at = idle.indexOf(worker);
  if (at !== -1) idle.splice(at, 1);
}

/** Messages of one job from one worker, awaited one at a time; a worker that dies fails the wait. */
class Channel {
  private readonly queue: FromWorker[] = [];
  private waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly onMessage = (m: FromWorker) => {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve(m);
    } else this.queue.push(m);
  };
  private readonly onError = (e: Error) => this.fail(e);
  private readonly onExit = (code: number) => this.fail(new Error(`import read worker exited with code ${code}`));

  constructor(readonly worker: Worker) {
    worker.on('message', this.onMessage);
    worker.on('error', this.onError);
    worker.on('exit', this.onExit);
    worker.ref();
  }

  next(): Promise<FromWorker> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Detaches from the worker and returns it to the idle pool (`reuse`) or ends it. */
  release(reuse: boolean): void {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.worker.off('exit', this.onExit);
    if (reuse && this.failure === null) {
      this.worker.unref();
      idle.push(this.worker);
    } else void this.worker.terminate();
  }

  private fail(e: Error): void {
    this.failure = e;
    const w = this.waiting;
    this.waiting = null;
    w?.reject(e);
  }
}

function crashed(m: { message: string; stack: string }): Error {
  const e = new Error(`import read worker: ${m.message}`);
  e.stack = m.stack;
  return e;
}

/** Whether a started worker is waiting for a job (then a read costs no start-up). */
export function readWorkerIdle(): boolean {
  return idle.length > 0;
}

/**
 * Starts a read worker ahead of the first large import, so that import does not wait for it (a
 * worker takes a few hundred milliseconds to load its modules). The server calls it at start;
 * the worker does not keep the process alive.
 */
export function startReadWorker(): void {
  if (idle.length > 0) return;
  const worker = startWorker();
  worker.unref();
  idle.push(worker);
}

/**
 * Opens the job's file on a read worker (an idle one, or a new one) and waits until it is checked
 * and decoded: the same problems as `openSource` on this thread, or the rows estimate.
 */
export async function openOnWorker(job: ReadJob): Promise<Result<RowSource>> {
  const opened = await openJob(job);
  if (!opened.ok) return opened;
  const { channel, estimatedRows } = opened.value;
  let used = false;
  return ok({
    estimatedRows,
    rows(state) {
      if (used) throw new Error('the rows of a remote source are read once');
      used = true;
      return remoteRows(channel, state);
    },
    close() {
      if (used) return;
      used = true;
      channel.send({ type: 'close' });
      channel.release(true);
    },
  });
}

/**
 * Opens the job's file on a read worker and reads its sheet there, cell text only: the rows come
 * back in batches and are validated on this thread (for kinds whose reading changes their state).
 * Unpacking a workbook and parsing its XML, the heavy part, stays off this thread.
 */
export async function openSheetOnWorker(job: ReadJob): Promise<Result<SheetSource & { readonly close: () => void }>> {
  const opened = await openJob(job);
  if (!opened.ok) return opened;
  const { channel, estimatedRows } = opened.value;
  let used = false;
  return ok({
    estimatedRows,
    batches() {
      if (used) throw new Error('the rows of a remote sheet are read once');
      used = true;
      return remoteSheet(channel);
    },
    close() {
      if (used) return;
      used = true;
      channel.send({ type: 'close' });
      channel.release(true);
    },
  });
}

async function* remoteSheet(channel: Channel): AsyncGenerator<SheetBatch> {
  let finished = false;
  try {
    channel.send({ type: 'cells' });
    for (;;) {
      const m = await channel.next();
      if (m.type === 'sheet') {
        channel.send({ type: 'ack' });
        yield m.batch;
      } else if (m.type === 'sheet-done') {
        finished = true;
        return;
      } else if (m.type === 'sheet-failed') {
        finished = true;
        throw new SheetError(m.code, m.row, undefined, m.expected);
      } else throw m.type === 'crashed' ? crashed(m) : new Error(`import read worker sent ${m.type} while reading`);
    }
  } finally {
    channel.release(finished);
  }
}

async function openJob(job: ReadJob): Promise<Result<{ channel: Channel; estimatedRows: number }>> {
  const channel = new Channel(idle.pop() ?? startWorker());
  let opened: FromWorker;
  try {
    channel.send({ type: 'open', job });
    opened = await channel.next();
  } catch (e) {
    channel.release(false);
    throw e;
  }
  if (opened.type === 'failed') {
    channel.release(true);
    return fail(opened.code, {
      ...(opened.value === null ? {} : { value: opened.value }),
      ...(opened.expected === null ? {} : { expected: opened.expected }),
    });
  }
  if (opened.type !== 'opened') {
    channel.release(false);
    throw opened.type === 'crashed' ? crashed(opened) : new Error(`import read worker sent ${opened.type} first`);
  }
  return ok({ channel, estimatedRows: opened.estimatedRows });
}

async function* remoteRows(channel: Channel, state: unknown): RowStream {
  let finished = false;
  try {
    channel.send({ type: 'read', state });
    for (;;) {
      const m = await channel.next();
      if (m.type === 'batch') {
        // Taken: the worker may read another batch while this one is written.
        channel.send({ type: 'ack' });
        yield m.batch;
      } else if (m.type === 'done') {
        finished = true;
        return m.outcome;
      } else throw m.type === 'crashed' ? crashed(m) : new Error(`import read worker sent ${m.type} while reading`);
    }
  } finally {
    // A read abandoned half-way (the write failed) may still have batches on the way: end that worker.
    channel.release(finished);
  }
}

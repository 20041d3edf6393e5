import { Worker } from 'node:worker_threads';
import type { Db } from './connection.js';

/**
 * Large writes to a SQLite file copy their write-ahead log into the database file on a background
 * thread instead of inside the committing call (docs/adr/0010). SQLite runs that copy (the
 * checkpoint) in the commit that takes the log past `wal_autocheckpoint` pages: after an import
 * of 100k invoices it held the importing thread (and a server's event loop) for 50 to 80 ms, after
 * 1M for most of a second. The committed rows are durable in the log either way, and readers see
 * them at once; only the copy moves.
 */

export interface CheckpointOutcome {
  /** Frames in the log when the checkpoint ran (`wal_checkpoint`'s `log`). */
  readonly logFrames: number;
  /** Frames copied into the database file by then; all of them unless a reader held some back. */
  readonly checkpointedFrames: number;
  /** Why the checkpoint could not run (the log stays and the next commit checkpoints); null when it ran. */
  readonly error: string | null;
}

type Request = { readonly type: 'checkpoint' | 'close'; readonly id: number; readonly path: string };
type Reply =
  | { readonly id: number; readonly ok: true; readonly result: { log: number; checkpointed: number } | null }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly ended?: true };

const WORKER = new URL('./checkpoint-worker.mjs', import.meta.url);

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (reply: Reply) => void>();
/** The last checkpoint asked for each database file, until its connection is closed. */
const lastByPath = new Map<string, Promise<CheckpointOutcome>>();

function checkpointWorker(): Worker {
  if (worker) return worker;
  // Plain JavaScript with no TypeScript loader: it starts in tens of milliseconds.
  const started = new Worker(WORKER, { execArgv: [] });
  started.on('message', (reply: Reply) => {
    const done = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) started.unref();
    done?.(reply);
  });
  started.on('error', (e) => endWorker(started, e.message));
  started.on('exit', (code) => endWorker(started, `checkpoint worker exited with code ${code}`));
  worker = started;
  return started;
}

/** A worker that failed answers every open request with the failure; the next request starts another. */
function endWorker(ended: Worker, message: string): void {
  if (worker !== ended) return;
  worker = null;
  for (const [id, done] of waiting) done({ id, ok: false, message, ended: true });
  waiting.clear();
}

function ask(type: Request['type'], path: string): Promise<Reply> {
  const w = checkpointWorker();
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    w.ref();
    w.postMessage({ type, id, path } satisfies Request);
  });
}

function fileOf(db: Db): string | null {
  return db.sqlite && db.location !== ':memory:' ? db.location : null;
}

/**
 * Runs `work` (one large write) with SQLite's automatic checkpoint off, then asks the background
 * thread to checkpoint the log. On PostgreSQL and in-memory SQLite it only runs `work`.
 *
 * @example
 * await withBackgroundCheckpoint(db, () => withTransaction(db, (tx) => writeRows(tx, rows)));
 */
export async function withBackgroundCheckpoint<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const sqlite = db.sqlite;
  const path = fileOf(db);
  if (!sqlite || path === null) return work();
  const pages = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
  sqlite.pragma('wal_autocheckpoint = 0');
  let result: T;
  try {
    result = await work();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${pages}`);
  }
  // Only after a commit: a rolled-back write leaves nothing in the log to copy.
  lastByPath.set(path, checkpoint(path));
  return result;
}

async function checkpoint(path: string): Promise<CheckpointOutcome> {
  const reply = await ask('checkpoint', path);
  if (!reply.ok) return { logFrames: 0, checkpointedFrames: 0, error: reply.message };
  return { logFrames: reply.result?.log ?? 0, checkpointedFrames: reply.result?.checkpointed ?? 0, error: null };
}

/** The outcome of the last background checkpoint of this database, once it has run; null when none was asked. */
export function lastBackgroundCheckpoint(db: Db): Promise<CheckpointOutcome> | null {
  const path = fileOf(db);
  return path === null ? null : (lastByPath.get(path) ?? null);
}

/**
 * Waits for the background checkpoint of this file and closes the background thread's connection
 * to it, so that the caller's connection is the last one and its close removes the log. Called by
 * `Db.close`.
 */
export async function closeBackgroundConnection(path: string): Promise<void> {
  const last = lastByPath.get(path);
  if (!last) return;
  lastByPath.delete(path);
  await last;
  const reply = await ask('close', path);
  // A worker that ended took its connections with it.
  if (!reply.ok && !reply.ended) throw new Error(`closing the checkpoint connection to ${path}: ${reply.message}`);
}

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

/** `connection` names the background connection of one `Db`; `path` is its file, opened on the first checkpoint. */
type Request = {
  readonly type: 'checkpoint' | 'close';
  readonly id: number;
  readonly connection: number;
  readonly path: string;
};
type Reply =
  | { readonly id: number; readonly ok: true; readonly result: { log: number; checkpointed: number } | null }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly ended?: true };

const WORKER = new URL('./checkpoint-worker.mjs', import.meta.url);

let worker: Worker | null = null;
let nextId = 0;
let nextConnection = 0;
const waiting = new Map<number, (reply: Reply) => void>();

/** What one open database has asked of the background thread: its connection there and the last checkpoint. */
interface Background {
  readonly connection: number;
  readonly path: string;
  last: Promise<CheckpointOutcome>;
}
/** By the database's own connection, so two `Db`s of one file (or of a file made anew) never share one. */
const backgrounds = new WeakMap<object, Background>();

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

function ask(type: Request['type'], background: Pick<Background, 'connection' | 'path'>): Promise<Reply> {
  const w = checkpointWorker();
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    w.ref();
    w.postMessage({ type, id, connection: background.connection, path: background.path } satisfies Request);
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
  const known = backgrounds.get(sqlite);
  const background = known ?? { connection: ++nextConnection, path };
  const last = checkpoint(background);
  if (known) known.last = last;
  else backgrounds.set(sqlite, { ...background, last });
  return result;
}

async function checkpoint(background: Pick<Background, 'connection' | 'path'>): Promise<CheckpointOutcome> {
  const reply = await ask('checkpoint', background);
  if (!reply.ok) return { logFrames: 0, checkpointedFrames: 0, error: reply.message };
  return { logFrames: reply.result?.log ?? 0, checkpointedFrames: reply.result?.checkpointed ?? 0, error: null };
}

/** The outcome of the last background checkpoint of this database, once it has run; null when none was asked. */
export function lastBackgroundCheckpoint(db: Db): Promise<CheckpointOutcome> | null {
  return db.sqlite ? (backgrounds.get(db.sqlite)?.last ?? null) : null;
}

/**
 * Waits for the background checkpoint of this database and closes the background thread's
 * connection to its file, so that the caller's connection is the last one and its close removes
 * the log. Called by `Db.close` with the database's own connection.
 */
export async function closeBackgroundConnection(sqlite: object): Promise<void> {
  const background = backgrounds.get(sqlite);
  if (!background) return;
  backgrounds.delete(sqlite);
  await background.last;
  const reply = await ask('close', background);
  // A worker that ended took its connections with it.
  if (!reply.ok && !reply.ended) {
    throw new Error(`closing the checkpoint connection to ${background.path}: ${reply.message}`);
  }
}

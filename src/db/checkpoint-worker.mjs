// The body of the WAL checkpoint worker (src/db/checkpoint.ts, docs/adr/0010): one connection per
// open database of the importing side (`connection`), opened on its first request and used only to
// copy the write-ahead log into the database file. Plain JavaScript, so the worker starts without
// the TypeScript loader.
import { parentPort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** @type {Map<number, import('better-sqlite3').Database>} */
const connections = new Map();

/** @param {{ type: 'checkpoint' | 'close', id: number, connection: number, path: string }} m */
function handle(m) {
  if (m.type === 'close') {
    connections.get(m.connection)?.close();
    connections.delete(m.connection);
    return null;
  }
  let sqlite = connections.get(m.connection);
  if (!sqlite) {
    sqlite = new SQLite(m.path, { fileMustExist: true });
    connections.set(m.connection, sqlite);
  }
  // PASSIVE: copies what no reader still needs, waits for no lock and blocks no writer.
  const [row] = /** @type {{ log: number, checkpointed: number }[]} */ (sqlite.pragma('wal_checkpoint(PASSIVE)'));
  return { log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
}

parentPort?.on('message', (m) => {
  try {
    parentPort?.postMessage({ id: m.id, ok: true, result: handle(m) });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});

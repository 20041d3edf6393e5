// The body of the WAL checkpoint worker (src/db/checkpoint.ts, docs/adr/0010): one connection per
// database file, opened on its first request and used only to copy the write-ahead log into the
// database file. Plain JavaScript, so the worker starts without the TypeScript loader.
import { parentPort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** @type {Map<string, import('better-sqlite3').Database>} */
const connections = new Map();

/** @param {{ type: 'checkpoint' | 'close', id: number, path: string }} m */
function handle(m) {
  if (m.type === 'close') {
    connections.get(m.path)?.close();
    connections.delete(m.path);
    return null;
  }
  let sqlite = connections.get(m.path);
  if (!sqlite) {
    sqlite = new SQLite(m.path, { fileMustExist: true });
    connections.set(m.path, sqlite);
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

import type { Kysely } from 'kysely';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';
import { preparedStatement } from '../statements.js';
import { readGeneration } from './generations.js';
import { type Books, decodeBooks, encodeBooks, isBooksSnapshot, SNAPSHOT_FORMAT } from './ledger-snapshot.js';

/** Books kept in memory per open database, the most recently read first (a server's report worker reads a few). */
const REMEMBERED_BOOKS = 2;
/** Larger snapshots are not stored (SQLite and PostgreSQL cap one value near 1 GB). */
const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

interface Remembered {
  readonly generation: number;
  readonly books: Promise<Books>;
}

const remembered = new WeakMap<Kysely<Database>, Map<string, Remembered>>();

/** Why the last snapshot could not be stored (the next read then reads the tables again), for diagnostics. */
let lastSaveFailure: Error | null = null;

export function lastSnapshotSaveFailure(): Error | null {
  return lastSaveFailure;
}

/**
 * An organisation's books (receivables and payables ledgers of the whole book), read from the
 * tables only when they changed since they were last read (docs/adr/0015): the ledger generation
 * says so. In order, while the generation is the same: the books this process read last (ledgers
 * are read-only; concurrent callers share one read), else the stored snapshot, else
 * `readTables()`, whose result is stored as the next snapshot when no write came in between. Every
 * path returns what `readTables()` would, the receivables held in columns.
 *
 * @example
 * const { receivables } = await loadBooks(db, 'demo', () => readBookTables(db, 'demo'));
 */
export async function loadBooks(db: Db, orgId: string, readTables: () => Promise<Books>): Promise<Books> {
  const { ledger: generation } = await readGeneration(db, orgId);
  const known = rememberedOf(db);
  const book = known.get(orgId);
  if (book?.generation === generation) {
    remember(known, orgId, book);
    return book.books;
  }
  const reading: Remembered = { generation, books: readBooks(db, orgId, generation, readTables) };
  remember(known, orgId, reading);
  try {
    const books = await reading.books;
    if (known.get(orgId) === reading && (await readGeneration(db, orgId)).ledger !== generation) {
      // A write came in while the tables were read: what was read may mix before and after it.
      known.delete(orgId);
    }
    return books;
  } catch (error) {
    if (known.get(orgId) === reading) known.delete(orgId);
    throw error;
  }
}

async function readBooks(db: Db, orgId: string, generation: number, readTables: () => Promise<Books>): Promise<Books> {
  const stored = await readSnapshot(db, orgId, generation);
  if (stored) return decodeBooks(stored);
  const bytes = encodeBooks(await readTables());
  if ((await readGeneration(db, orgId)).ledger === generation) await saveSnapshot(db, orgId, generation, bytes);
  // Read back from the bytes, as from a stored snapshot: the same books, held in columns.
  return decodeBooks(bytes);
}

function rememberedOf(db: Db): Map<string, Remembered> {
  let known = remembered.get(db.kysely);
  if (!known) {
    known = new Map();
    remembered.set(db.kysely, known);
  }
  return known;
}

function remember(known: Map<string, Remembered>, orgId: string, book: Remembered): void {
  known.delete(orgId);
  known.set(orgId, book);
  for (const org of known.keys()) {
    if (known.size <= REMEMBERED_BOOKS) break;
    known.delete(org);
  }
}

const SELECT_SNAPSHOT = 'SELECT data FROM ledger_snapshots WHERE org_id = ? AND generation = ? AND format = ?';

/** The stored snapshot of the organisation's books at `generation`, or null when there is none of this format. */
export async function readSnapshot(db: Db, orgId: string, generation: number): Promise<Uint8Array | null> {
  let data: unknown;
  if (db.sqlite) {
    // Past the query builder, which prepares its statement anew at each call.
    const row = preparedStatement(db.sqlite, SELECT_SNAPSHOT, { raw: true }).get(orgId, generation, SNAPSHOT_FORMAT);
    data = (row as unknown[] | undefined)?.[0];
  } else {
    const row = await db.kysely
      .selectFrom('ledger_snapshots')
      .select('data')
      .where('org_id', '=', orgId)
      .where('generation', '=', generation)
      .where('format', '=', SNAPSHOT_FORMAT)
      .executeTakeFirst();
    data = row?.data;
  }
  return data instanceof Uint8Array && isBooksSnapshot(data) ? data : null;
}

/**
 * Stores the snapshot unless a newer one is there. A snapshot that cannot be stored (too large, a
 * database busy beyond its timeout, read-only) is left out: the next read reads the tables again.
 */
async function saveSnapshot(db: Db, orgId: string, generation: number, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength > MAX_SNAPSHOT_BYTES) return;
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    await db.kysely
      .insertInto('ledger_snapshots')
      .values({ org_id: orgId, generation, format: SNAPSHOT_FORMAT, built_at: new Date().toISOString(), data })
      .onConflict((oc) =>
        oc
          .column('org_id')
          .doUpdateSet((eb) => ({
            generation: eb.ref('excluded.generation'),
            format: eb.ref('excluded.format'),
            built_at: eb.ref('excluded.built_at'),
            data: eb.ref('excluded.data'),
          }))
          .where('ledger_snapshots.generation', '<=', generation),
      )
      .execute();
    lastSaveFailure = null;
  } catch (error) {
    // Not stored: only the next read's speed depends on it, and the failure is kept for diagnostics.
    lastSaveFailure = error instanceof Error ? error : new Error(String(error));
  }
}

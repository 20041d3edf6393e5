import type { Kysely } from 'kysely';
import type { ReceivablesLedger } from '../../core/receivables/index.js';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';
import { preparedStatement } from '../statements.js';
import { readGeneration } from './generations.js';
import { decodeLedger, encodeLedger, isLedgerSnapshot, SNAPSHOT_FORMAT } from './ledger-snapshot.js';

/** Books kept in memory per open database, the most recently read first (a server's report worker reads a few). */
const REMEMBERED_BOOKS = 2;
/** Larger snapshots are not stored (SQLite and PostgreSQL cap one value near 1 GB). */
const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

const remembered = new WeakMap<Kysely<Database>, Map<string, { generation: number; ledger: ReceivablesLedger }>>();

/** Why the last snapshot could not be stored (the next read then reads the tables again), for diagnostics. */
let lastSaveFailure: Error | null = null;

export function lastSnapshotSaveFailure(): Error | null {
  return lastSaveFailure;
}

/**
 * The receivables ledger of a whole book, read from the tables only when they changed since it was
 * last read (docs/adr/0012): the ledger generation says so. In order, while the generation is the
 * same: the ledger this process read last (ledgers are read-only), else the stored snapshot (one
 * value, read as columns), else `readTables()`, whose result is stored as the next snapshot when no
 * write came in between. Every path returns a ledger held in columns, with the same invoices and
 * settlements as `readTables()` would return.
 *
 * @example
 * const ledger = await loadBookLedger(db, 'demo', () => readLedgerTables(db, { orgId: 'demo' }));
 */
export async function loadBookLedger(
  db: Db,
  orgId: string,
  readTables: () => Promise<ReceivablesLedger>,
): Promise<ReceivablesLedger> {
  const { ledger: generation } = await readGeneration(db, orgId);
  const books = booksOf(db);
  const known = books.get(orgId);
  if (known?.generation === generation) {
    remember(books, orgId, known);
    return known.ledger;
  }
  const stored = await readSnapshot(db, orgId, generation);
  if (stored) {
    const ledger = decodeLedger(stored);
    remember(books, orgId, { generation, ledger });
    return ledger;
  }
  const bytes = encodeLedger(await readTables());
  const ledger = decodeLedger(bytes);
  if ((await readGeneration(db, orgId)).ledger === generation) {
    // No write came in while the tables were read: what was read is the ledger at `generation`.
    remember(books, orgId, { generation, ledger });
    await saveSnapshot(db, orgId, generation, bytes);
  }
  return ledger;
}

function booksOf(db: Db) {
  let books = remembered.get(db.kysely);
  if (!books) {
    books = new Map();
    remembered.set(db.kysely, books);
  }
  return books;
}

function remember(
  books: Map<string, { generation: number; ledger: ReceivablesLedger }>,
  orgId: string,
  book: { generation: number; ledger: ReceivablesLedger },
): void {
  books.delete(orgId);
  books.set(orgId, book);
  for (const org of books.keys()) {
    if (books.size <= REMEMBERED_BOOKS) break;
    books.delete(org);
  }
}

const SELECT_SNAPSHOT = 'SELECT data FROM ledger_snapshots WHERE org_id = ? AND generation = ? AND format = ?';

/** The stored snapshot of the organisation's ledger at `generation`, or null when there is none of this format. */
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
  return data instanceof Uint8Array && isLedgerSnapshot(data) ? data : null;
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

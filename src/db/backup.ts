import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { type Db, isPostgresUrl, openDatabase } from './connection.js';
import { migrateToLatest } from './migrate.js';
import { TABLE_ORDER } from './schema.js';

/**
 * Online backups and their restore. SQLite: the backup API of SQLite itself (a consistent copy
 * of a live database, the write-ahead log included, while others keep reading and writing).
 * PostgreSQL: `pg_dump` in its custom format and `pg_restore` (the server's own tools, which must
 * be on the PATH). A restore goes into a new, empty database only, and is checked: SQLite's
 * integrity check, then the migrations a newer CashGuard adds.
 */

export class BackupError extends Error {
  constructor(
    readonly code: 'BACKUP_UNREADABLE' | 'RESTORE_TARGET_NOT_EMPTY',
    readonly details: Record<string, string>,
  ) {
    super(`${code}: ${JSON.stringify(details)}`);
  }
}

/** Writes a backup of the open database `db` (opened from `url`) to `file`; returns its size in bytes. */
export async function backupDatabase(db: Db, url: string, file: string): Promise<number> {
  if (db.dialect === 'sqlite') {
    if (!db.sqlite) throw new Error('SQLite handle missing');
    await db.sqlite.backup(file);
    // One self-contained file: a backup in WAL mode would leave -wal and -shm files beside it when read.
    const copy = new SQLite(file);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url]);
  }
  return statSync(file).size;
}

export interface Restored {
  readonly tables: number;
  readonly rows: number;
}

/** Restores `file` (made by `backupDatabase` for the same kind of database) into the new database at `url`. */
export async function restoreDatabase(file: string, url: string): Promise<Restored> {
  if (!existsSync(file)) throw new BackupError('BACKUP_UNREADABLE', { file, reason: 'no such file' });
  if (isPostgresUrl(url)) {
    if (startsWith(file, 'SQLite format 3\u0000'))
      throw new BackupError('BACKUP_UNREADABLE', { file, reason: 'a SQLite backup cannot go into PostgreSQL' });
    if (!startsWith(file, 'PGDMP')) throw new BackupError('BACKUP_UNREADABLE', { file, reason: 'not a pg_dump file' });
    const target = await openDatabase({ url });
    try {
      if ((await target.kysely.introspection.getTables()).length > 0)
        throw new BackupError('RESTORE_TARGET_NOT_EMPTY', { location: target.location });
    } finally {
      await target.close();
    }
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${url}`,
      file,
    ]);
  } else {
    if (!startsWith(file, 'SQLite format 3\u0000'))
      throw new BackupError('BACKUP_UNREADABLE', { file, reason: 'not a SQLite database' });
    if (url === ':memory:' || (existsSync(url) && statSync(url).size > 0))
      throw new BackupError('RESTORE_TARGET_NOT_EMPTY', { location: url });
    const source = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      const check = source.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError('BACKUP_UNREADABLE', { file, reason: String(check) });
      await source.backup(url);
    } finally {
      source.close();
    }
  }
  const db = await openDatabase({ url });
  try {
    await migrateToLatest(db);
    return await countRows(db);
  } finally {
    await db.close();
  }
}

/** Tables and rows of CashGuard's tables, as a restore reports them. */
export async function countRows(db: Db): Promise<Restored> {
  let rows = 0;
  for (const table of TABLE_ORDER) {
    const r = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    rows += Number(r.n);
  }
  return { tables: TABLE_ORDER.length, rows };
}

function startsWith(file: string, magic: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(magic.length);
    const n = readSync(fd, buf, 0, magic.length, 0);
    return n === magic.length && buf.toString('latin1') === magic;
  } finally {
    closeSync(fd);
  }
}

/** Runs a PostgreSQL tool; its error output becomes the error's message. */
function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 10_000) stderr += d.toString();
    });
    child.on('error', (error) => reject(new Error(`${command} could not run: ${error.message}`, { cause: error })));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr.trim()}`)),
    );
  });
}

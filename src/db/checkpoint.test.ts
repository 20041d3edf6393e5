import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { lastBackgroundCheckpoint, withBackgroundCheckpoint } from './checkpoint.js';
import { type Db, openDatabase } from './connection.js';
import { withTransaction } from './transaction.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-checkpoint-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function openFile(name: string): Promise<{ db: Db; path: string }> {
  const path = join(dir, name);
  const db = await openDatabase({ url: path });
  db.sqlite?.exec('CREATE TABLE t (n INTEGER, text TEXT)');
  return { db, path };
}

/** About 4 MB of rows in one transaction: well past the automatic checkpoint's 1,000 pages of 4 KiB. */
async function writeRows(db: Db): Promise<number> {
  return withTransaction(db, async (tx) => {
    const insert = tx.sqlite?.prepare('INSERT INTO t VALUES (?, ?)');
    for (let n = 0; n < 20_000; n++) insert?.run(n, `row ${n} ${'x'.repeat(180)}`);
    return 20_000;
  });
}

const autocheckpoint = (db: Db) => Number(db.sqlite?.pragma('wal_autocheckpoint', { simple: true }));

test('a large write commits with the automatic checkpoint off; the log is copied by the background thread', async () => {
  const { db, path } = await openFile('large.db');
  try {
    const before = autocheckpoint(db);
    assert.ok(before > 0);
    const sizeBefore = statSync(path).size;
    let during = -1;
    const written = await withBackgroundCheckpoint(db, async () => {
      during = autocheckpoint(db);
      return writeRows(db);
    });
    assert.equal(written, 20_000);
    assert.equal(during, 0);
    assert.equal(autocheckpoint(db), before);
    const outcome = await lastBackgroundCheckpoint(db);
    assert.ok(outcome);
    assert.equal(outcome.error, null);
    assert.ok(outcome.logFrames > 0);
    assert.equal(outcome.checkpointedFrames, outcome.logFrames);
    // The rows are now in the database file itself, not only in its log.
    assert.ok(statSync(path).size > sizeBefore + 3_000_000, `database file of ${statSync(path).size} bytes`);
    assert.equal(db.sqlite?.prepare('SELECT count(*) FROM t').pluck().get(), 20_000);
  } finally {
    await db.close();
  }
  // Both connections are closed: the last close removed the log and its index.
  assert.equal(existsSync(`${path}-wal`), false);
  assert.equal(existsSync(`${path}-shm`), false);
});

test('two databases open on one file each have their own background connection', async () => {
  const { db: first, path } = await openFile('shared.db');
  const second = await openDatabase({ url: path });
  try {
    await withBackgroundCheckpoint(first, () => writeRows(first));
    await withBackgroundCheckpoint(second, async () => {
      second.sqlite?.prepare('INSERT INTO t VALUES (?, ?)').run(-1, 'from the second');
    });
    assert.equal((await lastBackgroundCheckpoint(first))?.error, null);
    assert.equal((await lastBackgroundCheckpoint(second))?.error, null);
    await first.close();
    // The second's background connection outlives the first's close and still checkpoints.
    await withBackgroundCheckpoint(second, async () => {
      second.sqlite?.prepare('INSERT INTO t VALUES (?, ?)').run(-2, 'after the first closed');
    });
    const outcome = await lastBackgroundCheckpoint(second);
    assert.equal(outcome?.error, null);
    assert.equal(outcome?.checkpointedFrames, outcome?.logFrames);
    assert.equal(second.sqlite?.prepare('SELECT count(*) FROM t').pluck().get(), 20_002);
  } finally {
    await second.close();
  }
  assert.equal(existsSync(`${path}-wal`), false);
});

test('a write that fails asks no checkpoint and restores the automatic one', async () => {
  const { db } = await openFile('failed.db');
  try {
    const before = autocheckpoint(db);
    await assert.rejects(
      withBackgroundCheckpoint(db, () =>
        withTransaction(db, async (tx) => {
          tx.sqlite?.prepare('INSERT INTO t VALUES (1, ?)').run('kept?');
          throw new Error('no');
        }),
      ),
      /no/,
    );
    assert.equal(autocheckpoint(db), before);
    assert.equal(lastBackgroundCheckpoint(db), null);
    assert.equal(db.sqlite?.prepare('SELECT count(*) FROM t').pluck().get(), 0);
  } finally {
    await db.close();
  }
});

test('a checkpoint that cannot run is reported in its outcome, and closing still works', async () => {
  const { db } = await openFile('moved.db');
  // The same connection seen under a path where no database file is.
  const missing: Db = { ...db, location: join(dir, 'nowhere', 'gone.db') };
  try {
    await withBackgroundCheckpoint(missing, async () => undefined);
    const outcome = await lastBackgroundCheckpoint(missing);
    assert.ok(outcome?.error);
    assert.deepEqual([outcome.logFrames, outcome.checkpointedFrames], [0, 0]);
  } finally {
    await missing.close();
  }
});

test('an in-memory database only runs the work', async () => {
  const db = await openDatabase({ url: ':memory:' });
  try {
    assert.equal(await withBackgroundCheckpoint(db, async () => 7), 7);
    assert.equal(lastBackgroundCheckpoint(db), null);
  } finally {
    await db.close();
  }
});

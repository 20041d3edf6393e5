import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createDemoCompany } from '../app/demo/index.js';
import { dumpAll } from '../import/test-helpers.js';
import { BackupError, backupDatabase, restoreDatabase } from './backup.js';
import { openDatabase } from './connection.js';
import { migrateToLatest } from './migrate.js';
import { openTestPostgres } from './test-support.js';

const DEMO = { asOf: '2026-03-31', customers: 15, invoices: 400, seed: 7 };

describe('backup and restore [sqlite]', () => {
  it('restores a live database table for table, as one file, and refuses what it must', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cashguard-backup-'));
    try {
      const url = join(dir, 'live.db');
      const db = await openDatabase({ url });
      await migrateToLatest(db);
      await createDemoCompany(db, DEMO);
      const file = join(dir, 'live.backup');
      const bytes = await backupDatabase(db, url, file);
      assert.ok(bytes > 0);
      // The database stays open and writable while and after it is copied.
      await db.kysely.updateTable('organisations').set({ name: 'Renamed after the backup' }).execute();
      const live = await dumpAll(db);
      await db.close();

      const target = join(dir, 'restored.db');
      const restored = await restoreDatabase(file, target);
      assert.ok(restored.rows > 400);
      assert.ok(!existsSync(`${file}-wal`) && !existsSync(`${file}-shm`), 'the backup is one file');
      const again = await openDatabase({ url: target });
      try {
        const copy = await dumpAll(again);
        for (const table of Object.keys(live)) {
          if (table === 'organisations') continue;
          assert.deepEqual(copy[table], live[table], `table ${table} differs after the restore`);
        }
        const name = await again.kysely.selectFrom('organisations').select('name').executeTakeFirstOrThrow();
        assert.notEqual(name.name, 'Renamed after the backup', 'the backup holds the data as it was when it was made');
      } finally {
        await again.close();
      }

      await assert.rejects(
        restoreDatabase(file, target),
        (e) => e instanceof BackupError && e.code === 'RESTORE_TARGET_NOT_EMPTY',
      );
      const junk = join(dir, 'junk.backup');
      writeFileSync(junk, 'number,customer\n1,2\n');
      await assert.rejects(
        restoreDatabase(junk, join(dir, 'x.db')),
        (e) => e instanceof BackupError && e.code === 'BACKUP_UNREADABLE',
      );
      assert.equal(existsSync(join(dir, 'x.db')), false, 'a refused restore creates nothing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const url = process.env.DATABASE_URL;
describe(
  'backup and restore [postgres]',
  url ? {} : { skip: 'DATABASE_URL is not set: PostgreSQL storage tests skipped' },
  () => {
    it('pg_dump and pg_restore bring every table back into a new database', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cashguard-backup-'));
      const source = await openTestPostgres(url as string);
      const name = `cg_restore_${randomBytes(6).toString('hex')}`;
      const admin = async (text: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(text);
        } finally {
          await client.end();
        }
      };
      try {
        await createDemoCompany(source, DEMO);
        const own = new URL(url as string);
        own.pathname = new URL(source.location).pathname;
        const file = join(dir, 'live.dump');
        await backupDatabase(source, own.toString(), file);
        const live = await dumpAll(source);

        await admin(`CREATE DATABASE ${name}`);
        const target = new URL(url as string);
        target.pathname = `/${name}`;
        const restored = await restoreDatabase(file, target.toString());
        assert.ok(restored.rows > 400);
        const copy = await openDatabase({ url: target.toString() });
        try {
          assert.deepEqual(await dumpAll(copy), live);
        } finally {
          await copy.close();
        }
        await assert.rejects(
          restoreDatabase(file, target.toString()),
          (e) => e instanceof BackupError && e.code === 'RESTORE_TARGET_NOT_EMPTY',
        );
      } finally {
        await source.close();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);

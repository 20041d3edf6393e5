import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { lastBackgroundCheckpoint } from '../db/checkpoint.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createOrganisation } from '../db/stores/organisations.js';
import { BACKGROUND_CHECKPOINT_MIN_ROWS } from './import-file.js';
import { importBuffer } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-import-checkpoint-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function invoices(rows: number, prefix: string): Buffer {
  const lines = ['number,customer_code,issued_on,amount'];
  for (let i = 0; i < rows; i++) lines.push(`${prefix}${i},C1,2025-08-01,${1000 + i}.25`);
  return Buffer.from(lines.join('\n'));
}

test('a large import into a SQLite file leaves the copy of its log to the background thread; a small one does not', async () => {
  const path = join(dir, 'import.db');
  const db = await openDatabase({ url: path });
  try {
    await migrateToLatest(db);
    await createOrganisation(db, { id: 'o', name: 'O', baseCurrency: 'CNY', createdAt: '2025-01-01T00:00:00Z' });
    const base = { orgId: 'o', kind: 'invoices', fileName: 'i.csv', locale: 'en' } as const;
    await importBuffer(db, { ...base, kind: 'customers', data: Buffer.from('code,name\nC1,甲\n') });
    const small = await importBuffer(db, { ...base, data: invoices(1000, 'S') });
    assert.equal(small.inserted, 1000);
    assert.equal(lastBackgroundCheckpoint(db), null);
    const rows = BACKGROUND_CHECKPOINT_MIN_ROWS + 5000;
    // A dry run writes nothing, so it asks for no checkpoint either.
    assert.equal((await importBuffer(db, { ...base, data: invoices(rows, 'L'), dryRun: true })).inserted, rows);
    assert.equal(lastBackgroundCheckpoint(db), null);
    const large = await importBuffer(db, { ...base, data: invoices(rows, 'L') });
    assert.deepEqual([large.committed, large.inserted], [true, rows]);
    const outcome = await lastBackgroundCheckpoint(db);
    assert.ok(outcome);
    assert.equal(outcome.error, null);
    assert.ok(outcome.logFrames > 0 && outcome.checkpointedFrames === outcome.logFrames);
    const stored = await db.kysely
      .selectFrom('invoices')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    assert.equal(Number(stored?.n), rows + 1000);
  } finally {
    await db.close();
  }
  assert.equal(existsSync(`${path}-wal`), false);
});

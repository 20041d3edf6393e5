import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SAMPLE_ORDER } from '../../fixtures/samples/data.js';
import type { TableName } from '../db/bulk.js';
import type { Db } from '../db/connection.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { TABLE_ORDER } from '../db/schema.js';
import { createOrganisation } from '../db/stores/organisations.js';
import { describeEachDialect } from '../db/test-support.js';
import { WORKER_MIN_BYTES } from './import-file.js';
import { importBuffer, importFile } from './index.js';
import { DEFAULT_MAPPING } from './mapping.js';
import { openOnWorker, readWorkerIdle, startReadWorker } from './read-on-worker.js';
import { SAMPLES_DIR } from './test-helpers.js';
import type { ImportKind, ImportReport } from './types.js';
import { workerKind } from './worker-kinds.js';

const THREAD = 'org-thread';
const WORKER = 'org-worker';
const MALFORMED = join(SAMPLES_DIR, 'malformed');

/**
 * An organisation's rows in every table that has an org_id (tables in the order of TABLE_ORDER),
 * comparable across organisations: ids and org ids left out, references replaced by the referenced
 * row's code, number or name.
 */
async function contents(db: Db, orgId: string): Promise<Record<string, string[]>> {
  const names = new Map<string, string>();
  const named = async (table: TableName, column: string) => {
    const rows = (await db.kysely
      .selectFrom(table)
      .select(['id' as never, column as never])
      .where('org_id' as never, '=', orgId as never)
      .execute()) as Record<string, string>[];
    for (const r of rows) names.set(r.id as string, `${table}:${r[column]}`);
  };
  for (const t of ['customers', 'suppliers'] as const) await named(t, 'code');
  for (const t of ['invoices', 'bills', 'receipts', 'payments'] as const) await named(t, 'number');
  await named('bank_accounts', 'name');
  const withOrg = new Set(
    (await db.kysely.introspection.getTables())
      .filter((t) => t.columns.some((c) => c.name === 'org_id'))
      .map((t) => t.name),
  );
  const out: Record<string, string[]> = {};
  for (const table of TABLE_ORDER.filter((t) => withOrg.has(t))) {
    const rows = (await db.kysely
      .selectFrom(table)
      .selectAll()
      .where('org_id' as never, '=', orgId as never)
      .execute()) as Record<string, unknown>[];
    out[table] = rows
      .map((r) =>
        JSON.stringify(
          Object.entries(r)
            .filter(([k]) => k !== 'id' && k !== 'org_id')
            .map(([k, v]) => [k, typeof v === 'string' ? (names.get(v) ?? v) : v])
            .sort(([a], [b]) => String(a).localeCompare(String(b))),
        ),
      )
      .sort();
  }
  return out;
}

function summary(r: ImportReport) {
  return {
    rowsRead: r.rowsRead,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    committed: r.committed,
    problems: r.problems.map((p) => `${p.row}:${p.column}:${p.code}:${p.value}:${p.expected}:${p.message}`),
  };
}

describeEachDialect('import: reading on a worker thread', (open) => {
  let db: Db;
  const both = async (read: (orgId: string, worker: boolean) => Promise<ImportReport>) => {
    const thread = await read(THREAD, false);
    const worker = await read(WORKER, true);
    assert.deepEqual(summary(worker), summary(thread));
    return worker;
  };
  before(async () => {
    db = await open();
    for (const id of [THREAD, WORKER])
      await createOrganisation(db, { id, name: id, baseCurrency: 'CNY', createdAt: '2025-01-01T00:00:00Z' });
  });
  after(async () => db.close());

  test('every sample gives the same report and the same rows on a worker as on this thread', async () => {
    for (const file of [(k: string) => `${k}.en.csv`, (k: string) => `${k}.zh.gbk.csv`]) {
      for (const kind of SAMPLE_ORDER) {
        for (const dryRun of [true, false]) {
          const r = await both((orgId, worker) =>
            importFile(db, { orgId, kind, path: join(SAMPLES_DIR, file(kind)), locale: 'zh-CN', worker, dryRun }),
          );
          assert.equal(r.problems.length, 0, `${kind}: ${r.problems[0]?.message}`);
        }
      }
    }
    assert.deepEqual(await contents(db, WORKER), await contents(db, THREAD));
  });

  test('a corrected file updates the same rows; a re-import changes nothing', async () => {
    const text = readFileSync(join(SAMPLES_DIR, 'invoices.en.csv'), 'utf8');
    const lines = text.split('\n');
    // The first data row's amount cell raised by one yuan.
    const cells = (lines[1] as string).split(',');
    const amountAt = (lines[0] as string).split(',').indexOf('amount');
    cells[amountAt] = String(Number(cells[amountAt]) + 1);
    lines[1] = cells.join(',');
    const data = Buffer.from(lines.join('\n'));
    const r = await both((orgId, worker) =>
      importBuffer(db, { orgId, kind: 'invoices', fileName: 'invoices.csv', data, locale: 'en', worker }),
    );
    assert.deepEqual([r.inserted, r.updated], [0, 1]);
    const again = await both((orgId, worker) =>
      importBuffer(db, { orgId, kind: 'invoices', fileName: 'invoices.csv', data, locale: 'en', worker }),
    );
    assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, again.rowsRead]);
    assert.deepEqual(await contents(db, WORKER), await contents(db, THREAD));
  });

  test('malformed files give the same problems and write nothing', async () => {
    const before = await contents(db, WORKER);
    for (const file of [
      'missing-column.csv',
      'unknown-column.csv',
      'bad-date.csv',
      'bad-amount.csv',
      'unknown-currency.csv',
      'unknown-customer.csv',
      'duplicate-number.csv',
      'negative-amount.csv',
      'due-before-issue.csv',
      'header-only.csv',
      'binary-junk.csv',
    ]) {
      const r = await both((orgId, worker) =>
        importFile(db, { orgId, kind: 'invoices', path: join(MALFORMED, file), locale: 'zh-CN', worker }),
      );
      assert.equal(r.committed, false, file);
      assert.equal(r.problems.length, 1, file);
    }
    assert.deepEqual(await contents(db, WORKER), before);
  });

  test('a problem in a late batch rolls back the batches written before it', async () => {
    const before = await contents(db, WORKER);
    const rows = ['number,customer_code,issued_on,amount'];
    for (let i = 0; i < 5000; i++) rows.push(`LATE-${i},C001,2025-08-01,${100 + i}`);
    rows.push('LATE-X,C001,2025-13-01,1');
    const data = Buffer.from(rows.join('\n'));
    const r = await both((orgId, worker) =>
      importBuffer(db, { orgId, kind: 'invoices', fileName: 'late.csv', data, locale: 'en', worker }),
    );
    assert.deepEqual(
      r.problems.map((p) => [p.row, p.code]),
      [[5002, 'IMPORT_BAD_DATE']],
    );
    assert.deepEqual(await contents(db, WORKER), before);
  });
});

test('with a worker started, a file of 4 MiB or more is read on it unasked, a smaller one on this thread', async () => {
  const db = await openDatabase({ url: ':memory:' });
  try {
    await migrateToLatest(db);
    await createOrganisation(db, { id: WORKER, name: WORKER, baseCurrency: 'CNY', createdAt: '2025-01-01T00:00:00Z' });
    await importBuffer(db, {
      orgId: WORKER,
      kind: 'customers',
      fileName: 'c.csv',
      data: Buffer.from('code,name\nC1,甲\n'),
      locale: 'en',
    });
    startReadWorker();
    const PAD = 'X'.repeat(40);
    const lines = ['number,customer_code,issued_on,amount,external_id'];
    for (let i = 0; lines.length < 60_000; i++)
      lines.push(`N${i},C1,2025-08-01,${1000 + i}.25,EXTERNAL-REFERENCE-${i}-${PAD}`);
    const large = Buffer.from(lines.join('\n'));
    const small = Buffer.from(lines.slice(0, 1000).join('\n').replaceAll(',N', ',S').replace(/^N/gm, 'S'));
    assert.ok(large.length >= WORKER_MIN_BYTES && small.length < WORKER_MIN_BYTES);
    // While a read runs on the only worker, no worker is idle.
    for (const [data, onWorker] of [
      [large, true],
      [small, false],
    ] as const) {
      const idleWhileReading: boolean[] = [];
      const r = await importBuffer(db, {
        orgId: WORKER,
        kind: 'invoices',
        fileName: 'i.csv',
        data,
        locale: 'en',
        onProgress: () => idleWhileReading.push(readWorkerIdle()),
      });
      assert.deepEqual([r.committed, r.inserted], [true, data === large ? 59_999 : 999]);
      assert.ok(idleWhileReading.length > 0 && idleWhileReading.every((idle) => idle === !onWorker));
      assert.equal(readWorkerIdle(), true);
    }
  } finally {
    await db.close();
  }
});

describeEachDialect('import: read worker failures', (open) => {
  let db: Db;
  before(async () => {
    db = await open();
    await createOrganisation(db, { id: WORKER, name: WORKER, baseCurrency: 'CNY', createdAt: '2025-01-01T00:00:00Z' });
  });
  after(async () => db.close());

  test('only kinds whose reading needs no database and keeps its state are read on a worker', () => {
    const kinds: ImportKind[] = ['customers', 'suppliers', 'invoices', 'bills', 'financial-statements', 'legal-events'];
    for (const kind of SAMPLE_ORDER) assert.equal(workerKind(kind) !== undefined, kinds.includes(kind), kind);
  });

  test('an error inside the worker fails the import with its message, and the next import still works', async () => {
    const opened = await openOnWorker({
      kind: 'receipts',
      orgId: WORKER,
      fileName: 'receipts.en.csv',
      file: { path: join(SAMPLES_DIR, 'receipts.en.csv') },
      mapping: DEFAULT_MAPPING,
      baseCurrency: 'CNY',
    });
    assert.ok(opened.ok);
    await assert.rejects(opened.value.rows(null).next(), /import read worker: cannot read receipts/);
    const r = await importFile(db, {
      orgId: WORKER,
      kind: 'customers',
      path: join(SAMPLES_DIR, 'customers.en.csv'),
      locale: 'en',
      worker: true,
    });
    assert.deepEqual([r.committed, r.problems.length], [true, 0]);
  });

  test('a file that cannot be opened is reported as on this thread, and the worker is kept', async () => {
    startReadWorker();
    const r = await importBuffer(db, {
      orgId: WORKER,
      kind: 'invoices',
      fileName: 'junk.csv',
      data: Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0, 1, 2, 0x0a]),
      locale: 'en',
      worker: true,
    });
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['IMPORT_BINARY_FILE'],
    );
    assert.equal(readWorkerIdle(), true);
  });
});

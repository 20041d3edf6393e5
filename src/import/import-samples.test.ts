import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SAMPLE_ORDER, SAMPLES } from '../../fixtures/samples/data.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { exportRows, importFile } from './index.js';
import { dumpAll, ORG, openWithOrg, SAMPLES_DIR } from './test-helpers.js';

const FORMATS = [
  { name: 'UTF-8 CSV, English headers', file: (k: string) => `${k}.en.csv` },
  { name: 'GBK CSV, Chinese headers', file: (k: string) => `${k}.zh.gbk.csv` },
  { name: 'XLSX, Chinese headers', file: (k: string) => `${k}.zh.xlsx` },
];

async function importAll(db: Db, file: (k: string) => string) {
  const reports = [];
  for (const kind of SAMPLE_ORDER) {
    reports.push(await importFile(db, { orgId: ORG, kind, path: join(SAMPLES_DIR, file(kind)), locale: 'en' }));
  }
  return reports;
}

for (const format of FORMATS) {
  describeEachDialect(`import samples: ${format.name}`, (open) => {
    let db: Db;
    before(async () => {
      db = await openWithOrg(open);
    });
    after(async () => db.close());

    test('imports every kind, then re-importing changes nothing', async () => {
      for (const r of await importAll(db, format.file)) {
        assert.deepEqual(r.problems, [], `${r.kind}: ${r.problems.map((p) => p.message).join('\n')}`);
        assert.equal(r.committed, true);
        assert.equal(r.inserted, SAMPLES[r.kind as keyof typeof SAMPLES].length, r.kind);
      }
      const before = await dumpAll(db);
      for (const r of await importAll(db, format.file)) {
        assert.deepEqual([r.inserted, r.updated, r.unchanged], [0, 0, r.rowsRead], r.kind);
      }
      assert.deepEqual(await dumpAll(db), before);
    });

    test('stores the values as read (amounts in fen, Chinese dates, allocations oldest first)', async () => {
      const inv = await db.kysely
        .selectFrom('invoices')
        .selectAll()
        .where('number', '=', 'INV-2025-0001')
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [inv.amount_minor, inv.tax_minor, inv.issued_on, inv.due_on],
        [11_300_000, 1_300_000, '2025-06-10', '2025-08-09'],
      );
      const allocations = await db.kysely
        .selectFrom('receipt_allocations as a')
        .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
        .select(['i.number', 'a.amount_minor'])
        .orderBy('i.number')
        .execute();
      // 150,000.00 to INV-0001 (113,000 less a 3,000 credit note = 110,000 open) then 40,000 to INV-0002.
      assert.deepEqual(allocations, [
        { number: 'INV-2025-0001', amount_minor: 11_000_000 },
        { number: 'INV-2025-0002', amount_minor: 4_000_000 },
      ]);
      const accounts = await db.kysely
        .selectFrom('bank_accounts')
        .select(['name', 'currency'])
        .orderBy('name')
        .execute();
      assert.deepEqual(
        accounts.map((a) => `${a.name}:${a.currency}`),
        ['中国银行欧元户:EUR', '招商银行基本户:CNY'],
      );
    });

    test('export then import round-trips unchanged, in CSV and XLSX, English and Chinese headers', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cg-export-'));
      try {
        const before = await dumpAll(db);
        for (const kind of SAMPLE_ORDER) {
          for (const [ext, headers] of [
            ['csv', 'en'],
            ['xlsx', 'zh'],
          ] as const) {
            const path = join(dir, `${kind}.${ext}`);
            const written = await exportRows(db, { orgId: ORG, kind, path, headers });
            assert.ok(written.ok && written.value.rows === SAMPLES[kind].length, `${kind} ${ext}`);
            const r = await importFile(db, { orgId: ORG, kind, path, locale: 'zh-CN' });
            assert.deepEqual(r.problems, [], `${kind} ${ext}`);
            assert.deepEqual([r.inserted, r.updated, r.unchanged], [0, 0, SAMPLES[kind].length], `${kind} ${ext}`);
          }
        }
        assert.deepEqual(await dumpAll(db), before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tenMegabyteLine } from '../../fixtures/samples/malformed-samples.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { importBuffer, importFile } from './index.js';
import { dumpAll, ORG, openWithOrg, SAMPLES_DIR } from './test-helpers.js';

const MALFORMED = join(SAMPLES_DIR, 'malformed');

/** File, expected problem code, its row and column (null when file-level). */
const CASES: [string, string, number | null, string | null][] = [
  ['missing-column.csv', 'IMPORT_MISSING_COLUMN', 1, 'amount'],
  ['unknown-column.csv', 'IMPORT_UNKNOWN_COLUMN', 1, 'salesman'],
  ['bad-date.csv', 'IMPORT_BAD_DATE', 3, 'issued_on'],
  ['bad-amount.csv', 'IMPORT_BAD_AMOUNT', 3, 'amount'],
  ['unknown-currency.csv', 'UNKNOWN_CURRENCY', 3, 'currency'],
  ['unknown-customer.csv', 'UNKNOWN_CUSTOMER', 3, 'customer_code'],
  ['duplicate-number.csv', 'IMPORT_DUPLICATE_KEY', 3, 'number'],
  ['negative-amount.csv', 'NOT_POSITIVE', 3, 'amount'],
  ['due-before-issue.csv', 'DUE_BEFORE_ISSUE', 3, 'due_on'],
  ['empty.csv', 'IMPORT_EMPTY_FILE', null, null],
  ['header-only.csv', 'IMPORT_NO_ROWS', null, null],
  ['binary-junk.csv', 'IMPORT_BINARY_FILE', null, null],
  ['truncated.xlsx', 'IMPORT_XLSX_UNREADABLE', null, null],
];

describeEachDialect('import: malformed files', (open) => {
  let db: Db;
  before(async () => {
    db = await openWithOrg(open);
    const r = await importFile(db, {
      orgId: ORG,
      kind: 'customers',
      path: join(SAMPLES_DIR, 'customers.en.csv'),
      locale: 'en',
    });
    assert.equal(r.committed, true);
  });
  after(async () => db.close());

  for (const [file, code, row, column] of CASES) {
    test(`${file}: ${code}, one line, nothing written`, async () => {
      const before = await dumpAll(db);
      for (const locale of ['en', 'zh-CN'] as const) {
        const r = await importFile(db, { orgId: ORG, kind: 'invoices', path: join(MALFORMED, file), locale });
        assert.equal(r.committed, false);
        assert.deepEqual(
          r.problems.map((p) => [p.code, p.row, p.column]),
          [[code, row, column]],
        );
        const message = r.problems[0]?.message ?? '';
        assert.ok(!message.includes('\n') && !message.includes(code), message);
      }
      assert.deepEqual(await dumpAll(db), before);
    });
  }

  test('a 10 MB line is reported, not parsed', async () => {
    const before = await dumpAll(db);
    const r = await importBuffer(db, {
      orgId: ORG,
      kind: 'invoices',
      fileName: 'huge.csv',
      data: tenMegabyteLine(),
      locale: 'en',
    });
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.row]),
      [['IMPORT_ROW_TOO_LONG', 2]],
    );
    assert.deepEqual(await dumpAll(db), before);
  });

  test('lists every problem of every row, and a dry run writes nothing even when all is valid', async () => {
    const text =
      'number,customer_code,issued_on,due_on,amount,currency\nA1,C001,2025-8-1,2025-9-1,1.234,CNY\nA2,C404,31/02/2025,,abc,CNY\n';
    const r = await importBuffer(db, {
      orgId: ORG,
      kind: 'invoices',
      fileName: 'x.csv',
      data: Buffer.from(text),
      locale: 'en',
    });
    assert.deepEqual(
      r.problems.map((p) => `${p.row}:${p.column}:${p.code}`),
      [
        '2:amount:IMPORT_TOO_MANY_DECIMALS',
        '3:issued_on:IMPORT_BAD_DATE',
        '3:amount:IMPORT_BAD_AMOUNT',
        '3:customer_code:UNKNOWN_CUSTOMER',
      ],
    );
    const before = await dumpAll(db);
    const dry = await importFile(db, {
      orgId: ORG,
      kind: 'invoices',
      path: join(SAMPLES_DIR, 'invoices.en.csv'),
      locale: 'en',
      dryRun: true,
    });
    assert.deepEqual([dry.committed, dry.inserted, dry.problems.length], [false, 5, 0]);
    assert.deepEqual(await dumpAll(db), before);
  });
});

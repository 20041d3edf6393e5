import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { Db } from '../db/connection.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { describeEachDialect } from '../db/test-support.js';
import { importBuffer } from '../import/index.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startApi } from './test-support.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * One malformed set of writes through every entrance that writes it: an imported file (the
 * importer), the records API and the command line (`cashguard import`). Each is refused by all
 * three with the same code: one core rule, one validation path.
 */
const CASES: {
  name: string;
  kind: 'invoices' | 'receipts';
  csv: string;
  api: Record<string, unknown>;
  code: string;
}[] = [
  {
    name: 'an invoice due before its issue date',
    kind: 'invoices',
    csv: 'number,customer_code,issued_on,due_on,amount,currency\nM1,C1,2026-03-10,2026-02-01,100.00,CNY\n',
    api: { number: 'M1', issuedOn: '2026-03-10', dueOn: '2026-02-01', amountMinor: 10000, currency: 'CNY' },
    code: 'DUE_BEFORE_ISSUE',
  },
  {
    name: 'a negative invoice amount',
    kind: 'invoices',
    csv: 'number,customer_code,issued_on,due_on,amount,currency\nM2,C1,2026-03-10,2026-04-10,-100.00,CNY\n',
    api: { number: 'M2', issuedOn: '2026-03-10', dueOn: '2026-04-10', amountMinor: -10000, currency: 'CNY' },
    code: 'NOT_POSITIVE',
  },
  {
    name: 'an unknown currency',
    kind: 'invoices',
    csv: 'number,customer_code,issued_on,due_on,amount,currency\nM3,C1,2026-03-10,2026-04-10,100.00,XYZ\n',
    api: { number: 'M3', issuedOn: '2026-03-10', dueOn: '2026-04-10', amountMinor: 10000, currency: 'XYZ' },
    code: 'UNKNOWN_CURRENCY',
  },
  {
    name: 'an unknown customer',
    kind: 'invoices',
    csv: 'number,customer_code,issued_on,due_on,amount,currency\nM4,NOPE,2026-03-10,2026-04-10,100.00,CNY\n',
    api: {
      number: 'M4',
      issuedOn: '2026-03-10',
      dueOn: '2026-04-10',
      amountMinor: 10000,
      currency: 'CNY',
      customerId: 'NOPE',
    },
    code: 'UNKNOWN_CUSTOMER',
  },
  {
    name: 'a receipt against an invoice of another currency',
    kind: 'receipts',
    csv: 'number,customer_code,received_on,amount,currency,invoice_numbers\nR1,C1,2026-03-20,1.00,USD,OK1\n',
    api: {
      number: 'R1',
      receivedOn: '2026-03-20',
      amountMinor: 100,
      currency: 'USD',
      allocations: [{ amountMinor: 100 }],
    },
    code: 'CURRENCY_MISMATCH',
  },
];

describeEachDialect('one validation path: import, records API and command line refuse alike', (open) => {
  let db: Db;
  let api: Running;
  let finance: Client;
  let dir: string;
  let dbUrl: string;
  let customerId: string;
  let invoiceId: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cg-one-path-'));
    const opened = await open();
    // The command line opens the database by URL: SQLite in a file here, the suite's PostgreSQL database there.
    if (opened.dialect === 'sqlite') {
      await opened.close();
      dbUrl = join(dir, 'one.db');
      db = await openDatabase({ url: dbUrl });
      await migrateToLatest(db);
    } else {
      db = opened;
      dbUrl = opened.location;
    }
    await seedOrganisation(db, 'orga', 'Org A');
    api = await startApi(db);
    finance = await login(api.url, 'finance@orga.test');
    const c = await finance.call('POST', '/api/v1/customers', { code: 'C1', name: 'Customer One' });
    customerId = (c.body as { id: string }).id;
    const inv = await finance.call('POST', '/api/v1/invoices', {
      customerId,
      number: 'OK1',
      issuedOn: '2026-03-01',
      dueOn: '2026-03-31',
      amountMinor: 10000,
      currency: 'CNY',
    });
    assert.equal(inv.status, 201, inv.text);
    invoiceId = (inv.body as { id: string }).id;
  });
  after(async () => {
    await api.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    test(`${c.name}: ${c.code} from all three`, async () => {
      const imported = await importBuffer(db, {
        orgId: 'orga',
        kind: c.kind,
        fileName: 'm.csv',
        data: Buffer.from(c.csv),
        locale: 'en',
      });
      assert.deepEqual(
        imported.problems.map((p) => p.code),
        [c.code],
        JSON.stringify(imported.problems),
      );

      const body: Record<string, unknown> = { ...c.api };
      if (c.kind === 'invoices' && body.customerId === undefined) body.customerId = customerId;
      if (c.kind === 'receipts') {
        body.customerId = customerId;
        body.allocations = [{ invoiceId, amountMinor: 100 }];
      }
      const res = await finance.call('POST', `/api/v1/${c.kind}`, body, { 'accept-language': 'en' });
      assert.equal(errorCode(res), c.code, res.text);
      // The same message, naming the field each entrance's way (the file's column, the API's field).
      const tail = (m: string) => m.slice(m.indexOf(':') + 1).replace(/"[^"]*"/g, '');
      const apiMessage = (res.body as { error: { message: string } }).error.message;
      if (c.code !== 'UNKNOWN_CURRENCY' && c.code !== 'UNKNOWN_CUSTOMER' && c.code !== 'CURRENCY_MISMATCH')
        assert.equal(tail(imported.problems[0]?.message.split(' ').slice(1).join(' ') ?? ''), tail(apiMessage));

      const file = join(dir, `${c.kind}.csv`);
      await writeFile(file, c.csv);
      const cli = await run(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'src/cli/main.ts'),
          '--db',
          dbUrl,
          '--org',
          'orga',
          '--lang',
          'en',
          'import',
          c.kind,
          file,
          '--json',
        ],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } },
      ).catch((e: { stdout: string; code: number }) => e);
      const report = JSON.parse(cli.stdout) as { problems: { code: string }[] };
      assert.deepEqual(
        report.problems.map((p) => p.code),
        [c.code],
      );
    });
  }

  test('a receipt of 1.00 allocated 9,999.99 is refused by the API as the importer plans it never to be', async () => {
    const res = await finance.call('POST', '/api/v1/receipts', {
      number: 'R9',
      customerId,
      receivedOn: '2026-03-20',
      amountMinor: 100,
      currency: 'CNY',
      allocations: [{ invoiceId, amountMinor: 999_999 }],
    });
    assert.equal(errorCode(res), 'ALLOCATION_EXCEEDS_OPEN');
    const within = await finance.call('POST', '/api/v1/receipts', {
      number: 'R10',
      customerId,
      receivedOn: '2026-03-20',
      amountMinor: 100,
      currency: 'CNY',
      allocations: [{ invoiceId, amountMinor: 200 }],
    });
    assert.equal(errorCode(within), 'ALLOCATIONS_EXCEED_AMOUNT');
  });

  test('JSON fields are stored only in their exact shape, so every report keeps answering', async () => {
    for (const instalments of [
      { a: 1 },
      [1, 'a', null],
      { __proto__: { dueOn: 1 } },
      [{ dueOn: '2026-03-31', amountMinor: 1 }],
    ]) {
      const res = await finance.call('PATCH', `/api/v1/invoices/${invoiceId}`, { instalments });
      assert.equal(res.status, 400, JSON.stringify(instalments));
    }
    const good = await finance.call('PATCH', `/api/v1/invoices/${invoiceId}`, {
      instalments: [
        { dueOn: '2026-03-15', amountMinor: 4000 },
        { dueOn: '2026-03-31', amountMinor: 6000 },
      ],
    });
    assert.equal(good.status, 200, good.text);
    for (const path of [
      '/api/summary?asOf=2026-03-31',
      '/api/v1/reports/aging?asOf=2026-03-31',
      '/api/v1/credit/limits?asOf=2026-03-31',
    ])
      assert.equal((await finance.call('GET', path)).status, 200, path);
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { importBuffer } from './index.js';
import { dumpAll, ORG, openWithOrg } from './test-helpers.js';
import type { ImportKind } from './types.js';

/** Cells a careless user or an attacker puts in a file, beside valid ones. */
const TRICKY = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  '=1+1',
  '\t=1+1',
  '-1',
  '(-5)',
  '1,2,3',
  '$100',
  '€100',
  '¥1,234.50',
  '1 234,50',
  '2026年11月1日',
  '2026-02-28T25:00:00',
  '45900',
  '-5',
  '\uFEFFP1',
  'a\u200bb',
  '"',
  '""',
  ',',
  '\n',
  '9'.repeat(30),
  '2026-02-30',
  'XYZ',
  'CNY',
  'open',
  '已结清',
];

const LAYOUTS: Readonly<Record<string, { header: string[]; valid: () => fc.Arbitrary<string[]> }>> = {
  customers: {
    header: ['code', 'name', 'size_class', 'terms_days', 'currency', 'country'],
    valid: () =>
      fc.tuple(
        fc.stringMatching(/^K[0-9]{1,3}$/),
        fc.constantFrom('华东机械', 'Acme'),
        fc.constantFrom('small', '中型', ''),
        fc.constantFrom('30', '0', '60天'),
        fc.constantFrom('CNY', '人民币', ''),
        fc.constantFrom('CN', '中国', ''),
      ),
  },
  invoices: {
    header: ['number', 'customer_code', 'issued_on', 'due_on', 'amount', 'currency', 'status'],
    valid: () =>
      fc.tuple(
        fc.stringMatching(/^F[0-9]{1,3}$/),
        fc.constantFrom('C1', 'C2'),
        fc.constantFrom('2026-10-01', '2026/10/1'),
        fc.constantFrom('2026-11-30', ''),
        fc.constantFrom('100.00', '¥1,234.50', '1 234,50'),
        fc.constantFrom('CNY', ''),
        fc.constantFrom('open', '已结清', ''),
      ),
  },
  receipts: {
    header: ['number', 'customer_code', 'received_on', 'amount', 'currency', 'invoice_numbers'],
    valid: () =>
      fc.tuple(
        fc.stringMatching(/^R[0-9]{1,3}$/),
        fc.constantFrom('C1', 'C2', ''),
        fc.constantFrom('2026-11-01'),
        fc.constantFrom('50.00', '1,000.00'),
        fc.constantFrom('CNY'),
        fc.constantFrom('BASE1', 'BASE1;BASE2', ''),
      ),
  },
};

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function fileOf(kind: string): fc.Arbitrary<string> {
  const layout = LAYOUTS[kind] as (typeof LAYOUTS)[string];
  const row = fc
    .tuple(
      layout.valid(),
      fc.array(fc.tuple(fc.nat(layout.header.length - 1), fc.constantFrom(...TRICKY)), { maxLength: 2 }),
    )
    .map(([cells, swaps]) => {
      const out = [...cells];
      for (const [at, value] of swaps) out[at] = value;
      return out.map(quote).join(',');
    });
  return fc
    .array(row, { minLength: 1, maxLength: 6 })
    .map((rows) => `${layout.header.join(',')}\n${rows.join('\n')}\n`);
}

describeEachDialect('import fuzz: no crash, no partial write, a dry run and a real run agree', (open) => {
  let db: Db;
  const counts = { files: 0, committed: 0, refused: 0 };
  before(async () => {
    db = await openWithOrg(open);
    const seed = async (kind: ImportKind, text: string) => {
      const r = await importBuffer(db, { orgId: ORG, kind, fileName: 's.csv', data: Buffer.from(text), locale: 'en' });
      assert.equal(r.committed, true, JSON.stringify(r.problems));
    };
    await seed('customers', 'code,name\nC1,One\nC2,Two\n');
    await seed(
      'invoices',
      'number,customer_code,issued_on,amount\nBASE1,C1,2026-09-01,500.00\nBASE2,C1,2026-09-02,500.00\n',
    );
  });
  after(async () => {
    await db.close();
    process.stdout.write(
      `# import fuzz: ${counts.files} files, ${counts.committed} committed, ${counts.refused} refused\n`,
    );
  });

  for (const kind of Object.keys(LAYOUTS) as ImportKind[]) {
    test(`${kind}: seeded random files`, async () => {
      await fc.assert(
        fc.asyncProperty(fileOf(kind), async (text) => {
          counts.files++;
          const data = Buffer.from(text);
          const params = { orgId: ORG, kind, fileName: 'f.csv', data, locale: 'en' as const };
          const stored = await dumpAll(db);
          const dry = await importBuffer(db, { ...params, dryRun: true });
          assert.deepEqual(await dumpAll(db), stored, 'a dry run wrote');
          const real = await importBuffer(db, params);
          assert.deepEqual(
            real.problems.map((p) => `${p.row}:${p.code}`),
            dry.problems.map((p) => `${p.row}:${p.code}`),
            'the dry run and the real run disagree',
          );
          assert.equal(real.committed, real.problems.length === 0);
          if (real.committed) counts.committed++;
          else {
            counts.refused++;
            assert.deepEqual(await dumpAll(db), stored, 'a refused file wrote something');
          }
        }),
        { seed: 20_261_208, numRuns: 40 },
      );
    });
  }
});

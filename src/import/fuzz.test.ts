import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { importBuffer } from './index.js';
import { digestAll, ORG, openWithOrg } from './test-helpers.js';
import { inlineRow, workbookWithRows } from './test-xlsx.js';
import { IMPORT_KIND_NAMES, type ImportKind } from './types.js';

/**
 * A seeded fuzz test over every importer, CSV and XLSX: files of valid rows with a few cells
 * swapped for what a careless user or an attacker puts in a file. For each file: no crash, a dry
 * run writes nothing, the real run reports the same problems as the dry run, and a refused file
 * writes nothing (all or nothing). The counts are printed at the end of each dialect's suite.
 */
const TRICKY = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '=1+1',
  '\t=1+1',
  '-1',
  '(-5)',
  '1,2,3',
  '$100',
  '€100',
  '¥1,234.50',
  '1 234,50',
  '1e5',
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
  '<t>&amp;',
  '9'.repeat(30),
  '2026-02-30',
  'XYZ',
  'CNY',
  'open',
  '已结清',
  'C1',
  'BASE1',
];

type Cells = fc.Arbitrary<string[]>;
const one = (...values: string[]) => fc.constantFrom(...values);
/** Cells that must agree (a receipt's customer and its invoices): chosen together. */
const pair = (...pairs: [string, string][]) => fc.constantFrom(...pairs);
const code = (prefix: string) => fc.stringMatching(new RegExp(`^${prefix}[0-9]{1,3}$`));

/** Each kind's header and a generator of one valid row under it. */
const LAYOUTS: ReadonlyMap<ImportKind, { readonly header: readonly string[]; readonly valid: () => Cells }> = new Map<
  ImportKind,
  { readonly header: readonly string[]; readonly valid: () => Cells }
>([
  [
    'customers',
    {
      header: ['code', 'name', 'size_class', 'terms_days', 'currency', 'country', 'since_on'],
      valid: () =>
        fc.tuple(
          code('K'),
          one('华东机械', 'Acme'),
          one('small', '中型', ''),
          one('30', '0', '60天'),
          one('CNY', '人民币', ''),
          one('CN', '中国', ''),
          one('2020-01-01', ''),
        ),
    },
  ],
  [
    'suppliers',
    {
      header: ['code', 'name', 'country', 'terms_days', 'currency', 'tags'],
      valid: () =>
        fc.tuple(
          code('G'),
          one('上海钢材', 'Steel Ltd'),
          one('CN', ''),
          one('45', '30天', ''),
          one('CNY', ''),
          one('a;b', ''),
        ),
    },
  ],
  [
    'invoices',
    {
      header: ['number', 'customer_code', 'issued_on', 'due_on', 'amount', 'tax', 'currency', 'status', 'disputed'],
      valid: () =>
        fc.tuple(
          code('F'),
          one('C1', 'C2'),
          one('2026-10-01', '2026/10/1'),
          one('2026-11-30', ''),
          one('100.00', '¥1,234.50', '1 234,50'),
          one('0', '10.00', ''),
          one('CNY', ''),
          one('open', '已结清', ''),
          one('是', 'N', ''),
        ),
    },
  ],
  [
    'credit-notes',
    {
      header: ['number', 'customer_code', 'issued_on', 'amount', 'currency', 'invoice_number', 'reason'],
      valid: () =>
        fc
          .tuple(
            code('H'),
            pair(['C1', 'BASE2'], ['C1', ''], ['C2', '']),
            one('2026-10-05'),
            one('10.00', '1.00'),
            one('CNY', ''),
            one('退货', ''),
          )
          .map(([n, [customer, invoice], on, amount, currency, reason]) => [
            n,
            customer,
            on,
            amount,
            currency,
            invoice,
            reason,
          ]),
    },
  ],
  [
    'receipts',
    {
      header: ['number', 'customer_code', 'received_on', 'amount', 'currency', 'invoice_numbers', 'bank_account'],
      valid: () =>
        fc
          .tuple(
            code('R'),
            pair(['C1', 'BASE1'], ['C1', 'BASE1;BASE2'], ['C2', ''], ['', '']),
            one('2026-11-01'),
            one('50.00', '10.00'),
            one('CNY'),
            one('Main account', ''),
          )
          .map(([n, [customer, invoices], on, amount, currency, bank]) => [
            n,
            customer,
            on,
            amount,
            currency,
            invoices,
            bank,
          ]),
    },
  ],
  [
    'bills',
    {
      header: ['number', 'supplier_code', 'issued_on', 'due_on', 'amount', 'tax', 'currency', 'status'],
      valid: () =>
        fc.tuple(
          code('B'),
          one('S1', 'S2'),
          one('2026-10-01', '2026.10.1'),
          one('2026-11-30', ''),
          one('200.00', '￥2,000'),
          one('0', ''),
          one('CNY', ''),
          one('open', '已付', ''),
        ),
    },
  ],
  [
    'payments',
    {
      header: ['number', 'supplier_code', 'paid_on', 'amount', 'currency', 'bill_numbers'],
      valid: () =>
        fc
          .tuple(
            code('P'),
            pair(['S1', 'BBASE1'], ['S1', ''], ['S2', ''], ['', '']),
            one('2026-11-02'),
            one('20.00', '100'),
            one('CNY'),
          )
          .map(([n, [supplier, bill], on, amount, currency]) => [n, supplier, on, amount, currency, bill]),
    },
  ],
  [
    'bank-balances',
    {
      header: ['account', 'balance_on', 'balance', 'currency', 'bank_name'],
      valid: () =>
        fc.tuple(
          one('Main account', 'Second account'),
          fc
            .date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          one('1,000.00', '-50.00', '0'),
          one('CNY', ''),
          one('工商银行', ''),
        ),
    },
  ],
  [
    'fx-rates',
    {
      header: ['rate_on', 'base', 'quote', 'rate'],
      valid: () =>
        fc.tuple(
          fc
            .date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          one('USD', 'EUR'),
          one('CNY'),
          one('7.1', '7.25'),
        ),
    },
  ],
  [
    'financial-statements',
    {
      header: ['customer_code', 'period_end', 'currency', 'revenue', 'ebit', 'total_assets', 'current_liabilities'],
      valid: () =>
        fc.tuple(
          one('C1', 'C2'),
          one('2025-12-31', '2024-12-31', '2023-12-31', '2025-06-30'),
          one('CNY', ''),
          one('1,000,000.00', ''),
          one('-5,000.00', '80000'),
          one('2,000,000.00'),
          one('500000', ''),
        ),
    },
  ],
  [
    'legal-events',
    {
      header: ['customer_code', 'type', 'occurred_on', 'reference', 'amount', 'currency', 'description'],
      valid: () =>
        fc.tuple(
          one('C1', 'C2'),
          one('lawsuit_defendant', '被执行人'),
          one('2026-10-01', '2026-09-15'),
          one('(2026)沪01民初1号', ''),
          one('1000.00', ''),
          one('CNY', ''),
          one('合同纠纷', ''),
        ),
    },
  ],
  [
    'fx-forwards',
    {
      header: [
        'reference',
        'trade_on',
        'value_on',
        'direction',
        'currency',
        'amount',
        'counter_currency',
        'rate',
        'counterparty',
      ],
      valid: () =>
        fc.tuple(
          one('FWD-1', 'FWD-2', '远期-3'),
          one('2026-01-05', '2026-02-10'),
          one('2026-03-31', '2026-06-30'),
          one('sell', '远期结汇', 'buy'),
          one('USD', 'EUR'),
          one('100000.00', '5,000'),
          one('CNY'),
          one('7.05', '7.9'),
          one('Bank of China', '中国银行'),
        ),
    },
  ],
  [
    'recurring-items',
    {
      header: ['name', 'category', 'direction', 'amount', 'currency', 'rule', 'starts_on', 'ends_on'],
      valid: () =>
        fc.tuple(
          one('Rent', '工资'),
          one('rent', '工资', 'other'),
          one('outflow', 'inflow'),
          one('100.00', '8,000'),
          one('CNY', ''),
          one('monthly:15', '每月15日', '每周五'),
          one('2026-01-01'),
          one('2026-12-31', ''),
        ),
    },
  ],
]);

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

/** A file: its data rows (valid rows with up to two cells swapped each), CSV or XLSX. */
function fileOf(kind: ImportKind, format: 'csv' | 'xlsx'): fc.Arbitrary<Buffer> {
  const layout = LAYOUTS.get(kind) as NonNullable<ReturnType<typeof LAYOUTS.get>>;
  // Two files in five as they are; the others with one to three cells swapped.
  const swaps = fc.oneof(
    { arbitrary: fc.constant([]), weight: 2 },
    {
      arbitrary: fc.array(fc.tuple(fc.nat(99), fc.nat(layout.header.length - 1), fc.constantFrom(...TRICKY)), {
        minLength: 1,
        maxLength: 3,
      }),
      weight: 3,
    },
  );
  const rows = fc.tuple(fc.array(layout.valid(), { minLength: 1, maxLength: 4 }), swaps).map(([valid, swapped]) => {
    const out = valid.map((r) => [...r]);
    for (const [r, c, value] of swapped) (out[r % out.length] as string[])[c] = value;
    return out;
  });
  if (format === 'csv')
    return rows.map((rs) => Buffer.from(`${[layout.header, ...rs].map((r) => r.map(quote).join(',')).join('\n')}\n`));
  // A spreadsheet program writes numbers as number cells: half the workbooks do too.
  return fc.tuple(rows, fc.boolean()).map(([rs, numbers]) => {
    const typed = (r: readonly string[]) => r.map((c) => (numbers && NUMBER.test(c) ? Number(c) : c));
    return workbookWithRows([layout.header, ...rs].map((r, i) => inlineRow(i + 1, typed(r))).join(''));
  });
}

const FORMATS = ['csv', 'xlsx'] as const;
const RUNS = 10;

test('the fuzz test covers every import kind', () => {
  assert.deepEqual(
    IMPORT_KIND_NAMES.filter((k) => !LAYOUTS.has(k)),
    [],
  );
});

describeEachDialect('import fuzz: no crash, no partial write, a dry run and a real run agree', (open) => {
  let db: Db;
  const counts = { files: 0, committed: 0, refused: 0, crashes: 0, partialWrites: 0, disagreements: 0 };
  /** Files committed of files tried, per kind and format: the valid paths are walked too. */
  const perKind = new Map<string, [number, number]>();
  before(async () => {
    db = await openWithOrg(open);
    const seed = async (kind: ImportKind, text: string) => {
      const r = await importBuffer(db, { orgId: ORG, kind, fileName: 's.csv', data: Buffer.from(text), locale: 'en' });
      assert.equal(r.committed, true, JSON.stringify(r.problems));
    };
    await seed('customers', 'code,name\nC1,One\nC2,Two\n');
    await seed('suppliers', 'code,name\nS1,One\nS2,Two\n');
    await seed('bank-balances', 'account,balance_on,balance\nMain account,2026-09-30,1000.00\n');
    await seed(
      'invoices',
      'number,customer_code,issued_on,amount\nBASE1,C1,2026-09-01,500.00\nBASE2,C1,2026-09-02,500.00\n',
    );
    await seed('bills', 'number,supplier_code,issued_on,amount\nBBASE1,S1,2026-09-01,500.00\n');
  });
  after(async () => {
    await db.close();
    const c = counts;
    process.stdout.write(
      `# import fuzz (${db.dialect}): ${c.files} files, ${c.committed} committed, ${c.refused} refused, ` +
        `${c.crashes} crashes, ${c.partialWrites} partial writes, ${c.disagreements} dry-run/real disagreements\n` +
        `# committed of tried: ${[...perKind].map(([k, [n, of]]) => `${k} ${n}/${of}`).join(', ')}\n`,
    );
  });

  for (const [k, kind] of IMPORT_KIND_NAMES.entries())
    for (const [f, format] of FORMATS.entries()) {
      test(`${kind} ${format}: seeded random files`, async () => {
        let stored = await digestAll(db);
        await fc.assert(
          fc.asyncProperty(fileOf(kind, format), async (data) => {
            counts.files++;
            const tally = perKind.get(`${kind} ${format}`) ?? [0, 0];
            perKind.set(`${kind} ${format}`, tally);
            tally[1]++;
            const params = { orgId: ORG, kind, fileName: `f.${format}`, data, locale: 'en' as const };
            const both = await Promise.resolve()
              .then(async () => {
                const dry = await importBuffer(db, { ...params, dryRun: true });
                const afterDry = await digestAll(db);
                const real = await importBuffer(db, params);
                return { dry, afterDry, real };
              })
              .catch((error: unknown) => {
                counts.crashes++;
                throw error;
              });
            const { dry, afterDry, real } = both;
            if (JSON.stringify(afterDry) !== JSON.stringify(stored)) counts.partialWrites++;
            assert.deepEqual(afterDry, stored, 'a dry run wrote');
            const problems = (r: typeof real) => r.problems.map((p) => `${p.row}:${p.column}:${p.code}`);
            if (JSON.stringify(problems(real)) !== JSON.stringify(problems(dry))) counts.disagreements++;
            assert.deepEqual(problems(real), problems(dry), 'the dry run and the real run disagree');
            assert.equal(real.committed, real.problems.length === 0);
            const afterReal = await digestAll(db);
            if (real.committed) {
              counts.committed++;
              tally[0]++;
              stored = afterReal;
              return;
            }
            counts.refused++;
            if (JSON.stringify(afterReal) !== JSON.stringify(stored)) counts.partialWrites++;
            assert.deepEqual(afterReal, stored, 'a refused file wrote something');
          }),
          { seed: 20_261_208 + 2 * k + f, numRuns: RUNS },
        );
      });
    }
});

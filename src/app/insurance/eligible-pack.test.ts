import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertRows } from '../../db/bulk.js';
import type { Db } from '../../db/connection.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { describeEachDialect } from '../../db/test-support.js';
import { eligiblePack, eligibleWorkbook } from './eligible-pack.js';

const asOf = '2026-12-08';

/**
 * A hand-built book under one policy (insured 90 %, maximum extension 60 days, loss payee a bank):
 * eligible: I1 (CNY), I2 (USD), I6, and I8 only up to what is left of C3's limit;
 * excluded: I3 (no limit: not insured), I4 (84 days past due > 60), I5 (insured but disputed), I7 (paid).
 */
async function seed(db: Db): Promise<void> {
  await createOrganisation(db, { id: 'o1', name: 'Org', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await insertRows(db, 'customers', [
    { org_id: 'o1', id: 'c1', code: 'C1', name: '甲公司' },
    { org_id: 'o1', id: 'c2', code: 'C2', name: '乙公司' },
    { org_id: 'o1', id: 'c3', code: 'C3', name: '丙公司' },
  ]);
  await insertRows(db, 'fx_rates', [{ org_id: 'o1', rate_on: '2026-12-01', base: 'USD', quote: 'CNY', rate: 7.1 }]);
  const inv = { org_id: 'o1', tax_minor: 0, external_id: null, channel: null, is_disputed: 0 };
  const row = (id: string, customer: string, issued: string, due: string, currency: string, amount: number) => ({
    ...inv,
    id,
    customer_id: customer,
    number: `N-${id}`,
    issued_on: issued,
    due_on: due,
    currency,
    amount_minor: amount,
  });
  await insertRows(db, 'invoices', [
    row('i1', 'c1', '2026-10-01', '2026-12-30', 'CNY', 12_345_678),
    row('i2', 'c1', '2026-11-01', '2026-12-31', 'USD', 1_000_000),
    row('i3', 'c2', '2026-11-05', '2027-01-04', 'CNY', 5_000_000),
    row('i4', 'c1', '2026-08-01', '2026-09-15', 'CNY', 2_000_000),
    { ...row('i5', 'c1', '2026-11-10', '2027-01-09', 'CNY', 3_000_001), is_disputed: 1 },
    row('i6', 'c3', '2026-10-15', '2026-12-14', 'CNY', 777_777),
    row('i7', 'c1', '2026-09-01', '2026-10-31', 'CNY', 4_000_000),
    row('i8', 'c3', '2026-10-20', '2026-12-19', 'CNY', 60_000_000),
  ]);
  await insertRows(db, 'receipts', [
    {
      org_id: 'o1',
      id: 'r1',
      number: 'R1',
      customer_id: 'c1',
      received_on: '2026-10-30',
      currency: 'CNY',
      amount_minor: 4_000_000,
      reference: null,
      bank_account_id: null,
      external_id: null,
    },
  ]);
  await insertRows(db, 'receipt_allocations', [
    { org_id: 'o1', receipt_id: 'r1', invoice_id: 'i7', amount_minor: 4_000_000 },
  ]);
  await insertRows(db, 'insurance_policies', [
    {
      org_id: 'o1',
      id: 'p1',
      insurer: 'Allianz Trade',
      policy_number: 'AT-2026-001',
      currency: 'CNY',
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
      terms: JSON.stringify({ insuredPctCommercial: 0.9, maxExtensionDays: 60 }),
      loss_payee: '中国银行上海分行',
      loss_payee_type: 'loss_payee',
      financed_share: 0.8,
    },
  ]);
  const limit = (customer: string, limitMinor: number) => ({
    org_id: 'o1',
    policy_id: 'p1',
    customer_id: customer,
    kind: 'insurer_limit',
    currency: 'CNY',
    limit_minor: limitMinor,
    effective_from: '2026-01-01',
    cancelled_on: null,
  });
  await insertRows(db, 'insured_buyer_limits', [limit('c1', 100_000_000), limit('c3', 50_000_000)]);
}

describeEachDialect('eligible-receivables pack', (open) => {
  test('exactly the eligible invoices, one excluded for each reason, totals per currency to the fen', async () => {
    const db = await open();
    try {
      await seed(db);
      const r = await eligiblePack(db, { orgId: 'o1', asOf });
      assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
      const p = r.value;
      assert.deepEqual(
        p.eligible.map((l) => [l.number, l.currency, l.openMinor, l.coveredMinor, l.insuredMinor, l.limitMinor]),
        [
          // 12,345,678 × 0.9 = 11,111,110.2 → 11,111,110 fen.
          ['N-i1', 'CNY', 12_345_678, 12_345_678, 11_111_110, 100_000_000],
          ['N-i2', 'USD', 1_000_000, 1_000_000, 900_000, 100_000_000],
          ['N-i6', 'CNY', 777_777, 777_777, 699_999, 50_000_000],
          // The oldest first use the limit: 500,000.00 − 7,777.77 left for I8; × 0.9 = 44,300,000.7 → 44,300,001.
          ['N-i8', 'CNY', 60_000_000, 49_222_223, 44_300_001, 50_000_000],
        ],
      );
      assert.deepEqual(p.excluded.map((l) => [l.number, l.reasons]).sort(), [
        ['N-i3', ['ELIG_NOT_INSURED']],
        ['N-i4', ['ELIG_OVERDUE_BEYOND_LIMIT']],
        ['N-i5', ['ELIG_DISPUTED']],
      ]);
      assert.deepEqual(p.totals, [
        { currency: 'CNY', count: 3, openMinor: 73_123_455, insuredMinor: 56_111_110 },
        { currency: 'USD', count: 1, openMinor: 1_000_000, insuredMinor: 900_000 },
      ]);
      assert.equal(p.policy.lossPayee, '中国银行上海分行');

      // The workbook read back holds the same invoices and totals, headers in the user's language.
      const { Workbook } = (await import('exceljs')).default;
      for (const [locale, header, summaryName] of [
        ['zh-CN', '发票号', '汇总'],
        ['en', 'Invoice number', 'Summary'],
      ] as const) {
        const wb = new Workbook();
        await wb.xlsx.load((await eligibleWorkbook(p, locale)) as unknown as ArrayBuffer);
        const [list, summary] = wb.worksheets;
        assert.ok(list && summary);
        assert.equal(summary.name, summaryName);
        assert.equal(list.getRow(1).getCell(3).value, header);
        const rows: unknown[][] = [];
        list.eachRow((r, n) => {
          if (n > 1) rows.push((r.values as unknown[]).slice(1));
        });
        const fen = (v: unknown) => Math.round(Number(v) * 100);
        assert.deepEqual(
          rows.map((x) => [x[2], x[6], fen(x[5]), fen(x[8]), x[7], x[9], x[11]]),
          [
            ['N-i1', 'CNY', 12_345_678, 11_111_110, 0.9, 'AT-2026-001', '中国银行上海分行'],
            ['N-i2', 'USD', 1_000_000, 900_000, 0.9, 'AT-2026-001', '中国银行上海分行'],
            ['N-i6', 'CNY', 777_777, 699_999, 0.9, 'AT-2026-001', '中国银行上海分行'],
            ['N-i8', 'CNY', 60_000_000, 44_300_001, 0.9, 'AT-2026-001', '中国银行上海分行'],
          ],
        );
        assert.deepEqual(rows[0]?.slice(0, 2), ['C1', '甲公司']);
        assert.deepEqual(rows[0]?.slice(3, 5), ['2026-10-01', '2026-12-30']);
        const sums: unknown[][] = [];
        summary.eachRow((r) => {
          sums.push((r.values as unknown[]).slice(1));
        });
        assert.deepEqual(sums[0], [locale === 'en' ? 'As of' : '截至日期', asOf]);
        assert.deepEqual(sums[3]?.[1], '中国银行上海分行');
        const totals = sums.slice(5).map((x) => [x[0], x[1], fen(x[2]), fen(x[3])]);
        assert.deepEqual(totals, [
          ['CNY', 3, 73_123_455, 56_111_110],
          ['USD', 1, 1_000_000, 900_000],
        ]);
      }
    } finally {
      await db.close();
    }
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { unwrap } from '../shared/index.js';
import { computeLiquidity } from './balance-sheet.js';
import { computeReceivablesMetrics } from './metrics.js';
import type { PayablesLedger } from './payables-ledger.js';
import { invoice, writeOff } from './test-support.js';

// March 2026. Sales: 93,000 invoiced 03-05, due 04-04 (not yet due on 03-31), of which 3,000 on
// a second invoice written off 03-30. Bills: 60,000 issued 03-01, 15,000 paid 03-20 → AP 45,000.
const ledger = {
  invoices: [
    invoice({ id: 's', issuedOn: '2026-03-05', dueOn: '2026-04-04', amountMinor: 90_000 }),
    invoice({ id: 'w', customerId: 'c2', issuedOn: '2026-03-05', dueOn: '2026-04-04', amountMinor: 3_000 }),
  ],
  settlements: [writeOff('w', '2026-03-30', 3_000)],
};
const payables: PayablesLedger = {
  bills: [
    {
      id: 'b1',
      supplierId: 's1',
      number: 'B1',
      issuedOn: '2026-03-01',
      dueOn: '2026-04-30',
      currency: 'CNY',
      amountMinor: 60_000,
      status: 'open',
    },
  ],
  payments: [{ billId: 'b1', on: '2026-03-20', amountMinor: 15_000 }],
};
const sheet = {
  monthEnd: '2026-03-31',
  currency: 'CNY',
  currentAssets: 300_000,
  currentLiabilities: 200_000,
  cash: 50_000,
  shortTermInvestments: 10_000,
  receivables: 100_000,
  inventory: 90_000,
  cogs: 93_000,
};

test('working capital, current and quick ratio from the company balance sheet', () => {
  assert.deepEqual(computeLiquidity(sheet), { workingCapital: 100_000, currentRatio: 1.5, quickRatio: 0.8 });
});

test('DPO, DIO, CCC and the bad-debt ratio of the month', () => {
  const report = unwrap(
    computeReceivablesMetrics(ledger, {
      asOf: '2026-03-31',
      months: 2,
      base: { currency: 'CNY', fx: new FxTable([]) },
      payables,
      balanceSheets: [sheet],
    }),
  );
  const [feb, march] = report.months;
  assert.equal(feb?.dpo, null); // no balance sheet for February
  assert.equal(march?.ap, 45_000);
  assert.equal(march?.dpo, 15); // 45,000 / 93,000 × 31
  assert.equal(march?.dio, 30); // 90,000 / 93,000 × 31
  // AR 90,000 against March sales 93,000: countback 31 × 90/93 = 30 days; CCC = 30 + 30 − 15.
  assert.equal(march?.dso.countback, 30);
  assert.equal(march?.ccc, 45);
  assert.equal(march?.currentRatio, 1.5);
  assert.ok(Math.abs((march?.badDebtRatio.monthly ?? 0) - (3_000 / 93_000) * 100) < 1e-9);
  assert.equal(march?.writeOffsTrailing12, 3_000);
});

test('a balance sheet in another currency than the base is refused', () => {
  const r = computeReceivablesMetrics(ledger, {
    asOf: '2026-03-31',
    base: { currency: 'CNY', fx: new FxTable([]) },
    balanceSheets: [{ ...sheet, currency: 'USD' }],
  });
  assert.equal(!r.ok && r.error.code, 'AR_BALANCE_SHEET_CURRENCY');
});

test('concentration on open AR and on trailing-12 sales, with the DOMAIN band', () => {
  const report = unwrap(
    computeReceivablesMetrics(ledger, { asOf: '2026-03-31', base: { currency: 'CNY', fx: new FxTable([]) } }),
  );
  // Open AR: only c1 (c2 written off) → 100 %; sales: 90,000 / 3,000 → 96.77 % / 3.23 %.
  assert.equal(report.concentration.openAr.top1Share, 100);
  assert.equal(report.concentration.openAr.level, 'red');
  assert.ok(Math.abs(report.concentration.salesTrailing12.top1Share - (90_000 / 93_000) * 100) < 1e-9);
  assert.equal(report.months.length, 12);
});

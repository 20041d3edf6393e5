import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { unwrap } from '../shared/index.js';
import { computeCei } from './cei.js';
import { computeReceivablesMetrics } from './metrics.js';
import { invoice, receipt } from './test-support.js';

test('the CRF sample (creditguru): Jan–Mar, N = 3, gives 55.9 %', () => {
  // (6,200 + 10,890/3 − 6,340) / (6,200 + 10,890/3 − 3,590) = 3,490 / 6,240
  const cei = computeCei({
    beginningAr: 6_200,
    creditSales: 10_890,
    months: 3,
    endingTotalAr: 6_340,
    endingCurrentAr: 3_590,
  });
  assert.ok(Math.abs((cei ?? 0) - (3_490 / 6_240) * 100) < 1e-9);
  assert.equal(Number((cei ?? 0).toFixed(1)), 55.9);
});

test('nothing collectable gives no CEI rather than a division by zero', () => {
  assert.equal(computeCei({ beginningAr: 0, creditSales: 0, months: 1, endingTotalAr: 0, endingCurrentAr: 0 }), null);
});

test('monthly CEI from a ledger, worked by hand', () => {
  // Feb 28: AR 150k (Jan 70k + Feb 80k). March: sales 100k, 38k received; AR 212k, of which 100k not yet due.
  // CEI = (150k + 100k − 212k) / (150k + 100k − 100k) = 38 / 150 = 25.33 %.
  const ledger = {
    invoices: [
      invoice({ id: 'jan', issuedOn: '2026-01-15', dueOn: '2026-02-14', amountMinor: 70_000 }),
      invoice({ id: 'feb', issuedOn: '2026-02-15', dueOn: '2026-03-17', amountMinor: 80_000 }),
      invoice({ id: 'mar', issuedOn: '2026-03-15', dueOn: '2026-04-14', amountMinor: 100_000 }),
    ],
    settlements: [receipt('jan', '2026-03-01', 38_000)],
  };
  const report = unwrap(
    computeReceivablesMetrics(ledger, {
      asOf: '2026-03-31',
      months: 1,
      base: { currency: 'CNY', fx: new FxTable([]) },
    }),
  );
  assert.ok(Math.abs((report.months[0]?.cei.monthly ?? 0) - (38 / 150) * 100) < 1e-9);
  // Trailing 12: AR 12 months earlier was 0, so the denominator 0 + 250k/12 − 100k is negative: no CEI.
  assert.equal(report.months[0]?.cei.trailing12, null);
});

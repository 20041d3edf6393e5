import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { unwrap } from '../shared/index.js';
import { computeCountbackDso } from './dso.js';
import { computeReceivablesMetrics } from './metrics.js';
import { invoice, receipt } from './test-support.js';

test('DOMAIN example: AR 212k against sales of 100k, 80k, 70k in 30-day months gives 73.7 days', () => {
  const dso = computeCountbackDso(212_000, [
    { days: 30, sales: 100_000 },
    { days: 30, sales: 80_000 },
    { days: 30, sales: 70_000 },
  ]);
  // 60 + 30 × 32/70
  assert.equal(dso.isExhausted, false);
  assert.equal(Number(dso.days.toFixed(1)), 73.7);
  assert.ok(Math.abs(dso.days - (60 + (30 * 32) / 70)) < 1e-9);
});

test('AR beyond all the sales history is flagged as a lower bound; no AR is zero days', () => {
  assert.deepEqual(computeCountbackDso(300, [{ days: 31, sales: 100 }]), { days: 31, isExhausted: true });
  assert.deepEqual(computeCountbackDso(0, [{ days: 31, sales: 0 }]), { days: 0, isExhausted: false });
  // A month without sales is walked through whole.
  assert.deepEqual(
    computeCountbackDso(50, [
      { days: 31, sales: 0 },
      { days: 30, sales: 100 },
    ]),
    { days: 46, isExhausted: false },
  );
});

test('the same figures from a ledger, with real month lengths: 31 + 28 + 31 × 32/70 = 73.17 days', () => {
  // Sales: Jan 70k, Feb 80k, Mar 100k; 38k of January's received on 03-01 → AR 212k on 03-31.
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
      months: 3,
      base: { currency: 'CNY', fx: new FxTable([]) },
    }),
  );
  assert.equal(report.dsoMethod, 'countback');
  const march = report.months[2];
  assert.equal(march?.monthEnd, '2026-03-31');
  assert.equal(march?.arTotal, 212_000);
  assert.ok(Math.abs((march?.dso.countback ?? 0) - (59 + (31 * 32) / 70)) < 1e-9);
  assert.equal(march?.dso.inUse, march?.dso.countback);
  // Not yet due on 03-31: March's 100k, which is exactly March's sales → BPDSO 31, ADD 42.17.
  assert.equal(march?.arCurrent, 100_000);
  assert.equal(march?.bpdso, 31);
  assert.ok(Math.abs((march?.add ?? 0) - (28 + (31 * 32) / 70)) < 1e-9);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { unwrap } from '../shared/index.js';
import { computeStandardDso } from './dso.js';
import { computeReceivablesMetrics } from './metrics.js';
import { invoice, receipt } from './test-support.js';

test('standard DSO is AR over the period sales times the days', () => {
  assert.equal(computeStandardDso(212_000, 250_000, 90), 76.32);
  assert.equal(computeStandardDso(100, 0, 30), null);
});

test('monthly and trailing-12 standard DSO from a ledger, and the method in use when chosen', () => {
  const ledger = {
    invoices: [
      invoice({ id: 'jan', issuedOn: '2026-01-15', dueOn: '2026-02-14', amountMinor: 70_000 }),
      invoice({ id: 'feb', issuedOn: '2026-02-15', dueOn: '2026-03-17', amountMinor: 80_000 }),
      invoice({ id: 'mar', issuedOn: '2026-03-15', dueOn: '2026-04-14', amountMinor: 100_000 }),
    ],
    settlements: [receipt('jan', '2026-03-01', 38_000)],
  };
  const base = { currency: 'CNY', fx: new FxTable([]) };
  const report = unwrap(
    computeReceivablesMetrics(ledger, { asOf: '2026-03-31', months: 1, base, dsoMethod: 'standardMonthly' }),
  );
  const march = report.months[0];
  // Monthly: 212k / 100k × 31 = 65.72. Trailing 12 (2025-04-01 … 2026-03-31, 365 days): 212k / 250k × 365 = 309.52.
  assert.ok(Math.abs((march?.dso.standardMonthly ?? 0) - 65.72) < 1e-9);
  assert.ok(Math.abs((march?.dso.standardTrailing12 ?? 0) - 309.52) < 1e-9);
  assert.equal(report.dsoMethod, 'standardMonthly');
  assert.equal(march?.dso.inUse, march?.dso.standardMonthly);
  // BPDSO by the same method: 100k / 100k × 31 = 31; ADD = 34.72.
  assert.equal(march?.bpdso, 31);
  assert.ok(Math.abs((march?.add ?? 0) - 34.72) < 1e-9);
});

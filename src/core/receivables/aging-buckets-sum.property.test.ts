import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { unwrap } from '../shared/index.js';
import { fromEpochDay, toEpochDay } from '../time/index.js';
import { computeAging } from './aging.js';
import { computeAgingSeries } from './aging-series.js';
import type { LedgerInvoice, LedgerSettlement, ReceivablesLedger } from './ledger.js';
import { computeOpenItems } from './open-items.js';

const DAY0 = toEpochDay('2024-01-01');
const day = fc.integer({ min: 0, max: 900 }).map((d) => fromEpochDay(DAY0 + d));

const invoiceArb = fc.record({
  customerId: fc.constantFrom('c1', 'c2', 'c3'),
  currency: fc.constantFrom('CNY', 'USD'),
  issuedOn: day,
  terms: fc.integer({ min: 0, max: 120 }),
  amountMinor: fc.integer({ min: 1, max: 1_000_000 }),
  status: fc.constantFrom('open', 'open', 'paid', 'void', 'written_off'),
  instalments: fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 500_000 })), {
    maxLength: 3,
  }),
});

/** Random ledgers: invoices with optional instalment schedules, settlements of any kind and date. */
const ledgerArb = fc.array(invoiceArb, { minLength: 1, maxLength: 25 }).chain((raw) => {
  const invoices: LedgerInvoice[] = raw.map((r, i) => ({
    id: `i${i}`,
    customerId: r.customerId,
    number: `N${i}`,
    issuedOn: r.issuedOn,
    dueOn: fromEpochDay(toEpochDay(r.issuedOn) + r.terms),
    currency: r.currency,
    amountMinor: r.amountMinor,
    status: r.status as LedgerInvoice['status'],
    isDisputed: false,
    channel: null,
    instalments: r.instalments.map(([d, a]) => ({ dueOn: fromEpochDay(toEpochDay(r.issuedOn) + d), amountMinor: a })),
  }));
  const settlement = fc.record({
    invoiceId: fc.constantFrom(...invoices.map((i) => i.id)),
    on: day,
    amountMinor: fc.integer({ min: -50_000, max: 800_000 }),
    kind: fc.constantFrom('receipt', 'credit_note', 'write_off'),
  }) as fc.Arbitrary<LedgerSettlement>;
  return fc.array(settlement, { maxLength: 40 }).map((settlements) => ({ invoices, settlements }));
});

function openBalance(ledger: ReceivablesLedger, asOf: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const inv of ledger.invoices) {
    if (inv.status === 'void' || inv.issuedOn > asOf) continue;
    let open = inv.amountMinor;
    for (const s of ledger.settlements) if (s.invoiceId === inv.id && s.on <= asOf) open -= s.amountMinor;
    out.set(inv.currency, (out.get(inv.currency) ?? 0) + open);
  }
  return out;
}

test('aging buckets sum to the open balance, per currency, whatever the ledger', () => {
  fc.assert(
    fc.property(ledgerArb, day, fc.constantFrom<'due' | 'issue'>('due', 'issue'), (ledger, asOf, basis) => {
      const report = unwrap(computeAging(ledger, { asOf, basis }));
      const expected = openBalance(ledger, asOf);
      for (const row of report.byCurrency) {
        assert.equal(
          row.amounts.reduce((a, b) => a + b, 0),
          row.total,
        );
        assert.equal(row.total, expected.get(row.currency) ?? 0);
      }
      const items = computeOpenItems(ledger, asOf);
      const itemTotal = items.reduce((s, i) => s + i.openMinor, 0);
      const reportTotal = report.byCurrency.reduce((s, r) => s + r.total, 0);
      assert.equal(itemTotal, reportTotal);
    }),
    { numRuns: 300 },
  );
});

test('every point of the one-pass series equals the aging computed afresh on that date', () => {
  fc.assert(
    fc.property(ledgerArb, day, fc.constantFrom<'due' | 'issue'>('due', 'issue'), (ledger, asOf, basis) => {
      const series = unwrap(computeAgingSeries(ledger, { asOf, months: 6, basis }));
      for (const point of series.points) {
        const fresh = unwrap(computeAging(ledger, { asOf: point.on, basis }));
        const nonZero = (rows: readonly { currency: string; amounts: readonly number[] }[]) =>
          rows.filter((r) => r.amounts.some((a) => a !== 0)).map((r) => [r.currency, ...r.amounts]);
        assert.deepEqual(nonZero(point.byCurrency), nonZero(fresh.byCurrency), `at ${point.on}`);
      }
    }),
    { numRuns: 200 },
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_POLICY_TERMS } from '../model/index.js';
import { addDays } from '../time/index.js';
import { type CoverInvoice, type CoverLimit, coverInvoices } from './cover.js';
import { computeIndemnities, splitRecovery } from './indemnity.js';

const policy = { startsOn: '2026-01-01', endsOn: '2026-12-31', terms: DEFAULT_POLICY_TERMS };

const invoiceArb = fc.record({
  customer: fc.constantFrom('a', 'b'),
  issued: fc.integer({ min: 0, max: 364 }),
  terms: fc.integer({ min: 0, max: 240 }),
  openMinor: fc.integer({ min: 1, max: 5_000_000 }),
});
const limitArb = fc.record({
  customer: fc.constantFrom('a', 'b'),
  from: fc.integer({ min: 0, max: 364 }),
  limitMinor: fc.integer({ min: 0, max: 10_000_000 }),
  cancelled: fc.option(fc.integer({ min: 0, max: 364 }), { nil: null }),
});

test('cover keeps every cent: insured + uninsured = open; insured never above the largest limit; covered ⇔ no reason', () => {
  fc.assert(
    fc.property(fc.array(invoiceArb, { maxLength: 30 }), fc.array(limitArb, { maxLength: 4 }), (raw, rawLimits) => {
      const invoices: CoverInvoice[] = raw.map((r, i) => ({
        invoiceId: `i${i}`,
        customerId: r.customer,
        number: `F${i}`,
        issuedOn: addDays('2026-01-01', r.issued),
        dueOn: addDays('2026-01-01', r.issued + r.terms),
        openMinor: r.openMinor,
      }));
      // One decision per buyer and date (the table's key).
      const seen = new Set<string>();
      const limits: CoverLimit[] = rawLimits
        .filter((l) => !seen.has(`${l.customer}${l.from}`) && seen.add(`${l.customer}${l.from}`))
        .map((l) => ({
          customerId: l.customer,
          kind: 'insurer_limit',
          limitMinor: l.limitMinor,
          effectiveFrom: addDays('2026-01-01', l.from),
          cancelledOn: l.cancelled === null ? null : addDays('2026-01-01', l.cancelled),
        }));
      const out = coverInvoices(policy, limits, invoices);
      assert.equal(out.length, invoices.length);
      for (const c of out) {
        assert.equal(c.insuredMinor + c.uninsuredMinor, c.openMinor);
        assert.ok(c.insuredMinor >= 0 && c.uninsuredMinor >= 0);
        assert.equal(c.covered, c.reasons.length === 0);
      }
      for (const customer of ['a', 'b']) {
        const insured = out.filter((c) => c.customerId === customer).reduce((s, c) => s + c.insuredMinor, 0);
        const max = Math.max(0, ...limits.filter((l) => l.customerId === customer).map((l) => l.limitMinor));
        assert.ok(insured <= max, `${customer}: ${insured} insured over ${max}`);
      }
    }),
  );
});

test('indemnities never exceed the insured share of the loss nor the maximum liability; a split keeps the recovery', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 10 }),
      fc.integer({ min: 0, max: 2_000_000 }),
      fc.integer({ min: 0, max: 2_000_000 }),
      fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: null }),
      (debts, nql, afl, cap) => {
        const terms = {
          ...DEFAULT_POLICY_TERMS,
          claimThresholdMinor: nql,
          aggregateFirstLossMinor: afl,
          maxLiabilityMinor: cap,
        };
        const r = computeIndemnities(
          terms,
          debts.map((d, i) => ({ customerId: `c${i}`, insuredDebtMinor: d, recoveriesMinor: 0 })),
          0,
        );
        for (const [i, l] of r.lines.entries()) assert.ok(l.indemnityMinor <= Math.round((debts[i] ?? 0) * 0.9) + 1);
        if (cap !== null) assert.ok(r.totalMinor <= cap);
        assert.ok(r.lines.reduce((s, l) => s + l.firstLossMinor, 0) <= afl);
        const s = splitRecovery({
          recoveryMinor: debts[0] ?? 0,
          totalDebtMinor: 10_000_000,
          indemnityPaidMinor: r.totalMinor,
        });
        assert.equal(s.toInsurerMinor + s.toInsuredMinor, debts[0] ?? 0);
      },
    ),
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FxTable } from '../money/index.js';
import { addDays } from '../time/index.js';
import { emptyForecastInput, forecastOrThrow } from './testing.js';
import type { ForecastInput, ForecastInvoice } from './types.js';

const ASOF = '2026-03-04';
const fx = new FxTable([{ on: '2026-01-01', base: 'USD', quote: 'CNY', rate: 7.2 }]);

const invoice = fc
  .record({
    due: fc.integer({ min: -200, max: 120 }),
    lags: fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 90 })),
    amount: fc.integer({ min: 1, max: 50_000_000 }),
    usd: fc.boolean(),
    disputed: fc.boolean(),
    known: fc.boolean(),
  })
  .map(({ due, lags, amount, usd, disputed, known }): ForecastInvoice => {
    const dueOn = addDays(ASOF, due);
    const p10 = addDays(dueOn, lags[0]);
    const p50 = addDays(p10, lags[1]);
    return {
      id: `i${due}-${amount}`,
      number: 'n',
      customerId: 'c',
      customerName: 'c',
      currency: usd ? 'USD' : 'CNY',
      openMinor: amount,
      issuedOn: addDays(dueOn, -30),
      dueOn,
      isDisputed: disputed && amount % 7 === 0,
      payment: known ? { p10, p50, p90: addDays(p50, lags[2]), pUnpaid90: 0.1, basis: 'customer' } : null,
    };
  });

const inputs = fc
  .record({
    invoices: fc.array(invoice, { maxLength: 40 }),
    bills: fc.array(
      fc.record({ due: fc.integer({ min: -60, max: 120 }), amount: fc.integer({ min: 1, max: 30_000_000 }) }),
      { maxLength: 20 },
    ),
    stretch: fc.integer({ min: 0, max: 20 }),
    month: fc.boolean(),
    weekStart: fc.integer({ min: 1, max: 7 }),
    sales: fc.integer({ min: 0, max: 100_000_000 }),
  })
  .map(
    (r): ForecastInput =>
      emptyForecastInput(ASOF, {
        fx,
        granularity: r.month ? 'month' : 'week',
        periods: r.month ? 6 : 13,
        weekStart: r.weekStart,
        invoices: r.invoices,
        bills: r.bills.map((b, i) => ({
          id: `b${i}`,
          number: `b${i}`,
          supplierName: 's',
          currency: 'CNY',
          openMinor: b.amount,
          dueOn: addDays(ASOF, b.due),
        })),
        payablesStretchDays: r.stretch,
        salesHistory: [{ month: '2025-04', amountMinor: r.sales }],
        customers: [
          { customerId: 'c', name: 'c', termsDays: 30, delayDays: { p10: -3, p50: 5, p90: 40 }, salesShare: 1 },
        ],
        recurringItems: [
          {
            id: 'p',
            name: 'pay',
            category: 'payroll',
            direction: 'outflow',
            currency: 'CNY',
            amountMinor: 9_999_99,
            rule: 'monthly:last-working-day',
            startsOn: '2020-01-01',
            endsOn: null,
          },
        ],
      }),
  );

test('property: closing = opening + receipts − disbursements, and nothing placed is lost', () => {
  fc.assert(
    fc.property(inputs, (generated) => {
      // Without new sales, everything after the horizon is invoices: the amounts can be reconciled.
      const input = { ...generated, customers: [] };
      const result = forecastOrThrow(input);
      for (const s of result.scenarios) {
        let opening = result.opening.totalMinor;
        let placedNet = 0;
        let excluded = 0;
        for (const p of s.periods) {
          assert.equal(p.openingMinor, opening);
          assert.equal(p.closingMinor, p.openingMinor + p.receiptsMinor - p.disbursementsMinor);
          const lines = p.lines.reduce((a, l) => a + (l.direction === 'receipt' ? l.totalMinor : -l.totalMinor), 0);
          assert.equal(lines, p.receiptsMinor - p.disbursementsMinor);
          for (const l of p.lines) {
            assert.equal(
              l.sources.reduce((a, x) => a + x.amountMinor, 0),
              l.totalMinor,
              `${l.key} sources sum to the line`,
            );
            for (const x of l.sources) placedNet += l.direction === 'receipt' ? x.amountMinor : -x.amountMinor;
          }
          opening = p.closingMinor;
        }
        for (const e of s.excluded) excluded += e.amountMinor;
        // Every source invoice (base currency) = placed in the grid + placed after it + excluded.
        const invoiceTotal = input.invoices.reduce(
          (a, i) => a + (i.currency === 'USD' ? Math.round(i.openMinor * 7.2) : i.openMinor),
          0,
        );
        const invoicePlaced = s.periods.reduce(
          (a, p) => a + (p.lines.find((l) => l.key === 'invoices')?.totalMinor ?? 0),
          0,
        );
        const gap = invoicePlaced + s.beyondHorizon.receiptsMinor - (invoiceTotal - excluded);
        assert.ok(
          Math.abs(gap) <= input.invoices.length,
          `no invoice amount lost (gap ${gap}: FX half-cent ties only)`,
        );
        assert.equal(excluded, s.excludedMinor);
        assert.equal(
          placedNet,
          s.periods.reduce((a, p) => a + p.receiptsMinor - p.disbursementsMinor, 0),
        );
      }
    }),
    { numRuns: 150 },
  );
});

test('property: optimistic ≥ base ≥ pessimistic closing cash in every period (by construction)', () => {
  fc.assert(
    fc.property(inputs, (input) => {
      const [opt, base, pess] = forecastOrThrow(input).scenarios;
      opt?.periods.forEach((p, i) => {
        const b = base?.periods[i]?.closingMinor ?? 0;
        assert.ok(p.closingMinor >= b, `optimistic below base in period ${i}`);
        assert.ok(b >= (pess?.periods[i]?.closingMinor ?? 0), `pessimistic above base in period ${i}`);
      });
    }),
    { numRuns: 150 },
  );
});

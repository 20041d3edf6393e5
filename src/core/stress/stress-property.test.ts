import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { testInvoice } from '../forecast/testing.js';
import type { ForecastBill, ForecastCustomerRisk } from '../forecast/types.js';
import { addDays } from '../time/index.js';
import { runShocks, runStressBase } from './run-shocks.js';
import { handBuiltCompany } from './testing.js';
import type { Shock, StressInput } from './types.js';

const company = fc.record({
  invoices: fc.array(
    fc.record({
      customer: fc.integer({ min: 0, max: 4 }),
      day: fc.integer({ min: -60, max: 120 }),
      yuan: fc.integer({ min: 1, max: 500_000 }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  bills: fc.array(
    fc.record({
      supplier: fc.integer({ min: 0, max: 4 }),
      day: fc.integer({ min: 0, max: 90 }),
      yuan: fc.integer({ min: 1, max: 400_000 }),
    }),
    { maxLength: 8 },
  ),
  pd: fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 5, maxLength: 5 }),
});

type Company = typeof company extends fc.Arbitrary<infer T> ? T : never;

function build(c: Company): StressInput {
  const base = handBuiltCompany();
  const asOf = base.forecast.asOf;
  const invoices = c.invoices.map((x, i) =>
    testInvoice(`i${i}`, {
      customerId: `C${x.customer}`,
      customerName: `客户${x.customer}`,
      openMinor: x.yuan * 100,
      dueOn: addDays(asOf, x.day),
    }),
  );
  const bills: ForecastBill[] = c.bills.map((x, i) => ({
    id: `b${i}`,
    number: `AP-${i}`,
    supplierName: `供应商${x.supplier}`,
    currency: 'CNY',
    openMinor: x.yuan * 100,
    dueOn: addDays(asOf, x.day),
  }));
  const risk = new Map<string, ForecastCustomerRisk>(
    c.pd.map((pd, i) => [
      `C${i}`,
      { status: 'normal', pd, pdLow: pd / 2, pdHigh: Math.min(1, pd * 2), lgd: 0.8, recovery: null, newSales: true },
    ]),
  );
  const exposure = new Map<string, number>();
  for (const inv of invoices) exposure.set(inv.customerId, (exposure.get(inv.customerId) ?? 0) + inv.openMinor);
  return {
    ...base,
    forecast: { ...base.forecast, invoices, bills, oneOffItems: [], risk },
    customers: [...exposure].map(([customerId, exposureMinor]) => ({
      customerId,
      name: customerId,
      exposureMinor,
      insuredShare: 0,
    })),
  };
}

const family = fc.oneof(
  fc.constant((n: number): Shock => ({ kind: 'delay', days: n * 3 })),
  fc.constant((n: number): Shock => ({ kind: 'top_default', count: Math.floor(n / 10) })),
  fc.constant((n: number): Shock => ({ kind: 'supplier_prepayment', count: Math.floor(n / 10) })),
  fc.constant((n: number): Shock => ({ kind: 'sales_drop', share: n / 60, variableShare: 0 })),
);

test('a bigger shock never leaves more cash, in any week', () => {
  fc.assert(
    fc.property(
      company,
      family,
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      (c, shockOf, a, b) => {
        const stress = build(c);
        const base = runStressBase(stress);
        assert.ok(base.ok);
        const [small, big] = a <= b ? [a, b] : [b, a];
        const s = runShocks(stress, base.value, [shockOf(small)]);
        const l = runShocks(stress, base.value, [shockOf(big)]);
        assert.ok(s.ok && l.ok);
        l.value.closingsMinor.forEach((closing, w) => {
          assert.ok(
            closing <= (s.value.closingsMinor[w] as number),
            `week ${w + 1}: ${closing} > ${s.value.closingsMinor[w]}`,
          );
        });
        assert.ok(l.value.minCashMinor <= s.value.minCashMinor);
      },
    ),
    { numRuns: 60, seed: 17 },
  );
});

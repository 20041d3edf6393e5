import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runForecastEngine, type ScenarioForecast } from '../forecast/index.js';
import { lineTotals, testInvoice } from '../forecast/testing.js';
import { FxTable } from '../money/index.js';
import { handBuiltCompany } from '../stress/testing.js';
import type { StressInput } from '../stress/types.js';
import { applyScenario } from './apply.js';
import { describeScenario } from './assumptions.js';
import type { ScenarioDefinition, ScenarioElement } from './definition.js';
import { readStoredScenario } from './stored.js';

const Y = 100; // minor units per yuan
// The hand-built company (src/core/stress/testing.ts): base closings in yuan, week 1 to 13.
const BASE = [
  500_000, 500_000, 1_000_000, 700_000, 900_000, 900_000, 900_000, 900_000, 750_000, 750_000, 750_000, 750_000, 750_000,
];

function run(stress: StressInput, def: ScenarioDefinition): ScenarioForecast {
  const applied = applyScenario(stress, def);
  assert.ok(applied.ok);
  const r = runForecastEngine({ ...applied.value.input, trace: false }, [
    { name: def.name, params: applied.value.params },
  ]);
  assert.ok(r.ok);
  const s = r.value.scenarios[0];
  assert.ok(s);
  return s;
}
const closings = (s: ScenarioForecast) => s.periods.map((p) => p.closingMinor / Y);
const only = (...elements: ScenarioElement[]): ScenarioDefinition => ({ name: 'what if', elements });

test('no element leaves the base forecast as it is', () => {
  assert.deepEqual(closings(run(handBuiltCompany(), { name: 'same', elements: [] })), BASE);
});

test('a customer defaulting on a date loses exactly its receipts from that date on', () => {
  // 远洋 (C2) defaults on 03-20: its 200,000 due 04-01 is lost; 宏达's 03-18 receipt still comes.
  const c2 = run(handBuiltCompany(), only({ kind: 'customer_default', customerId: 'C2', on: '2026-03-20' }));
  assert.deepEqual(
    closings(c2),
    [
      500_000, 500_000, 1_000_000, 700_000, 700_000, 700_000, 700_000, 700_000, 550_000, 550_000, 550_000, 550_000,
      550_000,
    ],
  );
  assert.equal(c2.excludedMinor, 200_000 * Y);
  // 宏达 defaulting on 03-20 changes nothing: it paid on 03-18, before the default.
  const after = run(handBuiltCompany(), only({ kind: 'customer_default', customerId: 'C1', on: '2026-03-20' }));
  assert.deepEqual(closings(after), BASE);
  // On the day of its receipt, the receipt is lost.
  const on = run(handBuiltCompany(), only({ kind: 'customer_default', customerId: 'C1', on: '2026-03-18' }));
  assert.deepEqual(
    lineTotals(on, 'invoices').map((x) => x / Y),
    [0, 0, 0, 0, 200_000, 0, 0, 0, 0, 0, 0, 0, 0],
  );
});

test('a delay for one customer moves only its receipts, by the days given', () => {
  // 宏达's 500,000 moves from Wed 03-18 (week 3) to Wed 04-01 (week 5).
  const s = run(handBuiltCompany(), only({ kind: 'payment_delay', days: 14, customerIds: ['C1'] }));
  assert.deepEqual(
    closings(s),
    [
      500_000, 500_000, 500_000, 200_000, 900_000, 900_000, 900_000, 900_000, 750_000, 750_000, 750_000, 750_000,
      750_000,
    ],
  );
  assert.equal(s.firstBreach, null); // 200,000 is not below 200,000
});

test('a new loan and a large purchase land on their dates', () => {
  const s = run(
    handBuiltCompany(),
    only(
      {
        kind: 'new_loan',
        amountMinor: 1_000_000 * Y,
        on: '2026-03-10',
        repayments: [
          { on: '2026-04-08', amountMinor: 300_000 * Y },
          { on: '2026-05-13', amountMinor: 300_000 * Y },
        ],
      },
      { kind: 'large_purchase', amountMinor: 1_400_000 * Y, on: '2026-03-11', label: 'Machine' },
    ),
  );
  // Week 2: +1,000,000 − 1,400,000; week 6: −300,000; week 11: −300,000.
  assert.deepEqual(
    closings(s),
    [
      500_000, 100_000, 600_000, 300_000, 500_000, 200_000, 200_000, 200_000, 50_000, 50_000, -250_000, -250_000,
      -250_000,
    ],
  );
  assert.equal(s.firstBreach?.index, 1);
  assert.equal(s.firstNegative?.index, 10);
});

test('sales −20 % from a month on: earlier months as in the base, later ones and their purchases 20 % lower', () => {
  const months = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];
  const plan = months.map((month) => ({ month, amountMinor: 100_000 * Y }));
  const stress = handBuiltCompany({
    granularity: 'month',
    periods: 6,
    salesPlan: plan,
    purchaseHistory: ['2025-03', '2025-06', '2025-09', '2025-12', '2026-01', '2026-02'].map((month) => ({
      month,
      amountMinor: 50_000 * Y,
    })),
    customers: [{ customerId: 'C1', name: '宏达', termsDays: 0, delayDays: null, salesShare: 1 }],
  });
  const base = run(stress, { name: 'base', elements: [] });
  const drop = run(stress, only({ kind: 'sales_drop', percent: 20, fromMonth: '2026-05' }));
  const sales = (s: ScenarioForecast) => lineTotals(s, 'new_sales');
  const purchases = (s: ScenarioForecast) => lineTotals(s, 'new_purchases', 'disbursement');
  assert.deepEqual(sales(drop).slice(0, 2), sales(base).slice(0, 2));
  assert.ok((sales(base)[2] as number) > 0);
  // Each weekly tranche is floored once: within a few fen of 80 % of the base from May on.
  for (let m = 2; m < 6; m++) {
    assert.ok(Math.abs((sales(drop)[m] as number) - 0.8 * (sales(base)[m] as number)) <= 10, `sales month ${m}`);
    assert.ok(
      Math.abs((purchases(drop)[m] as number) - 0.8 * (purchases(base)[m] as number)) <= 10,
      `purchases month ${m}`,
    );
  }
  assert.deepEqual(purchases(drop).slice(0, 2), purchases(base).slice(0, 2));
});

/** USD 10,000 cash, a USD 20,000 invoice due 03-18 and a USD 5,000 bill due 03-25, at 7 CNY. */
function usdCompany(): StressInput {
  const fx = new FxTable([{ on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7 }]);
  const company = handBuiltCompany();
  return handBuiltCompany({
    fx,
    openingBalances: [
      ...company.forecast.openingBalances,
      { accountId: 'a2', name: 'USD', currency: 'USD', on: '2026-03-02', amountMinor: 10_000 * Y },
    ],
    invoices: [
      ...company.forecast.invoices,
      testInvoice('u1', { customerId: 'C3', currency: 'USD', openMinor: 20_000 * Y, dueOn: '2026-03-18' }),
    ],
    bills: [
      ...company.forecast.bills,
      { id: 'ub', number: 'AP-U', supplierName: 'US', currency: 'USD', openMinor: 5_000 * Y, dueOn: '2026-03-25' },
    ],
  });
}

test('an FX shift revalues foreign-currency cash, receivables and payables alike', () => {
  const base = run(usdCompany(), { name: 'base', elements: [] });
  const weak = run(usdCompany(), only({ kind: 'fx_shift', currency: 'USD', percent: -10 }));
  // Opening: 500,000 + 70,000 → 500,000 + 63,000; week 3: +140,000 → +126,000; week 4: −35,000 → −31,500.
  assert.equal(base.periods[0]?.openingMinor, 570_000 * Y);
  assert.equal(weak.periods[0]?.openingMinor, 563_000 * Y);
  assert.equal(closings(base)[3], 570_000 + 500_000 + 140_000 - 300_000 - 35_000);
  assert.equal(closings(weak)[3], 563_000 + 500_000 + 126_000 - 300_000 - 31_500);
});

test('a stored row of forecast overrides shifts every foreign currency, cash included, like the FX element', () => {
  const legacy = readStoredScenario('Weak dollar', { fxShift: -0.1 });
  assert.equal(legacy.name, 'Weak dollar');
  const old = run(usdCompany(), legacy);
  const element = run(usdCompany(), only({ kind: 'fx_shift', currency: 'USD', percent: -10 }));
  assert.equal(old.periods[0]?.openingMinor, 563_000 * Y);
  assert.deepEqual(closings(old), closings(element));
  assert.equal(old.params.fxShift, 0);
});

test('the assumptions in words: one sentence per element, in order, customers by name', () => {
  const names = new Map([['C2', '远洋']]);
  const words = describeScenario(
    only(
      { kind: 'customer_default', customerId: 'C2', on: '2026-03-20' },
      { kind: 'payment_delay', days: 30 },
      { kind: 'fx_shift', currency: 'USD', percent: -10 },
    ),
    (id) => names.get(id) ?? id,
  );
  assert.deepEqual(
    words.map((w) => w.key),
    ['SCENARIO_ASSUMPTION_customer_default', 'SCENARIO_ASSUMPTION_payment_delay_all', 'SCENARIO_ASSUMPTION_fx_down'],
  );
  assert.deepEqual(words[0]?.data, { customer: '远洋', on: '2026-03-20' });
  assert.deepEqual(words[2]?.data, { currency: 'USD', percent: 10 });
});

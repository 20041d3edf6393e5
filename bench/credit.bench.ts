// Buyer credit scoring speed: the pure scorecard (plus limit) over 10,000 prepared customers, and
// scoreCustomers end to end (loading included) on a generated demo database.

import { scoreCustomers } from '../src/app/credit/index.js';
import { createDemoCompany } from '../src/app/demo/index.js';
import {
  recommendLimit,
  resolveLimitSettings,
  resolveScorecardSettings,
  type ScorecardInput,
  scoreCustomer,
} from '../src/core/credit/index.js';
import type { LegalEventType } from '../src/core/model/index.js';
import { createRng } from '../src/core/shared/index.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

function syntheticInputs(n: number): ScorecardInput[] {
  const rng = createRng(42);
  const types: LegalEventType[] = ['enforcement', 'lawsuit_defendant', 'abnormal_operations', 'dishonest_debtor'];
  return Array.from({ length: n }, (_, i) => {
    const dbt = rng.lognormal(2, 1) - 5;
    const ta = rng.int(1_000_000, 100_000_000) * 100;
    const tl = Math.round(ta * rng.uniform(0.3, 1.1));
    return {
      customerId: `c${i}`,
      industry: rng.pick(['wholesale', 'manufacturing', 'construction', null]),
      country: 'CN',
      payment: rng.bernoulli(0.9)
        ? {
            dbtCount: rng.int(1, 40),
            weightedDbt: dbt,
            shrunkWeightedDbt: dbt,
            onTimeShare: 0.5,
            trend: { recentDbt: dbt + 3, recentCount: 3, priorDbt: dbt, priorCount: 9, change: rng.normal(0, 6) },
          }
        : null,
      ratings: rng.bernoulli(0.3)
        ? [{ customerId: `c${i}`, agency: 'creditsafe', value: String(rng.int(10, 95)), ratedOn: '2026-09-01' }]
        : [],
      financials: {
        statement: rng.bernoulli(0.4)
          ? {
              customerId: `c${i}`,
              periodEnd: '2025-12-31',
              currency: 'CNY',
              revenue: ta * 1.4,
              ebit: Math.round(ta * rng.uniform(-0.05, 0.12)),
              netIncome: null,
              totalAssets: ta,
              currentAssets: Math.round(ta * 0.6),
              currentLiabilities: Math.round(tl * 0.7),
              totalLiabilities: tl,
              retainedEarnings: Math.round((ta - tl) * 0.4),
              bookEquity: ta - tl,
              inventory: null,
              receivables: null,
              cash: null,
              marketValueEquity: null,
              source: null,
            }
          : null,
        distress: null,
      },
      legal: {
        events: rng.bernoulli(0.05)
          ? [
              {
                id: `e${i}`,
                customerId: `c${i}`,
                type: rng.pick(types),
                occurredOn: '2026-05-01',
                amountMinor: 20_000_000,
                currency: 'CNY',
                source: null,
                description: null,
                resolvedOn: null,
              },
            ]
          : [],
        checkedOn: rng.bernoulli(0.5) ? '2026-01-01' : null,
      },
      insurerLimitCancelledOn: null,
    };
  });
}

function benchPure(): BenchResult[] {
  const inputs = syntheticInputs(10_000);
  const settings = resolveScorecardSettings();
  const limits = resolveLimitSettings();
  for (const input of inputs.slice(0, 500)) scoreCustomer(input, '2026-11-25', settings); // warm-up
  const t0 = performance.now();
  const results = inputs.map((input) => scoreCustomer(input, '2026-11-25', settings));
  const t1 = performance.now();
  for (const r of results)
    recommendLimit(
      {
        customerId: r.customerId,
        currency: 'CNY',
        grade: r.grade,
        annualSalesMinor: 365_000_000,
        termsDays: 60,
        expectedDbtDays: 10,
        financials: null,
        insurerCapMinor: null,
        overrides: r.overrides,
        externalScore: null,
        isSecured: false,
      },
      limits,
    );
  const t2 = performance.now();
  return [
    {
      name: 'credit: scorecard, 10,000 customers (pure, prepared inputs)',
      value: t1 - t0,
      unit: 'ms',
      note: 'target ≤ 1,000 ms',
    },
    { name: 'credit: limit recommendation, 10,000 customers (pure)', value: t2 - t1, unit: 'ms' },
  ];
}

async function benchLoaded(customers: number, invoices: number): Promise<BenchResult[]> {
  const db = await openDatabase({ url: ':memory:' });
  try {
    await migrateToLatest(db);
    await createDemoCompany(db, { asOf: '2026-11-25', customers, invoices, seed: 3 });
    const t0 = performance.now();
    const r = await scoreCustomers(db, { orgId: 'demo', asOf: '2026-11-25' });
    const t1 = performance.now();
    if (!r.ok) throw new Error(r.error.code);
    return [
      {
        name: `credit: scoreCustomers end to end, ${customers} customers / ${invoices} invoices`,
        value: t1 - t0,
        unit: 'ms',
        note: 'SQLite in memory; load, behaviour, distress model, scorecard',
      },
    ];
  } finally {
    await db.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...benchPure(), ...(await benchLoaded(2_000, 100_000))];
}

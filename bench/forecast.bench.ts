// 13-week forecast, three scenarios, on synthetic books: the demo's size and 1M invoices / 10k customers.
import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import { runForecast } from '../src/app/forecast/index.js';
import {
  builtInScenarios,
  type ForecastInput,
  type ForecastInvoice,
  runForecastEngine,
} from '../src/core/forecast/index.js';
import { emptyForecastInput } from '../src/core/forecast/testing.js';
import { FxTable } from '../src/core/money/index.js';
import { createRng } from '../src/core/shared/random.js';
import { addDays, fromEpochDay, toEpochDay } from '../src/core/time/index.js';
import { insertRows } from '../src/db/bulk.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import { createOrganisation } from '../src/db/stores/organisations.js';
import { withTransaction } from '../src/db/transaction.js';

const ASOF = '2026-03-04';

/**
 * A synthetic book: open invoices with payment-date quantiles, bills, payroll, rent and VAT. With
 * `spread`, each invoice also carries 5 likely dates (P10, between, P50, between, P90), as the
 * forecast's default `forecast.receiptSlices` gives them (the same book otherwise).
 */
function syntheticBook(
  invoices: number,
  customers: number,
  seed: number,
  trace: boolean,
  spread = false,
): ForecastInput {
  const rng = createRng(seed);
  const asOfDay = toEpochDay(ASOF);
  const list: ForecastInvoice[] = new Array(invoices);
  for (let i = 0; i < invoices; i++) {
    const c = rng.int(0, customers - 1);
    const due = asOfDay + rng.int(-120, 90);
    const p50 = due + rng.int(-5, 30);
    list[i] = {
      id: `i${i}`,
      number: `F${i}`,
      customerId: `c${c}`,
      customerName: `客户${c}`,
      currency: rng.bernoulli(0.1) ? 'USD' : 'CNY',
      openMinor: rng.int(1_000_00, 500_000_00),
      issuedOn: fromEpochDay(due - 30),
      dueOn: fromEpochDay(due),
      isDisputed: rng.bernoulli(0.02),
      payment: {
        p10: fromEpochDay(p50 - rng.int(0, 10)),
        p50: fromEpochDay(p50),
        p90: fromEpochDay(p50 + rng.int(5, 60)),
        pUnpaid90: 0.05,
        basis: 'customer',
      },
    };
    const payment = list[i]?.payment;
    if (spread && payment) {
      const [p10, p90] = [toEpochDay(payment.p10), toEpochDay(payment.p90)];
      const slices = [p10, Math.round((p10 + p50) / 2), p50, Math.round((p50 + p90) / 2), p90].map(fromEpochDay);
      list[i] = { ...(list[i] as ForecastInvoice), payment: { ...payment, slices } };
    }
  }
  const bills = Array.from({ length: Math.ceil(invoices / 3) }, (_, i) => ({
    id: `b${i}`,
    number: `B${i}`,
    supplierName: `供应商${i % 500}`,
    currency: 'CNY',
    openMinor: rng.int(1_000_00, 300_000_00),
    dueOn: addDays(ASOF, rng.int(-30, 100)),
  }));
  const history = Array.from({ length: 24 }, (_, i) => ({
    month: addDays('2024-03-15', 30.5 * i).slice(0, 7),
    amountMinor: invoices * 50_000_00,
  }));
  const share = 1 / customers;
  return emptyForecastInput(ASOF, {
    fx: new FxTable([{ on: '2026-01-01', base: 'USD', quote: 'CNY', rate: 7.2 }]),
    invoices: list,
    bills,
    salesHistory: history,
    customers: Array.from({ length: customers }, (_, c) => ({
      customerId: `c${c}`,
      name: `客户${c}`,
      termsDays: 30,
      delayDays: { p10: -2, p50: 6, p90: 35 },
      salesShare: share,
    })),
    recurringItems: [
      {
        id: 'pay',
        name: '工资',
        category: 'payroll',
        direction: 'outflow',
        currency: 'CNY',
        amountMinor: 900_000_00,
        rule: 'monthly:last-working-day',
        startsOn: '2020-01-01',
        endsOn: null,
      },
      {
        id: 'rent',
        name: '房租',
        category: 'rent',
        direction: 'outflow',
        currency: 'CNY',
        amountMinor: 120_000_00,
        rule: 'monthly:1',
        startsOn: '2020-01-01',
        endsOn: null,
      },
      {
        id: 'vat',
        name: '增值税',
        category: 'tax',
        direction: 'outflow',
        currency: 'CNY',
        amountMinor: 400_000_00,
        rule: 'quarterly:15:next',
        startsOn: '2020-01-01',
        endsOn: null,
      },
    ],
    trace,
  });
}

function timeIt(input: ForecastInput, runs: number): number {
  const scenarios = builtInScenarios();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const result = runForecastEngine(input, scenarios);
    best = Math.min(best, performance.now() - t);
    if (!result.ok) throw new Error(result.error.code);
  }
  return best;
}

/** The demo's size in SQLite: 200 customers, 3k paid and 3k open invoices; load + behaviour model + engine. */
async function timeLoading(): Promise<number> {
  const db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  const rng = createRng(3);
  await createOrganisation(db, { id: 'o', name: 'bench', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  const asOfDay = toEpochDay(ASOF);
  const invoices: Insertable<Database['invoices']>[] = [];
  const receipts: Insertable<Database['receipts']>[] = [];
  const allocations: Insertable<Database['receipt_allocations']>[] = [];
  for (let i = 0; i < 6_000; i++) {
    const issued = asOfDay - rng.int(1, 700);
    const due = issued + 30;
    const paid = due + rng.int(-5, 40);
    const amount = rng.int(1_000_00, 300_000_00);
    invoices.push({
      org_id: 'o',
      id: `i${i}`,
      customer_id: `c${i % 200}`,
      number: `F${i}`,
      issued_on: fromEpochDay(issued),
      due_on: fromEpochDay(due),
      currency: 'CNY',
      amount_minor: amount,
    });
    if (paid <= asOfDay && i % 2 === 0) {
      receipts.push({
        org_id: 'o',
        id: `r${i}`,
        number: `R${i}`,
        customer_id: `c${i % 200}`,
        received_on: fromEpochDay(paid),
        currency: 'CNY',
        amount_minor: amount,
      });
      allocations.push({ org_id: 'o', receipt_id: `r${i}`, invoice_id: `i${i}`, amount_minor: amount });
    }
  }
  await withTransaction(db, async (tx) => {
    await insertRows(
      tx,
      'customers',
      Array.from({ length: 200 }, (_, c) => ({ org_id: 'o', id: `c${c}`, code: `C${c}`, name: `客户${c}` })),
    );
    await insertRows(tx, 'invoices', invoices);
    await insertRows(tx, 'receipts', receipts);
    await insertRows(tx, 'receipt_allocations', allocations);
  });
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const result = await runForecast(db, { orgId: 'o', asOf: ASOF, granularity: 'week' });
    best = Math.min(best, performance.now() - t);
    if (!result.ok) throw new Error(result.error.code);
  }
  await db.close();
  return best;
}

export async function run(): Promise<{ name: string; value: number; unit: string; note?: string }[]> {
  const demo = syntheticBook(3_000, 200, 1, true);
  const big = syntheticBook(1_000_000, 10_000, 2, false);
  const bigTraced = syntheticBook(1_000_000, 10_000, 2, true);
  return [
    {
      name: 'forecast 13w × 3 scenarios, 3k invoices / 200 customers (traced)',
      value: timeIt(demo, 5),
      unit: 'ms',
      note: 'target ≤ 100 ms, best of 5',
    },
    {
      name: 'forecast from SQLite incl. loading + behaviour model, demo size',
      value: await timeLoading(),
      unit: 'ms',
      note: '6k invoices, 200 customers, best of 3',
    },
    {
      name: 'forecast 13w × 3 scenarios, 1M invoices / 10k customers (totals)',
      value: timeIt(big, 2),
      unit: 'ms',
      note: 'target ≤ 2,000 ms, best of 2',
    },
    {
      name: 'forecast 13w × 3 scenarios, 1M invoices / 10k customers spread over 5 dates (totals)',
      value: timeIt(syntheticBook(1_000_000, 10_000, 2, false, true), 2),
      unit: 'ms',
      note: 'the default placement (ADR 0022), best of 2',
    },
    {
      name: 'forecast 13w × 3 scenarios, 1M invoices / 10k customers (traced)',
      value: timeIt(bigTraced, 1),
      unit: 'ms',
      note: 'every source listed',
    },
  ];
}

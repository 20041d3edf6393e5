import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from '../../core/time/index.js';
import { insertRows } from '../../db/bulk.js';
import type { Db } from '../../db/connection.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { describeEachDialect } from '../../db/test-support.js';
import { forecastAccuracy, freezeForecast, runForecast } from './run.js';

const ORG = 'o1';
const ASOF = '2026-03-04';

/** One customer paying 10 days late on 30-day terms, six paid invoices, two open; one bill; payroll. */
async function seed(db: Db): Promise<void> {
  await createOrganisation(db, { id: ORG, name: '测试', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await insertRows(db, 'customers', [{ org_id: ORG, id: 'c1', code: 'C1', name: '华东精工' }]);
  await insertRows(db, 'suppliers', [{ org_id: ORG, id: 's1', code: 'S1', name: '宁波钢材' }]);
  const invoices = [];
  const receipts = [];
  const allocations = [];
  for (let i = 0; i < 8; i++) {
    const issued = addDays('2025-09-01', 20 * i);
    const due = addDays(issued, 30);
    invoices.push({
      org_id: ORG,
      id: `i${i}`,
      customer_id: 'c1',
      number: `F${i}`,
      issued_on: issued,
      due_on: due,
      currency: 'CNY',
      amount_minor: 100_000_00,
    });
    const paid = addDays(due, 10);
    if (paid <= ASOF && i < 6) {
      receipts.push({
        org_id: ORG,
        id: `r${i}`,
        number: `R${i}`,
        customer_id: 'c1',
        received_on: paid,
        currency: 'CNY',
        amount_minor: 100_000_00,
      });
      allocations.push({ org_id: ORG, receipt_id: `r${i}`, invoice_id: `i${i}`, amount_minor: 100_000_00 });
    }
  }
  await insertRows(db, 'invoices', invoices);
  await insertRows(db, 'receipts', receipts);
  await insertRows(db, 'receipt_allocations', allocations);
  await insertRows(db, 'bills', [
    {
      org_id: ORG,
      id: 'b1',
      supplier_id: 's1',
      number: 'B1',
      issued_on: '2026-02-01',
      due_on: '2026-03-20',
      currency: 'CNY',
      amount_minor: 50_000_00,
    },
  ]);
  await insertRows(db, 'bank_accounts', [
    { org_id: ORG, id: 'a1', name: '工行基本户', bank_name: null, account_no: null, currency: 'CNY' },
  ]);
  await insertRows(db, 'bank_balances', [
    { org_id: ORG, bank_account_id: 'a1', balance_on: '2026-03-03', amount_minor: 300_000_00 },
  ]);
  await insertRows(db, 'recurring_items', [
    {
      org_id: ORG,
      id: 'p1',
      name: '工资',
      category: 'payroll',
      direction: 'outflow',
      currency: 'CNY',
      amount_minor: 80_000_00,
      rule: 'monthly:last-working-day',
      starts_on: '2025-01-01',
      ends_on: null,
    },
  ]);
}

describeEachDialect('forecast app', (open) => {
  test('runs three scenarios from the database with traceable lines', async () => {
    const db = await open();
    try {
      await seed(db);
      const r = await runForecast(db, { orgId: ORG, asOf: ASOF, granularity: 'week' });
      assert.ok(r.ok, r.ok ? '' : r.error.code);
      const { value } = r;
      assert.deepEqual(
        value.scenarios.map((s) => s.scenario),
        ['optimistic', 'base', 'pessimistic'],
      );
      assert.deepEqual(value.opening, { totalMinor: 300_000_00, on: '2026-03-03', accounts: 1 });
      const base = value.scenarios[1];
      const sources = base?.periods.flatMap((p) => p.lines.flatMap((l) => l.sources)) ?? [];
      const invoiceSources = sources.filter((s) => s.kind === 'invoice');
      assert.deepEqual([...new Set(invoiceSources.map((s) => s.number))].sort(), ['F6', 'F7']);
      // Each is spread over its 5 likely dates (forecast.receiptSlices): once in each week they fall in.
      assert.ok(invoiceSources.every((s) => s.reason === 'PLACED_SPREAD_CUSTOMER_HISTORY'));
      assert.ok(invoiceSources.every((s) => s.reasonData?.parts === 5 && s.reasonData?.period === 'week'));
      for (const number of ['F6', 'F7']) {
        const mine = invoiceSources.filter((s) => s.number === number);
        const placedOn = mine.map((s) => s.placedOn);
        assert.deepEqual(placedOn, [...placedOn].sort(), `${number}: its weeks in order`);
        assert.ok(mine.reduce((t, s) => t + Number(s.reasonData?.partPct), 0) <= 100 + 1e-9, number);
      }
      // F7: issued 2025-12-20, due 2026-01-19 — 10 days' habit or later, it is overdue: week 1 at the earliest.
      assert.ok(sources.some((s) => s.kind === 'bill' && s.number === 'B1' && s.counterparty === '宁波钢材'));
      assert.ok(sources.some((s) => s.kind === 'recurring' && s.placedOn === '2026-03-31'));
      for (const s of value.scenarios) {
        for (const p of s.periods)
          assert.equal(p.closingMinor, p.openingMinor + p.receiptsMinor - p.disbursementsMinor);
      }
      const one = await runForecast(db, { orgId: ORG, asOf: ASOF, granularity: 'month', scenario: 'pessimistic' });
      assert.ok(one.ok);
      assert.deepEqual(
        one.value.scenarios.map((s) => s.scenario),
        ['pessimistic'],
      );
      assert.equal(one.value.scenarios[0]?.periods.length, 6);
      const missing = await runForecast(db, { orgId: ORG, asOf: ASOF, granularity: 'week', scenario: 'nope' });
      assert.equal(missing.ok ? '' : missing.error.code, 'FORECAST_SCENARIO_NOT_FOUND');
    } finally {
      await db.close();
    }
  });

  test('forecast.receiptSlices: 1 places each invoice whole on its median date; a value out of 1–20 is refused', async () => {
    const db = await open();
    try {
      await seed(db);
      const setSlices = (value: unknown) =>
        db.kysely
          .updateTable('organisations')
          .set({ settings: JSON.stringify({ 'forecast.receiptSlices': value }) })
          .where('id', '=', ORG)
          .execute();
      const invoiceSources = (r: Awaited<ReturnType<typeof runForecast>>) =>
        r.ok
          ? (r.value.scenarios[1]?.periods ?? [])
              .flatMap((p) => p.lines.flatMap((l) => l.sources))
              .filter((s) => s.kind === 'invoice')
          : [];
      const spread = await runForecast(db, { orgId: ORG, asOf: ASOF, granularity: 'week' });
      await setSlices(1);
      const single = await runForecast(db, { orgId: ORG, asOf: ASOF, granularity: 'week' });
      assert.ok(spread.ok && single.ok);
      assert.deepEqual(
        invoiceSources(single)
          .map((s) => [s.number, s.reason])
          .sort(),
        [
          ['F6', 'PLACED_P50_CUSTOMER_HISTORY'],
          ['F7', 'PLACED_P50_CUSTOMER_HISTORY'],
        ],
      );
      assert.ok(
        invoiceSources(spread).every((s) => s.reason === 'PLACED_SPREAD_CUSTOMER_HISTORY' && s.reasonData?.parts === 5),
        'by default over five likely dates',
      );
      const total = (r: typeof spread) =>
        r.ok ? (r.value.scenarios[1]?.periods ?? []).reduce((t, p) => t + p.receiptsMinor, 0) : Number.NaN;
      assert.equal(total(spread), total(single), 'spreading moves receipts between weeks, it adds none');
      for (const bad of [0, 21, 2.5, '5']) {
        await setSlices(bad);
        const r = await runForecast(db, { orgId: ORG, asOf: ASOF, granularity: 'week' });
        assert.equal(
          r.ok ? '' : `${r.error.code} ${r.error.details.field}`,
          'FORECAST_INVALID_SETTING forecast.receiptSlices',
        );
      }
    } finally {
      await db.close();
    }
  });

  test('a stored scenario overrides the base; freezing twice in a week keeps one snapshot; accuracy compares with actuals', async () => {
    const db = await open();
    try {
      await seed(db);
      await insertRows(db, 'scenarios', [
        { org_id: ORG, id: 'sc1', name: 'late-payers', params: JSON.stringify({ receiptPlacement: 'p90' }) },
      ]);
      const custom = await runForecast(db, { orgId: ORG, asOf: ASOF, granularity: 'week', scenario: 'late-payers' });
      assert.ok(custom.ok);
      const late = custom.value.scenarios.find((s) => s.scenario === 'late-payers');
      assert.equal(late?.params.salesFactor, 1, 'unchanged parameters come from the base');
      assert.equal(late?.params.receiptPlacement, 'p90');
      assert.deepEqual(
        custom.value.saved.map((s) => s.name),
        ['late-payers'],
        'titled by its name',
      );
      const r = await runForecast(db, { orgId: ORG, asOf: '2026-02-02', granularity: 'week' });
      assert.ok(r.ok);
      assert.deepEqual(await freezeForecast(db, ORG, r.value, '2026-02-02T01:00:00Z'), [
        'optimistic',
        'base',
        'pessimistic',
      ]);
      assert.deepEqual(await freezeForecast(db, ORG, r.value, '2026-02-04T01:00:00Z'), []);
      const rows = await db.kysely.selectFrom('forecast_snapshots').select('id').execute();
      assert.equal(rows.length, 3);
      await insertRows(db, 'receipts', [
        {
          org_id: ORG,
          id: 'rx',
          number: 'RX',
          customer_id: 'c1',
          received_on: '2026-02-04',
          currency: 'CNY',
          amount_minor: 50_000_00,
        },
      ]);
      const acc = await forecastAccuracy(db, { orgId: ORG, asOf: ASOF });
      assert.ok(acc.ok);
      assert.equal(acc.value.snapshots, 1);
      const h1 = acc.value.horizons[0];
      const forecast = r.value.scenarios[1]?.periods[0]?.receiptsMinor ?? 0;
      assert.equal(h1?.points, 1);
      assert.equal(h1?.receipts.wape, Math.abs(50_000_00 - forecast) / 50_000_00);
      assert.equal(h1?.receipts.bias, (forecast - 50_000_00) / 50_000_00);
      assert.equal(acc.value.horizons[4]?.points, 0, '13 weeks ahead has no actuals yet');
    } finally {
      await db.close();
    }
  });

  test('an invoice payable in instalments is forecast part by part, each from its own due date', async () => {
    const db = await open();
    try {
      await seed(db);
      const schedule = [
        { dueOn: '2026-03-01', amountMinor: 100_000_00 },
        { dueOn: '2026-04-15', amountMinor: 100_000_00 },
        { dueOn: '2026-06-30', amountMinor: 100_000_00 },
      ];
      await insertRows(db, 'invoices', [
        {
          ...{ org_id: ORG, id: 'i9', customer_id: 'c1', number: 'F9', issued_on: '2026-02-01', due_on: '2026-06-30' },
          ...{ currency: 'CNY', amount_minor: 300_000_00, instalments: JSON.stringify(schedule) },
        },
      ]);
      await insertRows(
        db,
        'receipts',
        [{ org_id: ORG, id: 'r9', number: 'R9', customer_id: 'c1', received_on: '2026-03-02', currency: 'CNY' }].map(
          (r) => ({ ...r, amount_minor: 100_000_00 }),
        ),
      );
      await insertRows(db, 'receipt_allocations', [
        { org_id: ORG, receipt_id: 'r9', invoice_id: 'i9', amount_minor: 100_000_00 },
      ]);
      const r = await runForecast(db, { orgId: ORG, asOf: ASOF, granularity: 'month' });
      assert.ok(r.ok, r.ok ? '' : r.error.code);
      const base = r.value.scenarios[1];
      const parts = (base?.periods ?? [])
        .flatMap((p) => p.lines.flatMap((l) => l.sources))
        .filter((s) => s.id === 'i9')
        .map((s) => [s.number, s.originalMinor, s.expectedOn] as const)
        .sort();
      // The customer pays about 10 days after due: each open part (its open amount, before the
      // credit-risk adjustment) about 10 days after its own date.
      assert.deepEqual(
        parts.map(([number, amount]) => [number, amount]),
        [
          ['F9 (2/3)', 100_000_00],
          ['F9 (3/3)', 100_000_00],
        ],
      );
      const [second, third] = parts.map(([, , on]) => on);
      assert.ok(second !== undefined && second > '2026-04-15' && second < '2026-05-15', second);
      assert.ok(third !== undefined && third > '2026-06-30' && third < '2026-07-31', third);
    } finally {
      await db.close();
    }
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertRows } from '../../db/bulk.js';
import { type Db, openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { formatAgingTable } from './format-aging.js';
import { formatMetrics } from './format-metrics.js';
import { customerLabels, getAging } from './get-aging.js';
import { getAgingSeries } from './get-aging-series.js';
import { getMetrics } from './get-metrics.js';

async function openSeeded(): Promise<Db> {
  const db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  await createOrganisation(db, { id: 'o1', name: 'Org', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await insertRows(db, 'customers', [
    { org_id: 'o1', id: 'c1', code: 'C1', name: '甲' },
    { org_id: 'o1', id: 'c2', code: 'C2', name: '乙' },
  ]);
  const inv = { tax_minor: 0, external_id: null, channel: null };
  await insertRows(db, 'invoices', [
    {
      ...inv,
      org_id: 'o1',
      id: 'i1',
      customer_id: 'c1',
      number: 'N1',
      issued_on: '2026-01-05',
      due_on: '2026-02-04',
      currency: 'CNY',
      amount_minor: 120_000,
    },
    {
      ...inv,
      org_id: 'o1',
      id: 'i2',
      customer_id: 'c2',
      number: 'N2',
      issued_on: '2026-03-05',
      due_on: '2026-04-04',
      currency: 'USD',
      amount_minor: 10_000,
    },
  ]);
  return db;
}

test('aging through the app: per currency, base view, and a missing rate reported beside them', async () => {
  const db = await openSeeded();
  try {
    const before = await getAging(db, { orgId: 'o1', asOf: '2026-03-31', preset: '30-60-90' });
    assert.ok(before.ok);
    assert.equal(before.value.base, null);
    assert.deepEqual(before.value.baseError, {
      code: 'AR_FX_RATE_MISSING',
      details: { from: 'USD', to: 'CNY', on: '2026-03-31' },
    });
    assert.match(formatAgingTable(before.value, 'en'), /No base-currency view: No exchange rate from USD to CNY/);
    await insertRows(db, 'fx_rates', [{ org_id: 'o1', rate_on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7 }]);
    const r = await getAging(db, { orgId: 'o1', asOf: '2026-03-31', preset: '30-60-90' });
    assert.ok(r.ok);
    // i1 55 days past due (31-60); i2 not yet due, 100.00 USD = 700.00 CNY.
    assert.deepEqual(r.value.base?.totals, {
      currency: 'CNY',
      amountsMinor: [70_000, 0, 120_000, 0, 0],
      totalMinor: 190_000,
    });
    const zh = formatAgingTable(r.value, 'zh-CN');
    assert.match(zh, /截至 2026-03-31 的应收账款账龄/);
    assert.match(zh, /未到期\s+1-30天\s+31-60天\s+61-90天\s+>90天\s+合计/);
    assert.match(zh, /合计\s+700\.00\s+0\.00\s+1,200\.00\s+0\.00\s+0\.00\s+1,900\.00/);
    // People read each customer by its code and name, not by its id.
    const named = formatAgingTable(r.value, 'zh-CN', await customerLabels(db, 'o1'));
    assert.match(named, /C1 甲/);
    assert.doesNotMatch(named, /\bc1\b/);
    // One customer by its code: its rows, and totals that are its own.
    const one = await getAging(db, { orgId: 'o1', asOf: '2026-03-31', preset: '30-60-90', customerId: 'C2' });
    assert.ok(one.ok);
    assert.deepEqual(
      one.value.byCustomer.map((row) => row.customerId),
      r.value.byCustomer.filter((row) => row.customerId === 'c2').map((row) => row.customerId),
    );
    assert.equal(
      one.value.base?.totals.totalMinor,
      r.value.base?.byCustomer.find((row) => row.customerId === 'c2')?.totalMinor,
    );
    const nobody = await getAging(db, { orgId: 'o1', asOf: '2026-03-31', customerId: 'C9' });
    assert.equal(nobody.ok ? null : nobody.error.code, 'CUSTOMER_NOT_FOUND');
  } finally {
    await db.close();
  }
});

test('errors come back as codes: unknown organisation, bad date', async () => {
  const db = await openSeeded();
  try {
    const missing = await getAging(db, { orgId: 'nope', asOf: '2026-03-31' });
    assert.equal(!missing.ok && missing.error.code, 'ORGANISATION_NOT_FOUND');
    const bad = await getAgingSeries(db, { orgId: 'o1', asOf: '2026-02-30' });
    assert.equal(!bad.ok && bad.error.code, 'VALIDATION_FAILED');
  } finally {
    await db.close();
  }
});

test('series and metrics through the app, printed in both languages', async () => {
  const db = await openSeeded();
  try {
    await insertRows(db, 'fx_rates', [{ org_id: 'o1', rate_on: '2025-01-01', base: 'USD', quote: 'CNY', rate: 7 }]);
    const series = await getAgingSeries(db, { orgId: 'o1', asOf: '2026-03-31', months: 3 });
    assert.ok(series.ok);
    assert.deepEqual(
      series.value.points.map((p) => [p.on, p.base?.totalMinor]),
      [
        ['2026-01-31', 120_000],
        ['2026-02-28', 120_000],
        ['2026-03-31', 190_000],
      ],
    );
    const metrics = await getMetrics(db, { orgId: 'o1', asOf: '2026-03-31', months: 3 });
    assert.ok(metrics.ok);
    assert.equal(metrics.value.dsoMethod, 'countback');
    // Two customers: 1,200 and 700 CNY of AR → top-1 63.2 %: red.
    assert.equal(metrics.value.concentration.openAr.level, 'red');
    assert.ok(metrics.value.findings.some((f) => f.code === 'METRIC_TOP1_SHARE_HIGH' && f.level === 'red'));
    const en = formatMetrics(metrics.value, 'en');
    assert.match(en, /DSO method: countback/);
    assert.match(en, /\[red\] The largest customer holds 63\.16% of open AR/);
    assert.match(formatMetrics(metrics.value, 'zh-CN'), /DSO 计算方法：倒推法/);
  } finally {
    await db.close();
  }
});

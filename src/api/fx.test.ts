import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, type Running, startDemoApi } from './test-support.js';

type Currency = {
  currency: string;
  rate: number;
  amounts: { forwardsMinor: number; netMinor: number };
  base: { netMinor: number };
  limitMinor: number | null;
  hedge: { direction: string; amountMinor: number } | null;
};
type Report = { exposure: { currencies: Currency[] }; forwards: { id: string }[]; byWeek: { currency: string }[] };

const FORWARD = {
  tradeOn: '2026-03-02',
  valueOn: '2026-05-29',
  direction: 'sell',
  currency: 'USD',
  amountMinor: 10_000_00,
  counterCurrency: 'CNY',
  rate: 7.05,
  counterparty: 'Bank of China',
};

describeEachDialect('API currency exposure and forwards', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 3));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  const usdOf = async (): Promise<{ report: Report; usd: Currency }> => {
    const res = await owner.call('GET', '/api/v1/reports/fx?asOf=2026-03-31');
    assert.equal(res.status, 200, res.text);
    const report = res.body as Report;
    const usd = report.exposure.currencies.find((c) => c.currency === 'USD');
    assert.ok(usd, 'the demo holds USD');
    return { report, usd };
  };

  test('a forward is refused by the write rule with the field named, then booked and counted in the exposure', async () => {
    const backwards = await owner.call('POST', '/api/v1/fx-forwards', { ...FORWARD, valueOn: '2026-03-01' });
    assert.equal(backwards.status, 400, backwards.text);
    assert.equal(errorCode(backwards), 'END_BEFORE_START');
    const same = await owner.call('POST', '/api/v1/fx-forwards', { ...FORWARD, counterCurrency: 'USD' });
    assert.equal(errorCode(same), 'SAME_CURRENCY');
    const { usd: before } = await usdOf();
    const created = await owner.call('POST', '/api/v1/fx-forwards', FORWARD);
    assert.equal(created.status, 201, created.text);
    const { report, usd } = await usdOf();
    assert.equal(usd.amounts.forwardsMinor - before.amounts.forwardsMinor, -10_000_00);
    assert.equal(usd.amounts.netMinor - before.amounts.netMinor, -10_000_00);
    assert.equal(report.forwards.length, 1);
    assert.ok(report.byWeek.some((c) => c.currency === 'USD'));
    // The stored forward settles in the forecast on its value date: CNY received, USD paid.
    const forecast = await owner.call('GET', '/api/v1/reports/forecast?asOf=2026-03-31&scenario=base');
    assert.equal(forecast.status, 200, forecast.text);
    type Period = { startOn: string; endOn: string; lines: { key: string; direction: string; totalMinor: number }[] };
    const periods = (forecast.body as { scenarios: { periods: Period[] }[] }).scenarios[0]?.periods ?? [];
    const week = periods.find((p) => p.startOn <= FORWARD.valueOn && FORWARD.valueOn <= p.endOn);
    const lines = (week?.lines ?? []).filter((l) => l.key === 'fx_forward');
    assert.deepEqual(
      lines.map((l) => [l.direction, l.direction === 'receipt' ? l.totalMinor : l.totalMinor > 0]),
      [
        ['receipt', 70_500_00],
        ['disbursement', true],
      ],
    );
  });

  test('a limit set in the organisation settings asks for the hedge that brings the net exposure within it', async () => {
    const bad = await owner.call('PATCH', '/api/v1/organisation', { settings: { 'fx.exposureLimits': { RMB: 1 } } });
    assert.equal(bad.status, 400, bad.text);
    assert.equal(errorCode(bad), 'INVALID_SETTING');
    const { usd: now } = await usdOf();
    const limit = Math.floor(Math.abs(now.base.netMinor) / 2);
    const set = await owner.call('PATCH', '/api/v1/organisation', {
      settings: { 'fx.exposureLimits': { USD: limit } },
    });
    assert.equal(set.status, 200, set.text);
    const { usd } = await usdOf();
    assert.equal(usd.limitMinor, limit);
    assert.ok(usd.hedge, 'over the limit: a hedge is needed');
    assert.equal(usd.hedge.direction, now.base.netMinor > 0 ? 'sell' : 'buy');
    assert.ok(Math.abs(usd.hedge.amountMinor * usd.rate - (Math.abs(now.base.netMinor) - limit)) < 2 * usd.rate);
  });
});

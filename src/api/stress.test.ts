import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, type Running, startDemoApi } from './test-support.js';

interface Outcome {
  minCashMinor: number;
  closingsMinor: number[];
  firstBreach: { index: number } | null;
}
interface Report {
  available: string[];
  horizons: {
    granularity: string;
    bufferMinor: number;
    base: Outcome;
    shocks: { name: string; label: string; outcome: Outcome }[];
    breakingPoints: { driver: string; target: string; status: string; text: string }[] | null;
  }[];
}

describeEachDialect('API stress tests', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 5));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('the base of the stress tests is the base forecast the product shows, buffer and closings alike', async () => {
    const stress = await owner.call('GET', '/api/v1/stress?asOf=2026-03-31&shock=top1_default,delay_30&reverse=false');
    assert.equal(stress.status, 200, stress.text);
    const forecast = await owner.call('GET', '/api/v1/reports/forecast?asOf=2026-03-31&granularity=week&scenario=base');
    assert.equal(forecast.status, 200, forecast.text);
    const f = forecast.body as { bufferMinor: number; scenarios: { periods: { closingMinor: number }[] }[] };
    const week = (stress.body as Report).horizons[0];
    assert.ok(week);
    assert.equal(week.granularity, 'week');
    assert.equal(week.bufferMinor, f.bufferMinor);
    assert.deepEqual(
      week.base.closingsMinor,
      f.scenarios[0]?.periods.map((p) => p.closingMinor),
    );
    assert.deepEqual(
      week.shocks.map((s) => s.name),
      ['top1_default', 'delay_30'],
    );
    for (const s of week.shocks) assert.ok(s.outcome.minCashMinor <= week.base.minCashMinor, s.name);
    assert.equal(week.breakingPoints, null);
  });

  test('the largest customer is the one the risk states rank first by open receivables (not already insolvent); its loss is net of cover and recovery', async () => {
    const risk = await owner.call('GET', '/api/v1/credit/risk-states?asOf=2026-03-31');
    assert.equal(risk.status, 200, risk.text);
    const states = (
      risk.body as {
        customers: {
          customerId: string;
          status: string;
          exposure: { openArMinor: number };
          cover: { insuredPct: number; limitMinor: number; cancelledOn: string | null } | null;
        }[];
      }
    ).customers;
    const largest = states
      .filter((c) => c.status !== 'insolvent' && c.status !== 'written_off')
      .sort((a, b) => b.exposure.openArMinor - a.exposure.openArMinor)[0];
    assert.ok(largest);
    const stress = await owner.call('GET', '/api/v1/stress?asOf=2026-03-31&shock=top1_default&reverse=false');
    const shock = (stress.body as Report).horizons[0]?.shocks[0]?.outcome as Outcome & { creditLossMinor: number };
    const open = largest.exposure.openArMinor;
    const cover = largest.cover;
    const insured =
      cover && cover.cancelledOn === null ? cover.insuredPct * Math.min(1, Math.max(0, cover.limitMinor) / open) : 0;
    const expected = open - Math.round(open * insured) - Math.round(open * (1 - insured) * 0.2);
    assert.ok(Math.abs(shock.creditLossMinor - expected) <= 1, `${shock.creditLossMinor} vs ${expected}`);
  });

  test('breaking points come in the language asked for', async () => {
    const en = await owner.call('GET', '/api/v1/stress?asOf=2026-03-31&shock=delay_30', undefined, {
      'accept-language': 'en',
    });
    assert.equal(en.status, 200, en.text);
    const points = (en.body as Report).horizons[0]?.breakingPoints ?? [];
    const delay = points.find((p) => p.driver === 'delay' && p.target === 'buffer');
    assert.ok(delay);
    assert.match(
      delay.text,
      delay.status === 'breaks' ? /day delay across the book empties the buffer in week \d+\./ : /./,
    );
    const zh = await owner.call('GET', '/api/v1/stress?asOf=2026-03-31&shock=delay_30', undefined, {
      'accept-language': 'zh-CN',
    });
    const shock = (zh.body as Report).horizons[0]?.shocks[0];
    assert.equal(shock?.label, '所有客户推迟 30 天付款');
  });

  test('the Monte Carlo comes with the report when paths are asked for, the same for the same seed', async () => {
    const url = '/api/v1/stress?asOf=2026-03-31&shock=top1_default&reverse=false&paths=400&seed=9';
    const r = await owner.call('GET', url);
    assert.equal(r.status, 200, r.text);
    const mc = (r.body as { horizons: { monteCarlo: { paths: number; periods: { pNegative: number }[] } }[] })
      .horizons[0]?.monteCarlo;
    assert.equal(mc?.paths, 400);
    assert.equal(mc?.periods.length, 13);
    const bad = await owner.call('GET', '/api/v1/stress?asOf=2026-03-31&paths=5', undefined, {
      'accept-language': 'en',
    });
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.text, /paths/);
  });

  test('an unknown shock is a 400 naming it and the shocks there are', async () => {
    const r = await owner.call('GET', '/api/v1/stress?asOf=2026-03-31&shock=meteor', undefined, {
      'accept-language': 'en',
    });
    assert.equal(r.status, 400, r.text);
    assert.equal(errorCode(r), 'STRESS_UNKNOWN_SHOCK');
    assert.match(r.text, /meteor/);
    assert.match(r.text, /top1_default/);
  });
});

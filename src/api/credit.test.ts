import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, type Running, startDemoApi } from './test-support.js';

describeEachDialect('API credit routes', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  before(async () => {
    db = await open();
    ({ api, owner } = await startDemoApi(db, 1));
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('scores every customer with a grade, a PD and reasons; the insolvent one is E', async () => {
    const res = await owner.call('GET', '/api/v1/credit/scores?asOf=2026-03-31');
    assert.equal(res.status, 200, res.text);
    const body = res.body as { customers: { customerId: string; grade: string | null; pd: number | null }[] };
    assert.equal(body.customers.length, 20);
    // The demo's insolvent customer is the sixth (src/app/demo/generate.ts, namedCustomers).
    assert.equal(body.customers.find((c) => c.customerId === 'demo:c-0006')?.grade, 'E');
    assert.ok(body.customers.every((c) => c.grade === null || c.pd !== null));
  });

  test('a limit approval is kept with who and why, and written to the audit log', async () => {
    const customerId = 'demo:c-0002';
    const res = await owner.call('POST', '/api/v1/credit/limits', {
      customerId,
      limitMinor: 123_456_00,
      reason: '年度复审',
    });
    assert.equal(res.status, 201, res.text);
    const audit = await owner.call('GET', '/api/v1/audit');
    assert.ok(audit.text.includes('credit_limit.approve') && audit.text.includes(customerId), audit.text.slice(0, 300));
    const limits = await owner.call('GET', '/api/v1/credit/limits?asOf=2026-03-31');
    const view = (limits.body as { customers: { customerId: string; current: { limitMinor: number } | null }[] })
      .customers;
    assert.equal(view.find((c) => c.customerId === customerId)?.current?.limitMinor, 123_456_00);
  });

  test('review reasons come with their codes and in words, in Chinese by default and in English', async () => {
    type Reviews = { reviews: { customerId: string; reasons: { code: string; message: string }[] }[] };
    const zh = await owner.call('GET', '/api/v1/credit/reviews?asOf=2026-03-31');
    const en = await owner.call('GET', '/api/v1/credit/reviews?asOf=2026-03-31', undefined, {
      'accept-language': 'en',
    });
    assert.equal(zh.status, 200, zh.text);
    assert.equal(en.status, 200, en.text);
    for (const res of [zh, en]) {
      const reasons = (res.body as Reviews).reviews.flatMap((r) => r.reasons);
      assert.ok(reasons.length > 5, `${reasons.length} reasons`);
      for (const r of reasons) assert.ok(r.message && !/CR_|\{\{|null/.test(r.message), `${r.code}: ${r.message}`);
    }
    // The demo's fifth customer (deteriorating) became an enforcement debtor after its last review.
    const of = (res: typeof zh) =>
      (res.body as Reviews).reviews.find((r) => r.customerId === 'demo:c-0005')?.reasons.map((r) => r.message);
    assert.ok(of(zh)?.includes('2026-02-19 新增司法记录（被执行人）'), of(zh)?.join('; '));
    assert.ok(of(en)?.includes('new legal record (enforcement debtor) on 2026-02-19'), of(en)?.join('; '));
  });

  test('an order check answers allow or hold with reasons; an unknown customer is a plain 404', async () => {
    const res = await owner.call('POST', '/api/v1/credit/check-order', {
      customerId: 'demo:c-0002',
      amountMinor: 999_999_999_00,
      currency: 'CNY',
    });
    assert.equal(res.status, 200, res.text);
    assert.equal((res.body as { decision: string }).decision, 'hold');
    const unknown = await owner.call('POST', '/api/v1/credit/check-order', {
      customerId: 'nope',
      amountMinor: 1,
      currency: 'CNY',
    });
    assert.equal(unknown.status, 404);
  });
});

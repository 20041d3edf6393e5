import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getWorklist } from '../app/collections/worklist.js';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, type Running, startDemoApi } from './test-support.js';

interface Item {
  rank: number;
  customerId: string;
  stage: number;
  action: string;
  priorityMinor: number;
  amountAtRiskMinor: number;
  invoices: { openMinor: number; daysPastDue: number }[];
  reasons: { code: string; message: string }[];
}
type Worklist = { asOf: string; currency: string; items: Item[]; paused: { reason: string }[] };

describeEachDialect('API collections worklist', (open) => {
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

  test("today's actions: ranked 1..n, the insolvent customer first, a customer's actions together", async () => {
    const res = await owner.call('GET', '/api/v1/collections/worklist?asOf=2026-03-31');
    assert.equal(res.status, 200, res.text);
    const w = res.body as Worklist;
    assert.equal(w.currency, 'CNY');
    assert.ok(w.items.length > 3, `${w.items.length} actions`);
    assert.deepEqual(
      w.items.map((i) => i.rank),
      w.items.map((_, k) => k + 1),
    );
    // The demo's insolvent customer is the sixth (src/app/demo/generate.ts): PD 1, first to act on.
    assert.equal(w.items[0]?.customerId, 'demo:c-0006');
    const totals = new Map<string, number>();
    for (const i of w.items) totals.set(i.customerId, (totals.get(i.customerId) ?? 0) + i.priorityMinor);
    const order = [...new Set(w.items.map((i) => i.customerId))];
    assert.equal(order.length, totals.size, 'each customer appears in one run of lines');
    for (let k = 1; k < order.length; k++)
      assert.ok((totals.get(order[k - 1] ?? '') ?? 0) >= (totals.get(order[k] ?? '') ?? 0));
    for (const i of w.items)
      assert.equal(
        i.amountAtRiskMinor,
        i.invoices.reduce((s, x) => s + x.openMinor, 0),
      );
  });

  test('every reason is in words, in Chinese by default and in English', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const res = await owner.call('GET', '/api/v1/collections/worklist?asOf=2026-03-31', undefined, {
        'accept-language': lang,
      });
      const w = res.body as Worklist;
      const reasons = w.items.flatMap((i) => i.reasons);
      assert.ok(reasons.length >= 2 * w.items.length);
      for (const r of reasons)
        assert.ok(r.message && !/COL_|RS_|\{\{|undefined|null/.test(r.message), `${lang} ${r.code}: ${r.message}`);
      const first = w.items[0]?.reasons[0]?.message ?? '';
      assert.match(first, lang === 'en' ? /stage \d/ : /第 \d 阶段/);
    }
  });

  test('the API and the command line read the same worklist', async () => {
    const res = await owner.call('GET', '/api/v1/collections/worklist?asOf=2026-03-31');
    const direct = await getWorklist(db, { orgId: 'demo', asOf: '2026-03-31' });
    assert.ok(direct.ok);
    assert.deepEqual(
      (res.body as Worklist).items.map((i) => [i.customerId, i.stage, i.priorityMinor]),
      direct.value.items.map((i) => [i.customerId, i.stage, i.priorityMinor]),
    );
  });

  test('a bad date is refused naming the field', async () => {
    const res = await owner.call('GET', '/api/v1/collections/worklist?asOf=2026-02-30');
    assert.equal(res.status, 400);
    assert.equal(errorCode(res), 'VALIDATION_FAILED');
  });
});

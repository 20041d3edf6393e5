import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../../db/connection.js';
import { describeEachDialect } from '../../db/test-support.js';
import { createDemoCompany } from '../demo/index.js';
import { checkOrder, overrideHold } from './check-order.js';
import { approveLimit } from './limits.js';

/** A hold override is remembered for its order for the organisation's number of days, and no longer. */
const asOf = '2026-03-31';
// demo:c-0003 has an invoice more than 30 days past due: its orders are held (CH_OVERDUE).
const order = { orgId: 'demo', customerId: 'demo:c-0003', amountMinor: 1_000_000, currency: 'CNY' };
const by = { actor: 'li.wei', role: 'credit_controller', reason: '客户已预付' };

async function setHoldSettings(db: Db, holds: unknown): Promise<void> {
  await db.kysely
    .updateTable('organisations')
    .set({ settings: JSON.stringify({ 'credit.holds': holds }) })
    .where('id', '=', 'demo')
    .execute();
}

describeEachDialect('credit hold overrides', (open) => {
  let db: Db;
  before(async () => {
    db = await open();
    await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
  });
  after(async () => db.close());

  test('with credit.holds.overrideValidDays 3 the override applies from its day to two days later', async () => {
    await setHoldSettings(db, { overrideValidDays: 3 });
    const p = { ...order, orderRef: 'SO-3D' };
    const done = await overrideHold(db, { ...p, ...by, asOf, now: '2026-03-31T02:00:00.000Z' });
    assert.ok(done.ok, JSON.stringify(done));
    assert.equal(done.value.check.override?.validUntil, '2026-04-02');
    const on = async (day: string) => {
      const r = await checkOrder(db, { ...p, asOf: day });
      assert.ok(r.ok);
      return [r.value.decision, r.value.override?.reason ?? null];
    };
    assert.deepEqual(await on('2026-03-30'), ['hold', null], 'not before it was given');
    assert.deepEqual(await on('2026-04-02'), ['allow', '客户已预付']);
    assert.deepEqual(await on('2026-04-03'), ['hold', null], 'not after its last day');
  });

  test('a hold reason that arises after the override holds the order again', async () => {
    await setHoldSettings(db, {});
    const p = { ...order, orderRef: 'SO-NEW-REASON', asOf };
    assert.ok((await overrideHold(db, { ...p, ...by })).ok);
    const allowed = await checkOrder(db, p);
    assert.ok(allowed.ok && allowed.value.decision === 'allow');
    assert.ok(!allowed.value.reasons.some((r) => r.code === 'CH_OVER_LIMIT'));
    // A limit of 0.01 puts the order over the limit: a reason the override never covered.
    const limit = await approveLimit(db, { ...p, limitMinor: 1, actor: 'li.wei', reason: '收紧额度' });
    assert.ok(limit.ok, JSON.stringify(limit));
    const held = await checkOrder(db, p);
    assert.ok(held.ok);
    assert.equal(held.value.decision, 'hold');
    assert.equal(held.value.override, null);
    assert.ok(held.value.reasons.some((r) => r.code === 'CH_OVER_LIMIT'));
  });

  test('an unusable overrideValidDays setting refuses the override, naming the setting', async () => {
    for (const bad of [0, 1.5, '3', 365]) {
      await setHoldSettings(db, { overrideValidDays: bad });
      const r = await overrideHold(db, { ...order, orderRef: `SO-BAD-${bad}`, asOf, ...by });
      assert.ok(!r.ok && r.error.code === 'VALIDATION_FAILED', `${bad}: ${JSON.stringify(r)}`);
      assert.equal(r.error.details.field, 'settings.credit.holds.overrideValidDays');
    }
    await setHoldSettings(db, {});
  });
});

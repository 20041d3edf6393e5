import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/connection.js';
import { describeEachDialect } from '../db/test-support.js';
import { type Client, errorCode, login, type Running, seedOrganisation, startApi } from './test-support.js';

interface Worklist {
  items: {
    stage: number;
    escalatedBy: string | null;
    dueSince: string;
    reasons: { code: string; message: string }[];
  }[];
  paused: { reason: string; until: string | null }[];
}

/**
 * One invoice of ¥10,000 due 5 March 2026, seen on 31 March (the test clock): the contact log,
 * a promise to pay, a dispute and a payment plan move it on the worklist as DOMAIN 5 says.
 */
describeEachDialect('API collections records and the worklist', (open) => {
  let db: Db;
  let api: Running;
  let owner: Client;
  let customerId: string;
  let invoiceId: string;
  const worklist = async () => {
    const res = await owner.call('GET', '/api/v1/collections/worklist', undefined, { 'accept-language': 'en' });
    assert.equal(res.status, 200, res.text);
    return res.body as Worklist;
  };
  before(async () => {
    db = await open();
    await seedOrganisation(db, 'orgc', 'Org C');
    api = await startApi(db);
    owner = await login(api.url, 'owner@orgc.test');
    const c = await owner.call('POST', '/api/v1/customers', { code: 'C1', name: 'Customer One' });
    customerId = String((c.body as { id: string }).id);
    const i = await owner.call('POST', '/api/v1/invoices', {
      customerId,
      number: 'INV-1',
      issuedOn: '2026-02-03',
      dueOn: '2026-03-05',
      currency: 'CNY',
      amountMinor: 10_000_00,
    });
    assert.equal(i.status, 201, i.text);
    invoiceId = String((i.body as { id: string }).id);
  });
  after(async () => {
    await api.close();
    await db.close();
  });

  test('nothing recorded: the stage its dates reached (26 days late: the formal reminder of day 15)', async () => {
    const w = await worklist();
    assert.deepEqual(
      w.items.map((i) => i.stage),
      [3],
    );
  });

  test('the formal reminder logged: nothing until the next stage falls due on 4 April', async () => {
    const r = await owner.call('POST', '/api/v1/dunning-actions', {
      customerId,
      invoiceId,
      stage: 3,
      action: 'formal_reminder',
      plannedOn: '2026-03-20',
      doneAt: '2026-03-20T02:00:00Z',
      channel: 'email',
    });
    assert.equal(r.status, 201, r.text);
    assert.equal((await worklist()).items.length, 0);
  });

  test('a promise to pay by 25 March, broken (3 days grace): the demand letter at once, from 29 March', async () => {
    const r = await owner.call('POST', '/api/v1/promises-to-pay', {
      customerId,
      invoiceId,
      amountMinor: 10_000_00,
      currency: 'CNY',
      madeOn: '2026-03-21',
      promisedOn: '2026-03-25',
    });
    assert.equal(r.status, 201, r.text);
    const [item] = (await worklist()).items;
    assert.equal(item?.stage, 4);
    assert.equal(item?.escalatedBy, 'broken_promise');
    assert.equal(item?.dueSince, '2026-03-29');
    assert.ok(
      item?.reasons.some((x) => /promise to pay was broken/.test(x.message)),
      JSON.stringify(item?.reasons),
    );
  });

  test('a new promise to pay by 10 April pauses dunning until then', async () => {
    await owner.call('POST', '/api/v1/promises-to-pay', {
      customerId,
      invoiceId,
      amountMinor: 10_000_00,
      currency: 'CNY',
      madeOn: '2026-03-30',
      promisedOn: '2026-04-10',
    });
    const w = await worklist();
    assert.equal(w.items.length, 0);
    assert.deepEqual(w.paused, [{ ...w.paused[0], reason: 'promised', until: '2026-04-10' }]);
  });

  test('a dispute marks the invoice disputed (the risk state counts it) until it is resolved', async () => {
    const opened = await owner.call('POST', '/api/v1/collections/disputes', {
      invoiceId,
      reason: 'quality',
      amountMinor: 2_000_00,
      owner: 'Wang Li',
      openedOn: '2026-03-30',
    });
    assert.equal(opened.status, 201, opened.text);
    const d = opened.body as { id: string; reasonText: string };
    const risk = await owner.call('GET', '/api/v1/credit/risk-states');
    const state = (risk.body as { customers: { customerId: string; disputes: { count: number } }[] }).customers[0];
    assert.equal(state?.disputes.count, 1);
    assert.equal((await worklist()).paused[0]?.reason, 'disputed');
    const again = await owner.call('POST', `/api/v1/collections/disputes/${d.id}/resolve`, {
      resolvedOn: '2026-03-31',
      resolution: 'invoice_stands',
    });
    assert.equal(again.status, 200, again.text);
    const twice = await owner.call('POST', `/api/v1/collections/disputes/${d.id}/resolve`, {
      resolvedOn: '2026-03-31',
      resolution: 'invoice_stands',
    });
    assert.equal(twice.status, 409);
    assert.equal(errorCode(twice), 'DISPUTE_ALREADY_RESOLVED');
    assert.equal((await worklist()).paused[0]?.reason, 'promised');
  });

  test('a payment plan whose instalments miss its total is refused naming the field', async () => {
    const r = await owner.call('POST', '/api/v1/payment-plans', {
      customerId,
      currency: 'CNY',
      totalMinor: 10_000_00,
      agreedOn: '2026-03-31',
      instalments: [
        { dueOn: '2026-04-30', amountMinor: 5_000_00 },
        { dueOn: '2026-05-31', amountMinor: 4_000_00 },
      ],
    });
    assert.equal(r.status, 400, r.text);
    assert.equal(errorCode(r), 'INSTALMENTS_SUM_MISMATCH');
    assert.match(r.text, /instalments/);
  });
});

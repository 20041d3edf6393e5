import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../../db/connection.js';
import { describeEachDialect } from '../../db/test-support.js';
import { createDemoCompany } from '../demo/write.js';
import { getCustomerProfile } from '../receivables/get-customer.js';
import { logContact, recordPromise, resolvePromiseTarget } from './record.js';
import { getWorklist } from './worklist.js';

/**
 * Recording from the command line goes through the records' write rules: a promise on two invoices
 * shares the amount by invoice amount (largest remainder) and is written whole or not at all; a
 * logged call does the stage due today for its invoices, which leave that stage of the worklist.
 */
const asOf = '2026-03-31';
const orgId = 'demo';
const by = { orgId, actor: 'user:test', now: '2026-03-31T02:00:00.000Z' };

describeEachDialect('collections records from the command line', (open) => {
  let db: Db;
  before(async () => {
    db = await open();
    await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
  });
  after(async () => db.close());

  test('a promise on two invoices: ¥30,000.00 shared by their amounts, to the fen', async () => {
    const w = await getWorklist(db, { orgId, asOf });
    assert.ok(w.ok);
    const item = w.value.items.find(
      (i) => i.invoices.length >= 2 && !i.invoices.some((x) => x.invoiceId.includes('#')),
    );
    assert.ok(item, 'an action with two whole invoices');
    const numbers = item.invoices.slice(0, 2).map((i) => i.number);
    const target = await resolvePromiseTarget(db, { orgId, customer: item.code, invoices: numbers });
    assert.ok(target.ok, JSON.stringify(!target.ok && target.error));
    const [x, y] = target.value.invoices.map((i) => i.amountMinor) as [number, number];
    const made = await recordPromise(db, by, {
      customerId: target.value.customerId,
      invoiceIds: target.value.invoices.map((i) => i.id),
      invoiceAmounts: [x, y],
      currency: target.value.currency ?? 'CNY',
      amountMinor: 30_000_00,
      madeOn: asOf,
      promisedOn: '2026-04-10',
      note: null,
    });
    assert.ok(made.ok, JSON.stringify(!made.ok && made.error));
    const parts = made.value.map((r) => Number(r.amountMinor));
    assert.equal((parts[0] as number) + (parts[1] as number), 30_000_00);
    assert.ok(Math.abs((parts[0] as number) - (30_000_00 * x) / (x + y)) < 1);
    const after = await getWorklist(db, { orgId, asOf });
    assert.ok(after.ok);
    const paused = after.value.paused.filter((p) => p.reason === 'promised').map((p) => p.number);
    assert.deepEqual(paused.sort(), [...numbers].sort());
  });

  test("a promise of an invoice's whole open amount moves its expected receipt to the promised day", async () => {
    const w = await getWorklist(db, { orgId, asOf });
    assert.ok(w.ok);
    const paused = new Set(w.value.paused.map((p) => p.invoiceId));
    // Not the insolvent customer: its receipts are expected as a recovery, whatever it promises.
    const item = w.value.items.find(
      (i) =>
        !['insolvent', 'written_off'].includes(i.riskStatus) &&
        i.invoices.some((x) => !x.invoiceId.includes('#') && !paused.has(x.invoiceId)),
    );
    const line = item?.invoices.find((x) => !x.invoiceId.includes('#') && !paused.has(x.invoiceId));
    assert.ok(item && line);
    const made = await recordPromise(db, by, {
      customerId: item.customerId,
      invoiceIds: [line.invoiceId],
      invoiceAmounts: [line.openMinor],
      currency: line.currency,
      amountMinor: line.openMinor,
      madeOn: asOf,
      promisedOn: '2026-04-24',
      note: null,
    });
    assert.ok(made.ok, JSON.stringify(!made.ok && made.error));
    const profile = await getCustomerProfile(db, { orgId, customer: item.customerId, asOf });
    assert.ok(profile.ok, JSON.stringify(!profile.ok && profile.error));
    const expected = profile.value.openItems.find((o) => o.invoiceId === line.invoiceId);
    assert.equal(expected?.expectedOn, '2026-04-24');
    assert.equal(expected?.reason, 'PROMISED_TO_PAY');
    assert.equal(expected?.reasonData.promise, made.value[0]?.id);
  });

  test('a promised date before the day it was made is refused, naming the field; nothing is written', async () => {
    const target = await resolvePromiseTarget(db, { orgId, customer: 'KH00005', invoices: [] });
    assert.ok(target.ok);
    const r = await recordPromise(db, by, {
      customerId: target.value.customerId,
      invoiceIds: [],
      invoiceAmounts: [],
      currency: 'CNY',
      amountMinor: 1_00,
      madeOn: asOf,
      promisedOn: '2026-03-01',
      note: null,
    });
    assert.equal(r.ok ? null : r.error.details.field, 'promisedOn');
    const unknown = await resolvePromiseTarget(db, { orgId, customer: 'KH00005', invoices: ['NO-SUCH'] });
    assert.equal(unknown.ok ? null : unknown.error.code, 'UNKNOWN_INVOICE');
  });

  test("a logged call does the stage due today for that step's invoices, and only those", async () => {
    const w = await getWorklist(db, { orgId, asOf });
    assert.ok(w.ok);
    const top = w.value.items[0];
    assert.ok(top);
    const stagesBefore = w.value.items.filter((i) => i.customerId === top.customerId).map((i) => i.stage);
    const highest = Math.max(...stagesBefore);
    const logged = await logContact(db, by, { customer: top.code, kind: 'call', note: 'called', asOf, stage: null });
    assert.ok(logged.ok, JSON.stringify(!logged.ok && logged.error));
    assert.ok(logged.value.every((r) => r.stage === highest && r.channel === 'phone'));
    const after = await getWorklist(db, { orgId, asOf });
    assert.ok(after.ok);
    const stagesAfter = after.value.items.filter((i) => i.customerId === top.customerId).map((i) => i.stage);
    assert.deepEqual(
      stagesAfter,
      stagesBefore.filter((s) => s !== highest),
    );
  });
});

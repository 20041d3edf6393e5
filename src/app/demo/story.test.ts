import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ledgerToPaymentRecords } from '../../core/receivables/index.js';
import { addDays, diffDays } from '../../core/time/index.js';
import { type Db, openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { loadReceivablesLedger } from '../../db/stores/receivables.js';
import { readPaymentHistory } from '../backtest/read-payment-history.js';
import { checkOrder, listReviews, recommendLimits, scoreCustomers } from '../credit/index.js';
import { runForecast } from '../forecast/index.js';
import { SHARED_DATA_MISSING, sharedDataPath } from '../shared-data.js';
import { generateDemoCompany } from './company.js';
import { DISPUTE_REASON } from './disputes.js';
import { paymentShares } from './payment-shares.js';
import { createDemoCompany } from './write.js';

/**
 * The default demo company (200 customers, 20,000 invoices) tells a true story (docs/demo.md):
 * customers pay like a real book, reviews spread over the year, most customers sit within their
 * limits, each deliberate problem is there exactly once and the product's own functions find it,
 * and cash stays above its buffer in the base forecast while a pessimistic quarter breaks it.
 */
const asOf = '2026-12-08';
const orgId = 'demo';
const { records, named } = generateDemoCompany({ asOf, idPrefix: `${orgId}:` });
let db: Db;

before(async () => {
  db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  await createDemoCompany(db, { asOf, orgId });
});
after(async () => db.close());

const ibm = sharedDataPath('ibm-accounts-receivable/invoices.csv');

describe('the demo company pays like a real book', () => {
  test('shares paid on time, a little late and very late sit in bands around the public history', async () => {
    const shares = paymentShares(ledgerToPaymentRecords(await loadReceivablesLedger(db, { orgId })));
    assert.ok(shares.onTime >= 0.55 && shares.onTime <= 0.75, `on time ${shares.onTime}`);
    assert.ok(shares.littleLate >= 0.15 && shares.littleLate <= 0.4, `1–30 days late ${shares.littleLate}`);
    assert.ok(shares.veryLate >= 0.02 && shares.veryLate <= 0.12, `over 30 days late ${shares.veryLate}`);
    // Not one customer pays like the old demo's majority: never on time over a whole history.
    const settled = new Map<string, { n: number; onTime: number }>();
    for (const r of ledgerToPaymentRecords(await loadReceivablesLedger(db, { orgId }))) {
      if (r.settledOn === null) continue;
      const c = settled.get(r.customerId) ?? { n: 0, onTime: 0 };
      c.n++;
      if (r.settledOn <= r.dueOn) c.onTime++;
      settled.set(r.customerId, c);
    }
    const never = [...settled.values()].filter((c) => c.n >= 5 && c.onTime === 0).length;
    assert.ok(never <= 10, `${never} customers never paid on time`);
  });

  test('the on-time share is within 10 points of the IBM payment histories', {
    skip: ibm === null && SHARED_DATA_MISSING,
  }, async () => {
    const history = await readPaymentHistory(ibm as string);
    assert.ok(history.ok);
    const reference = paymentShares(history.value.invoices);
    const demo = paymentShares(ledgerToPaymentRecords(await loadReceivablesLedger(db, { orgId })));
    assert.ok(Math.abs(demo.onTime - reference.onTime) <= 0.1, `demo ${demo.onTime} vs IBM ${reference.onTime}`);
  });
});

describe('credit reviews and limits', () => {
  test('every customer has been reviewed; few are due now and no week brings more than ten', async () => {
    const r = await listReviews(db, { orgId, asOf });
    assert.ok(r.ok);
    const { reviews } = r.value;
    assert.equal(reviews.length, 200);
    assert.ok(reviews.every((x) => x.lastReviewedOn !== null));
    const due = reviews.filter((x) => x.isDue);
    assert.ok(due.length >= 5 && due.length <= 20, `${due.length} due now`);
    const cadenceOnly = due.filter((x) => x.reasons.every((reason) => reason.code === 'CR_CADENCE'));
    assert.ok(cadenceOnly.length <= 3, `${cadenceOnly.length} due by cadence alone: the others by an event`);
    const perWeek = new Map<number, number>();
    for (const x of reviews.filter((v) => !v.isDue)) {
      const week = Math.floor(diffDays(asOf, x.nextDueOn) / 7);
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
    assert.ok(Math.max(...perWeek.values()) <= 10, `at most ${Math.max(...perWeek.values())} due in one week`);
    assert.ok([...perWeek.keys()].filter((w) => w < 52).length >= 40, 'reviews spread over the year');
  });

  test('most customers are within their approved limits; exactly one is over, and its order is held', async () => {
    const r = await recommendLimits(db, { orgId, asOf });
    assert.ok(r.ok);
    const exposed = r.value.customers.filter((c) => c.exposure.totalMinor > 0);
    const within = exposed.filter((c) => c.current !== null && c.exposure.totalMinor <= c.current.limitMinor);
    assert.ok(within.length / exposed.length >= 0.85, `${within.length} of ${exposed.length} within their limits`);
    const over = exposed.filter(
      (c) => (c.current?.limitMinor ?? 0) > 0 && c.exposure.totalMinor > (c.current?.limitMinor ?? 0),
    );
    assert.deepEqual(
      over.map((c) => c.customerId),
      [named.overLimit],
    );
    const [only] = over;
    assert.ok(only && only.exposure.totalMinor <= (only.current?.limitMinor ?? 0) * 1.25, 'over by a modest amount');
    const order = records.salesOrders.find((o) => o.customerId === named.overLimit && o.status === 'open');
    assert.ok(order);
    const held = await checkOrder(db, {
      orgId,
      customerId: named.overLimit,
      amountMinor: order.amountMinor,
      currency: order.currency,
      asOf,
      orderRef: order.number,
    });
    assert.ok(held.ok && held.value.decision === 'hold');
    assert.deepEqual(
      held.value.reasons.map((x) => x.code),
      ['CH_OVER_LIMIT'],
    );
    const top = records.salesOrders.find((o) => o.customerId === named.top && o.status === 'open');
    assert.ok(top);
    const allowed = await checkOrder(db, {
      orgId,
      customerId: named.top,
      amountMinor: top.amountMinor,
      currency: top.currency,
      asOf,
    });
    assert.ok(allowed.ok && allowed.value.decision === 'allow', JSON.stringify(allowed.ok && allowed.value.reasons));
  });
});

describe('each deliberate problem is there exactly once', () => {
  test('one customer in insolvency: stopped paying months before, limit 0, orders on hold', async () => {
    const insolvency = records.legalEvents.filter((e) => e.type === 'insolvency');
    assert.deepEqual(
      insolvency.map((e) => e.customerId),
      [named.insolvent],
    );
    const eventOn = insolvency[0]?.occurredOn as string;
    const receipts = records.receipts.filter((x) => x.customerId === named.insolvent).map((x) => x.receivedOn);
    const lastPaid = receipts.sort().at(-1) as string;
    assert.ok(diffDays(lastPaid, eventOn) >= 60, `last paid ${lastPaid}, insolvency ${eventOn}`);
    const limits = await recommendLimits(db, { orgId, asOf, customerId: named.insolvent });
    assert.ok(limits.ok);
    assert.equal(limits.value.customers[0]?.current?.limitMinor, 0);
    const held = await checkOrder(db, {
      orgId,
      customerId: named.insolvent,
      amountMinor: 1_000_000,
      currency: 'CNY',
      asOf,
    });
    assert.ok(held.ok && held.value.decision === 'hold');
  });

  test('one large habitual late payer: reliable, 30–45 days after the due date', () => {
    const salesTotal = new Map<string, number>();
    const rate: Record<string, number> = { CNY: 1, USD: 7.1, EUR: 7.8 };
    let all = 0;
    for (const i of records.invoices) {
      if (i.issuedOn <= addDays(asOf, -365)) continue;
      const v = i.amountMinor * (rate[i.currency] ?? 1);
      salesTotal.set(i.customerId, (salesTotal.get(i.customerId) ?? 0) + v);
      all += v;
    }
    const paid = new Map(records.receipts.map((r) => [r.id, r.receivedOn]));
    const settledOn = new Map<string, string>();
    for (const a of records.receiptAllocations) {
      const on = paid.get(a.receiptId) as string;
      if ((settledOn.get(a.invoiceId) ?? '') < on) settledOn.set(a.invoiceId, on);
    }
    const delay = new Map<string, { w: number; wd: number }>();
    for (const i of records.invoices) {
      const on = settledOn.get(i.id);
      if (i.status !== 'paid' || on === undefined || on <= addDays(asOf, -365)) continue;
      const d = delay.get(i.customerId) ?? { w: 0, wd: 0 };
      d.w += i.amountMinor;
      d.wd += i.amountMinor * diffDays(i.dueOn, on);
      delay.set(i.customerId, d);
    }
    const largeAndLate = [...delay]
      .filter(([id, d]) => (salesTotal.get(id) ?? 0) / all >= 0.02 && d.wd / d.w >= 30 && d.wd / d.w <= 45)
      .map(([id]) => id);
    assert.deepEqual(largeAndLate, [named.late]);
  });

  test('one disputed invoice, flagged and with its reason noted', () => {
    const disputed = records.invoices.filter((i) => i.isDisputed);
    assert.equal(disputed.length, 1);
    const [invoice] = disputed;
    assert.ok(invoice && invoice.customerId === named.disputing && invoice.status === 'open');
    const notes = records.dunningActions.filter((d) => d.invoiceId === invoice.id);
    assert.equal(notes.length, 1);
    assert.ok(notes[0]?.notes?.includes(DISPUTE_REASON));
  });

  test('one 商承 acceptor on the 票交所 overdue list, with a bill of ours, found by the scorecard', async () => {
    const listed = records.legalEvents.filter(
      (e) => e.type === 'acceptor_overdue' || e.type === 'acceptor_persistent_overdue',
    );
    assert.deepEqual(
      listed.map((e) => e.customerId),
      [named.acceptor],
    );
    const bills = records.acceptanceBills.filter((b) => b.acceptorCustomerId === named.acceptor);
    assert.ok(bills.length === 1 && bills[0]?.kind === 'commercial' && bills[0].status === 'held');
    assert.ok((bills[0]?.maturesOn ?? '') > asOf);
    const scores = await scoreCustomers(db, { orgId, asOf, customerId: named.acceptor });
    assert.ok(scores.ok);
    assert.ok(scores.value.customers[0]?.reasons.some((x) => x.code === 'CS_LEGAL_ACCEPTOR_OVERDUE'));
  });

  test('one insurer limit cancelled, and the hold check stops that buyer', async () => {
    const changed = records.insuredBuyerLimits.filter((l) => l.cancelledOn !== null);
    assert.deepEqual(
      changed.map((l) => l.customerId),
      [named.deteriorating],
    );
    const perBuyer = new Set(records.insuredBuyerLimits.map((l) => l.customerId));
    assert.equal(perBuyer.size, records.insuredBuyerLimits.length, 'no other limit was reduced');
    const held = await checkOrder(db, {
      orgId,
      customerId: named.deteriorating,
      amountMinor: 1_000_000,
      currency: 'CNY',
      asOf,
    });
    assert.ok(held.ok && held.value.reasons.some((x) => x.code === 'CH_INSURER_CANCELLED'));
  });
});

test('cash: above the buffer on day one and in most base weeks; the pessimistic quarter breaks it', async () => {
  const r = await runForecast(db, { orgId, asOf, granularity: 'week', trace: false });
  assert.ok(r.ok);
  const { bufferMinor, opening } = r.value;
  assert.ok(opening.totalMinor >= bufferMinor * 1.1, `opening ${opening.totalMinor} vs buffer ${bufferMinor}`);
  const scenario = (name: string) => r.value.scenarios.find((s) => s.scenario === name)?.periods ?? [];
  const base = scenario('base');
  assert.equal(base.length, 13);
  assert.ok(base.filter((p) => !p.isBelowBuffer).length >= 10, 'base stays above the buffer most weeks');
  assert.ok(
    scenario('pessimistic').some((p) => p.isBelowBuffer),
    'the pessimistic scenario breaks the buffer',
  );
});

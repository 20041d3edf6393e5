import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../time/index.js';
import {
  instalmentsBeyondMep,
  DEFAULT_LADDER_SETTINGS as L,
  type PromiseToPay,
  planDunning,
  planInstalments,
  planState,
  promiseState,
  validatePaymentPlan,
  validatePromise,
} from './index.js';
import { invoice } from './test-support.js';

const promise: PromiseToPay = {
  id: 'P1',
  customerId: 'C1',
  invoiceId: 'I1',
  amountMinor: 10_000_00,
  currency: 'CNY',
  madeOn: '2026-04-20',
  promisedOn: '2026-04-30',
};
const mine = new Set(['I1', 'I2']);

test('a promise is kept when the invoice is paid by the promised day (plus grace), open before, broken after', () => {
  const paid = [{ invoiceId: 'I1', on: '2026-05-01', amountMinor: 10_000_00, currency: 'CNY' }];
  assert.equal(promiseState(promise, paid, mine, '2026-05-05', 2).state, 'kept');
  assert.deepEqual(promiseState(promise, [], mine, '2026-05-02', 2), {
    state: 'open',
    paidMinor: 0,
    until: '2026-04-30',
  });
  assert.deepEqual(promiseState(promise, [], mine, '2026-05-03', 2), {
    state: 'broken',
    paidMinor: 0,
    brokenOn: '2026-05-03',
  });
  // Paid on another invoice, or too little: still broken.
  const other = [{ invoiceId: 'I2', on: '2026-04-29', amountMinor: 10_000_00, currency: 'CNY' }];
  assert.equal(promiseState(promise, other, mine, '2026-05-03', 2).state, 'broken');
  // A customer-wide promise counts any of its invoices.
  assert.equal(promiseState({ ...promise, invoiceId: null }, other, mine, '2026-05-03', 2).state, 'kept');
});

test('an open promise pauses dunning until its day; a broken one escalates the stage at once', () => {
  const promised = invoice({
    lastStage: { stage: 2, on: '2026-04-07' },
    promise: { state: 'open', until: '2026-04-30' },
  });
  const open = planDunning([promised], [], '2026-04-20', L);
  assert.equal(open.actions.length, 0);
  assert.deepEqual(
    open.paused.map((p) => [p.reason, p.until]),
    [['promised', '2026-04-30']],
  );
  // Stage 2 done on 7 April; the promise broke on 3 May: stage 3 that day, not waiting for the dates.
  const broken = invoice({
    lastStage: { stage: 2, on: '2026-04-07' },
    promise: { state: 'broken', brokenOn: '2026-05-03' },
  });
  const a = planDunning([broken], [], '2026-05-03', L).actions[0];
  assert.equal(a?.stage, 3);
  assert.equal(a?.dueSince, '2026-05-03');
  assert.equal(a?.escalatedBy, 'broken_promise');
  // Once the escalation is done (a stage recorded after the breach), the ladder goes on as usual.
  const acted = invoice({
    lastStage: { stage: 3, on: '2026-05-04' },
    promise: { state: 'broken', brokenOn: '2026-05-03' },
  });
  assert.equal(planDunning([acted], [], '2026-05-05', L).actions[0]?.stage, 4);
});

test('a plan on track pauses the customer; a missed instalment breaches it and escalates', () => {
  const plan = {
    id: 'PL1',
    customerId: 'C1',
    currency: 'CNY',
    totalMinor: 30_000_00,
    agreedOn: '2026-04-15',
    instalments: planInstalments(30_000_00, 3, '2026-04-30', 1),
  };
  const first = [{ invoiceId: 'I1', on: '2026-04-30', amountMinor: 10_000_00, currency: 'CNY' }];
  assert.equal(planState(plan, first, mine, '2026-05-20', 3).state, 'on_track');
  const breached = planState(plan, first, mine, '2026-06-04', 3);
  assert.deepEqual(breached, {
    state: 'breached',
    paidMinor: 10_000_00,
    dueMinor: 20_000_00,
    breachedOn: '2026-06-03',
  });
  const on = [
    { customerId: 'C1', isVip: false, pausedUntil: null, pauseReason: null, plan: { state: 'on_track' as const } },
  ];
  assert.equal(planDunning([invoice()], on, '2026-05-20', L).paused[0]?.reason, 'on_plan');
  const off = [
    {
      customerId: 'C1',
      isVip: false,
      pausedUntil: null,
      pauseReason: null,
      plan: { state: 'breached' as const, breachedOn: '2026-06-04' },
    },
  ];
  const a = planDunning([invoice({ lastStage: { stage: 4, on: '2026-04-30' } })], off, '2026-06-04', L).actions[0];
  assert.equal(a?.stage, 5);
  assert.equal(a?.escalatedBy, 'plan_breached');
});

test('property: plan instalments always add up to the total, a minor unit apart at most', () => {
  fc.assert(
    fc.property(fc.integer({ min: 60, max: 1e13 }), fc.integer({ min: 1, max: 60 }), (total, count) => {
      const parts = planInstalments(total, count, '2026-01-31', 1);
      assert.equal(parts.length, count);
      assert.equal(
        parts.reduce((s, p) => s + p.amountMinor, 0),
        total,
      );
      const amounts = parts.map((p) => p.amountMinor);
      assert.ok(Math.max(...amounts) - Math.min(...amounts) <= 1);
      assert.deepEqual(
        validatePaymentPlan({ totalMinor: total, currency: 'CNY', agreedOn: '2026-01-01', instalments: parts }),
        [],
      );
    }),
    { numRuns: 300 },
  );
  // Each instalment counts its months from the first: 31 January, then 28 February, 31 March.
  assert.deepEqual(
    planInstalments(100_000_01, 3, '2026-01-31', 1).map((p) => [p.dueOn, p.amountMinor]),
    [
      ['2026-01-31', 33_333_34],
      ['2026-02-28', 33_333_34],
      ['2026-03-31', 33_333_33],
    ],
  );
});

test('instalments after the maximum extension period need the insurer (DOMAIN 5.3)', () => {
  const parts = planInstalments(30_000_00, 3, '2026-04-30', 1);
  const r = instalmentsBeyondMep(parts, '2026-03-31', 60);
  // Due 31 March, 60 days' extension: the MEP ends 30 May; instalments on 30 April, 30 May, 30 June.
  assert.equal(r.mepOn, '2026-05-30');
  assert.deepEqual(
    r.beyond.map((p) => p.dueOn),
    ['2026-06-30'],
  );
  assert.deepEqual(instalmentsBeyondMep(parts, '2026-03-31', null).beyond, []);
});

test('write rules: a plan whose instalments miss its total, a promise before it was made, are refused naming the field', () => {
  const plan = validatePaymentPlan({
    totalMinor: 100,
    currency: 'CNY',
    agreedOn: '2026-04-01',
    instalments: [
      { dueOn: '2026-03-01', amountMinor: 50 },
      { dueOn: '2026-05-01', amountMinor: 40 },
    ],
  });
  assert.deepEqual(
    plan.map((v) => [v.code, v.field]),
    [
      ['END_BEFORE_START', 'instalments.0.dueOn'],
      ['INSTALMENTS_SUM_MISMATCH', 'instalments'],
    ],
  );
  const p = validatePromise({
    amountMinor: 0,
    currency: 'CNY',
    madeOn: '2026-04-01',
    promisedOn: addDays('2026-04-01', -1),
  });
  assert.deepEqual(
    p.map((v) => [v.code, v.field]),
    [
      ['NOT_POSITIVE', 'amountMinor'],
      ['END_BEFORE_START', 'promisedOn'],
    ],
  );
});

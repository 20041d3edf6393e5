import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LADDER_SETTINGS as L, planDunning, stageDates } from './index.js';
import { invoice } from './test-support.js';

test('the default ladder runs from 7 days before the due date to 90 days after (DOMAIN 5.1)', () => {
  assert.deepEqual(stageDates('2026-03-31', null, false, L), [
    '2026-03-24',
    '2026-04-01',
    '2026-04-07',
    '2026-04-15',
    '2026-04-30',
    '2026-05-15',
    '2026-05-30',
    '2026-06-29',
  ]);
});

test('a week before the due date: a courtesy reminder; the day after: a polite reminder', () => {
  assert.equal(planDunning([invoice()], [], '2026-03-23', L).actions.length, 0);
  assert.equal(planDunning([invoice()], [], '2026-03-24', L).actions[0]?.action, 'courtesy_reminder');
  const after = planDunning([invoice()], [], '2026-04-01', L).actions[0];
  assert.equal(after?.action, 'reminder');
  assert.equal(after?.alertLevel, 'low');
  assert.equal(after?.invoices[0]?.daysPastDue, 1);
});

test('no level is skipped: after the reminder was sent, a month late still means the phone call next', () => {
  const sent = invoice({ lastStage: { stage: 1, on: '2026-04-01' } });
  const a = planDunning([sent], [], '2026-05-01', L).actions[0];
  assert.equal(a?.stage, 2);
  assert.equal(a?.action, 'phone_call');
  assert.equal(a?.isCreditHoldStage, false);
  // Nothing recorded (an invoice that enters the ladder late): the stage its dates reached.
  const fresh = planDunning([invoice()], [], '2026-05-01', L).actions[0];
  assert.equal(fresh?.stage, 4);
  assert.equal(fresh?.isCreditHoldStage, true);
  // The last stage done and the next one not yet due: nothing today.
  const done = invoice({ lastStage: { stage: 4, on: '2026-04-30' } });
  assert.equal(planDunning([done], [], '2026-05-14', L).actions.length, 0);
});

test("one message per customer per stage groups the customer's invoices, oldest first", () => {
  const plan = planDunning(
    [
      invoice({ invoiceId: 'I2', number: 'INV-2', dueOn: '2026-04-05' }),
      invoice(),
      invoice({ invoiceId: 'I3', number: 'INV-3', dueOn: '2026-02-10' }),
      invoice({ invoiceId: 'I4', customerId: 'C2', number: 'INV-4' }),
    ],
    [],
    '2026-04-20',
    L,
  );
  const c1 = plan.actions.filter((a) => a.customerId === 'C1');
  assert.deepEqual(
    c1.map((a) => [a.stage, a.invoices.map((i) => i.number)]),
    [
      [3, ['INV-1', 'INV-2']],
      [6, ['INV-3']],
    ],
  );
  assert.equal(c1[0]?.dueSince, '2026-04-15');
  assert.equal(c1[1]?.isHandoverStage, true);
  assert.equal(plan.actions.filter((a) => a.customerId === 'C2').length, 1);
});

test('a disputed invoice pauses; a customer paused until a date waits with the reason, then resumes', () => {
  const overrides = [{ customerId: 'C1', isVip: false, pausedUntil: '2026-05-10', pauseReason: 'owner in hospital' }];
  const disputed = invoice({ invoiceId: 'I9', customerId: 'C9', isDisputed: true });
  const plan = planDunning([invoice(), disputed], overrides, '2026-05-01', L);
  assert.equal(plan.actions.length, 0);
  assert.deepEqual(
    plan.paused.map((p) => [p.customerId, p.reason, p.until, p.note]),
    [
      ['C1', 'customer_paused', '2026-05-10', 'owner in hospital'],
      ['C9', 'disputed', null, null],
    ],
  );
  assert.equal(planDunning([invoice()], overrides, '2026-05-11', L).actions[0]?.stage, 4);
});

test('a VIP gets 7 more days before each stage after the due date, not before it', () => {
  const vip = [{ customerId: 'C1', isVip: true, pausedUntil: null, pauseReason: null }];
  assert.equal(planDunning([invoice()], vip, '2026-03-24', L).actions[0]?.stage, 0);
  assert.equal(planDunning([invoice()], vip, '2026-04-07', L).actions[0]?.stage, 0);
  const a = planDunning([invoice()], vip, '2026-04-08', L).actions[0];
  assert.equal(a?.stage, 1);
  assert.equal(a?.isVip, true);
});

test('a settled invoice (nothing open) is not dunned', () => {
  assert.equal(planDunning([invoice({ openMinor: 0 })], [], '2026-05-01', L).actions.length, 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LadderSettings, planDunning, stageDates } from './index.js';
import { invoice } from './test-support.js';

/** Reminders on month-end runs: at the end of the due month, then at the end of the month 30 days on. */
const MONTH_END: LadderSettings = {
  stages: [
    { action: 'courtesy_reminder', mode: 'days_after_due', days: -7, alertLevel: 'info' },
    { action: 'reminder', mode: 'end_of_month', days: 0, alertLevel: 'low' },
    { action: 'phone_call', mode: 'end_of_month', days: 30, alertLevel: 'medium' },
  ],
  creditHoldStage: 2,
  handoverStage: 2,
  vipGraceDays: 7,
  promiseGraceDays: 3,
};

test('end-of-month stages fall on the last day of the month, 29 February in a leap year', () => {
  assert.deepEqual(stageDates('2026-02-10', null, false, MONTH_END), ['2026-02-03', '2026-02-28', '2026-03-31']);
  assert.deepEqual(stageDates('2024-02-10', null, false, MONTH_END), ['2024-02-03', '2024-02-29', '2024-03-31']);
});

test('due on the last day of the month: the reminder is that day (not after the due date is passed)', () => {
  assert.deepEqual(stageDates('2026-04-30', null, false, MONTH_END), ['2026-04-23', '2026-04-30', '2026-05-31']);
});

test('the worklist follows the month-end dates', () => {
  const inv = invoice({ dueOn: '2026-02-10' });
  assert.equal(planDunning([inv], [], '2026-02-27', MONTH_END).actions[0]?.stage, 0);
  assert.equal(planDunning([inv], [], '2026-02-28', MONTH_END).actions[0]?.stage, 1);
  const sent = invoice({ dueOn: '2026-02-10', lastStage: { stage: 1, on: '2026-02-28' } });
  assert.equal(planDunning([sent], [], '2026-03-30', MONTH_END).actions.length, 0);
  assert.equal(planDunning([sent], [], '2026-03-31', MONTH_END).actions[0]?.action, 'phone_call');
});

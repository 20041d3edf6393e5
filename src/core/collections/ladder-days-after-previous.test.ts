import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LadderSettings, planDunning, resolveLadderSettings, stageDates } from './index.js';
import { invoice } from './test-support.js';

/** After the first reminder, each step 10 then 14 days after the one before it was done. */
const CHAINED: LadderSettings = {
  stages: [
    { action: 'courtesy_reminder', mode: 'days_after_due', days: -7, alertLevel: 'info' },
    { action: 'reminder', mode: 'days_after_due', days: 1, alertLevel: 'low' },
    { action: 'phone_call', mode: 'days_after_previous', days: 10, alertLevel: 'low' },
    { action: 'demand_letter', mode: 'days_after_previous', days: 14, alertLevel: 'high' },
  ],
  creditHoldStage: 3,
  handoverStage: 3,
  vipGraceDays: 7,
  promiseGraceDays: 3,
};

test('with nothing recorded, each step counts from the scheduled day of the one before', () => {
  assert.deepEqual(stageDates('2026-03-31', null, false, CHAINED), [
    '2026-03-24',
    '2026-04-01',
    '2026-04-11',
    '2026-04-25',
  ]);
});

test('a reminder sent late (5 April) moves the call to 15 April: counted from when it was done', () => {
  const sent = invoice({ lastStage: { stage: 1, on: '2026-04-05' } });
  assert.equal(planDunning([sent], [], '2026-04-14', CHAINED).actions.length, 0);
  const a = planDunning([sent], [], '2026-04-15', CHAINED).actions[0];
  assert.equal(a?.action, 'phone_call');
  assert.equal(a?.dueSince, '2026-04-15');
  const called = invoice({ lastStage: { stage: 2, on: '2026-04-20' } });
  assert.equal(planDunning([called], [], '2026-05-03', CHAINED).actions.length, 0);
  assert.equal(planDunning([called], [], '2026-05-04', CHAINED).actions[0]?.isCreditHoldStage, true);
});

test('ladder settings are checked whole and name the stage at fault', () => {
  const first = resolveLadderSettings({ stages: [{ ...CHAINED.stages[2] }] });
  assert.equal(first.ok ? null : first.error.details.field, 'collections.ladder.stages[0]');
  const falling = resolveLadderSettings({ stages: [CHAINED.stages[1], CHAINED.stages[0]] });
  assert.equal(falling.ok ? null : falling.error.details.field, 'collections.ladder.stages[1]');
  const hold = resolveLadderSettings({ stages: CHAINED.stages.slice(0, 2) });
  assert.equal(hold.ok ? null : hold.error.details.field, 'collections.ladder.creditHoldStage');
  const unknown = resolveLadderSettings({ stagez: [] });
  assert.equal(unknown.ok ? null : unknown.error.details.field, 'collections.ladder.stagez');
  const action = resolveLadderSettings({ stages: [{ ...CHAINED.stages[0], action: 'sms' }] });
  assert.equal(action.ok ? null : action.error.details.field, 'collections.ladder.stages[0]');
  assert.ok(resolveLadderSettings({ ...CHAINED }).ok);
});

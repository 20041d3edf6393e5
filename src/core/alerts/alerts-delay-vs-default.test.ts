import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateAlerts } from './evaluate.js';
import { DEFAULT_ALERT_SETTINGS } from './settings.js';
import { alertInput, facts, history, legalEvent, overdueLine, riskState } from './test-support.js';

// A habitual late payer (always 28–45 days late) and a prompt payer (on time, at most 2 days late),
// plus ordinary customers so the book has a portfolio to shrink toward (one habitual late payer in
// eight customers: a book where most pay on time or a few days late).
const records = [
  ...history('LATE', [30, 35, 40, 28, 45, 33, 38]),
  ...history('PROMPT', [0, -3, 0, -1, 2, 0, -5]),
  ...history('OTHER1', [0, 3, 5, 0, -2]),
  ...history('OTHER2', [1, 0, 8, 0, 4]),
  ...history('OTHER3', [0, 0, 2, 12, -1]),
  ...history('OTHER4', [0, -4, 6, 0, 1]),
  ...history('OTHER5', [3, 0, 0, 9, 0]),
  ...history('OTHER6', [0, 1, 0, 0, 14]),
];
const overdueOf = (all: ReturnType<typeof evaluateAlerts>, customerId: string) =>
  all.find((a) => a.customerId === customerId && a.key === `overdue:${customerId}`);

test('THE test: a habitual late payer 10 days late is a watch; a prompt payer 10 days late after a legal event is critical', () => {
  const late = facts('LATE', { overdue: [overdueLine('LATE', 10)] });
  const prompt = facts('PROMPT', {
    state: riskState('PROMPT', { events: [legalEvent('PROMPT', 'enforcement', 20)] }),
    overdue: [overdueLine('PROMPT', 10)],
  });
  const all = evaluateAlerts(alertInput([late, prompt], records), DEFAULT_ALERT_SETTINGS);
  const a = overdueOf(all, 'LATE');
  const b = overdueOf(all, 'PROMPT');
  assert.equal(a?.rule, 'overdue_delay');
  assert.equal(a?.level, 'watch');
  assert.equal(a?.reason.code, 'ALERT_REASON_OVERDUE_ORDINARY');
  assert.ok((a?.evidence.data.probability as number) >= 0.7, `P = ${a?.evidence.data.probability}`);
  assert.equal(b?.rule, 'overdue_default_signal');
  assert.equal(b?.level, 'critical');
  assert.equal(b?.evidence.data.signal, 'legal_event');
  assert.ok((b?.evidence.data.probability as number) < 0.25);
  // The legal event is an alert of its own too, with its record as evidence.
  assert.ok(all.some((x) => x.rule === 'legal_event' && x.customerId === 'PROMPT' && x.level === 'warning'));
});

test('a prompt payer 10 days late without any signal: lateness far outside its own pattern is critical', () => {
  const prompt = facts('PROMPT', { overdue: [overdueLine('PROMPT', 10)] });
  const a = overdueOf(evaluateAlerts(alertInput([prompt], records), DEFAULT_ALERT_SETTINGS), 'PROMPT');
  assert.equal(a?.level, 'critical');
  assert.equal(a?.evidence.data.signal, 'unusual_lateness');
});

test('the same habitual late payer 70 days late follows the ladder to critical; an ordinary delay ends at its cap', () => {
  const late = facts('LATE', { overdue: [overdueLine('LATE', 70)] });
  const a = overdueOf(evaluateAlerts(alertInput([late], records), DEFAULT_ALERT_SETTINGS), 'LATE');
  assert.equal(a?.level, 'critical');
});

test('a prompt payer two days late raises nothing: the first week is the reminders’ job, not an alert', () => {
  const prompt = facts('PROMPT', { overdue: [overdueLine('PROMPT', 2)] });
  assert.deepEqual(evaluateAlerts(alertInput([prompt], records), DEFAULT_ALERT_SETTINGS), []);
});

test('a delay neither usual nor far outside the pattern follows the ladder: info from day 7, watch from 15', () => {
  const lenient = { ...DEFAULT_ALERT_SETTINGS, ordinaryLatenessProbability: 0.99, unusualLatenessProbability: 0.001 };
  const at = (days: number) =>
    overdueOf(
      evaluateAlerts(alertInput([facts('OTHER2', { overdue: [overdueLine('OTHER2', days)] })], records), lenient),
      'OTHER2',
    );
  assert.equal(at(6), undefined);
  assert.deepEqual([at(8)?.rule, at(8)?.level], ['overdue_stage', 'info']);
  assert.equal(at(16)?.level, 'watch');
  assert.equal(at(31)?.level, 'warning');
  assert.equal(at(61)?.level, 'critical');
});

test('does not fire: nothing overdue, or lines due today', () => {
  const none = facts('PROMPT');
  const today = facts('LATE', { overdue: [overdueLine('LATE', 0)] });
  const all = evaluateAlerts(alertInput([none, today], records), DEFAULT_ALERT_SETTINGS);
  assert.deepEqual(all, []);
});

test('a stricter setting turns the same delay into a ladder alert: thresholds are settings', () => {
  const late = facts('LATE', { overdue: [overdueLine('LATE', 20)] });
  const strict = { ...DEFAULT_ALERT_SETTINGS, ordinaryLatenessProbability: 0.99, unusualLatenessProbability: 0.01 };
  const a = overdueOf(evaluateAlerts(alertInput([late], records), strict), 'LATE');
  assert.equal(a?.reason.code, 'ALERT_REASON_OVERDUE_STAGE');
  assert.equal(a?.level, 'watch'); // day 20: ladder stage 3
});

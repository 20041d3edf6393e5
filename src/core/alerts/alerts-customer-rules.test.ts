import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReviewDue } from '../credit/index.js';
import { evaluateAlerts } from './evaluate.js';
import { DEFAULT_ALERT_SETTINGS } from './settings.js';
import { ASOF, alertInput, facts, history, legalEvent, riskState } from './test-support.js';

const records = history('A', [0, 1, 2]);
const run = (...customers: Parameters<typeof alertInput>[0]) =>
  evaluateAlerts(alertInput(customers, records), DEFAULT_ALERT_SETTINGS);
const review = (over: Partial<ReviewDue>): ReviewDue => ({
  customerId: 'A',
  grade: 'B',
  lastReviewedOn: '2026-01-10',
  nextDueOn: '2027-01-10',
  isDue: false,
  reasons: [],
  ...over,
});

test('insolvency: fires critical on a live insolvency event, not on a resolved one', () => {
  const live = facts('A', { state: riskState('A', { events: [legalEvent('A', 'insolvency', 20)] }) });
  const a = run(live).find((x) => x.rule === 'insolvency');
  assert.equal(a?.level, 'critical');
  assert.equal(a?.evidence.data.on, '2026-11-18');
  const resolved = { ...legalEvent('A', 'insolvency', 200), resolvedOn: '2026-10-01' };
  assert.equal(run(facts('A', { state: riskState('A', { events: [resolved] }) })).length, 0);
});

test('hard override: critical with the override named; none without one', () => {
  const state = riskState('A', {
    grade: 'E',
    overrides: [{ code: 'CS_OVERRIDE', data: { override: 'CS_OVERRIDE_DISHONEST_DEBTOR' } }],
  });
  const a = run(facts('A', { state })).find((x) => x.rule === 'hard_override');
  assert.equal(a?.level, 'critical');
  assert.equal(a?.evidence.data.override, 'CS_OVERRIDE_DISHONEST_DEBTOR');
  assert.equal(run(facts('A')).filter((x) => x.rule === 'hard_override').length, 0);
});

test('legal event: one warning per recent live event, none for an event older than the setting', () => {
  const events = [legalEvent('A', 'enforcement', 30), { ...legalEvent('A', 'lawsuit_defendant', 200), id: 'old' }];
  const found = run(facts('A', { state: riskState('A', { events }) })).filter((x) => x.rule === 'legal_event');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.key, 'legal_event:A:A-enforcement');
  assert.ok(found[0]?.evidence.links.some((l) => l.kind === 'legal_event'));
});

test('grade drop: warning from the review calendar trigger; nothing without it', () => {
  const drop = review({ isDue: true, reasons: [{ code: 'CR_GRADE_DROP', data: { from: 'B', to: 'D' } }] });
  const all = run(facts('A', { review: drop }));
  assert.equal(all.find((x) => x.rule === 'grade_drop')?.level, 'warning');
  // The review made due by an event is a watch.
  assert.equal(all.find((x) => x.rule === 'review_due')?.level, 'watch');
  assert.equal(run(facts('A', { review: review({}) })).length, 0);
});

test('review due by cadence alone is info; its key holds until the review is recorded', () => {
  const due = review({ isDue: true, nextDueOn: ASOF, reasons: [{ code: 'CR_CADENCE', data: { months: 12 } }] });
  const a = run(facts('A', { review: due })).find((x) => x.rule === 'review_due');
  assert.equal(a?.level, 'info');
  assert.equal(a?.key, 'review_due:A:2026-01-10');
});

test('over limit: warning with the amount over; not at the limit itself', () => {
  const over = riskState('A', { limitMinor: 90_000_00 });
  const a = run(facts('A', { state: over })).find((x) => x.rule === 'over_limit');
  assert.equal(a?.level, 'warning');
  assert.equal(a?.evidence.data.overMinor, 10_000_00);
  assert.equal(run(facts('A', { state: riskState('A', { limitMinor: 100_000_00 }) })).length, 0);
});

test('a customer in good standing raises nothing', () => {
  assert.deepEqual(run(facts('A')), []);
});

test('broken promise: a warning per promise broken in the last 30 days, worded in both languages', () => {
  const promise = (id: string, brokenOn: string) => ({
    promiseId: id,
    invoiceNumber: 'INV-7',
    amountMinor: 60_000_00,
    paidMinor: 10_000_00,
    currency: 'CNY',
    promisedOn: '2026-11-20',
    brokenOn,
  });
  // ASOF 2026-12-08: broken 2026-11-24 is told; broken 2026-11-07 (31 days) is the worklist's alone.
  const alerts = run(facts('A', { brokenPromises: [promise('P1', '2026-11-24'), promise('P0', '2026-11-07')] })).filter(
    (x) => x.rule === 'broken_promise',
  );
  assert.deepEqual(
    alerts.map((a) => [a.key, a.level]),
    [['broken_promise:P1', 'warning']],
  );
  assert.equal(alerts[0]?.reason.code, 'ALERT_REASON_BROKEN_PROMISE');
  assert.equal(alerts[0]?.evidence.data.paidMinor, 10_000_00);
});

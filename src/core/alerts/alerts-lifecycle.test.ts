import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStatus, reconcileAlerts, type StoredAlertState, SYSTEM_ACTOR } from './lifecycle.js';
import type { Alert, AlertLevel } from './types.js';

const alert = (key: string, level: AlertLevel = 'watch'): Alert => ({
  rule: 'overdue_delay',
  level,
  customerId: 'C',
  key,
  reason: { code: 'ALERT_REASON_OVERDUE_ORDINARY', data: {} },
  action: { code: 'ALERT_ACTION_OVERDUE_ORDINARY', data: {} },
  evidence: { data: {}, links: [] },
});
const stored = (key: string, over: Partial<StoredAlertState> = {}): StoredAlertState => ({
  id: `id-${key}`,
  key,
  level: 'watch',
  status: 'open',
  snoozedUntil: null,
  resolvedBy: null,
  ...over,
});

test('a new key is raised; the same key again is the same alert, with no transition (de-duplicated)', () => {
  const first = reconcileAlerts([], [alert('k')], '2026-12-08');
  assert.equal(first.length, 1);
  assert.equal(first[0]?.kind, 'insert');
  const again = reconcileAlerts([stored('k')], [alert('k')], '2026-12-09');
  assert.deepEqual(
    again.map((s) => [s.kind, s.kind === 'update' ? s.transitions.length : -1]),
    [['update', 0]],
  );
});

test('a condition that clears is auto-resolved; resolved alerts are left alone', () => {
  const steps = reconcileAlerts(
    [stored('gone'), stored('old', { status: 'resolved', resolvedBy: 'u1' })],
    [],
    '2026-12-08',
  );
  assert.deepEqual(
    steps.map((s) => [s.kind, s.kind === 'resolve' ? s.transition.action : '']),
    [['resolve', 'auto_resolved']],
  );
});

test('escalation opens an acknowledged alert again; a lower level keeps its status', () => {
  const [up] = reconcileAlerts([stored('k', { status: 'acknowledged' })], [alert('k', 'critical')], '2026-12-08');
  assert.ok(up?.kind === 'update' && up.status === 'open' && up.transitions[0]?.action === 'escalated');
  const [down] = reconcileAlerts(
    [stored('k', { status: 'acknowledged', level: 'critical' })],
    [alert('k')],
    '2026-12-08',
  );
  assert.ok(down?.kind === 'update' && down.status === 'acknowledged' && down.transitions[0]?.action === 'deescalated');
});

test('a snooze holds until its day has passed, then the alert wakes', () => {
  const snoozed = stored('k', { status: 'snoozed', snoozedUntil: '2026-12-10' });
  const [during] = reconcileAlerts([snoozed], [alert('k')], '2026-12-10');
  assert.ok(during?.kind === 'update' && during.status === 'snoozed');
  const [after] = reconcileAlerts([snoozed], [alert('k')], '2026-12-11');
  assert.ok(after?.kind === 'update' && after.status === 'open' && after.transitions[0]?.action === 'woke');
});

test('fires again after clearing: reopened when the system resolved it; a person’s resolution holds unless it escalates', () => {
  const [auto] = reconcileAlerts(
    [stored('k', { status: 'resolved', resolvedBy: SYSTEM_ACTOR })],
    [alert('k')],
    '2026-12-08',
  );
  assert.ok(auto?.kind === 'update' && auto.status === 'open' && auto.transitions[0]?.action === 'reopened');
  const byPerson = stored('k', { status: 'resolved', resolvedBy: 'user-1' });
  const [kept] = reconcileAlerts([byPerson], [alert('k')], '2026-12-08');
  assert.ok(kept?.kind === 'update' && kept.status === 'resolved');
  const [worse] = reconcileAlerts([byPerson], [alert('k', 'critical')], '2026-12-08');
  assert.ok(worse?.kind === 'update' && worse.status === 'open');
});

test('actions: what each status allows', () => {
  assert.equal(nextStatus('open', 'acknowledge'), 'acknowledged');
  assert.equal(nextStatus('acknowledged', 'acknowledge'), null);
  assert.equal(nextStatus('acknowledged', 'snooze'), 'snoozed');
  assert.equal(nextStatus('snoozed', 'assign'), 'snoozed');
  assert.equal(nextStatus('snoozed', 'resolve'), 'resolved');
  assert.equal(nextStatus('resolved', 'resolve'), null);
  assert.equal(nextStatus('resolved', 'assign'), null);
});

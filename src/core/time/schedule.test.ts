import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CN_PUBLIC_HOLIDAYS, createCalendar } from './calendar.js';
import { expandSchedule, parseScheduleRule } from './schedule.js';

const cn = createCalendar(CN_PUBLIC_HOLIDAYS);
const dates = (rule: string, from: string, to: string) => {
  const r = expandSchedule(rule, from, to, cn);
  assert.ok(r.ok, rule);
  return r.value;
};

test('monthly rules clamp to short months and move back off non-working days', () => {
  assert.deepEqual(
    dates('monthly:31', '2026-01-01', '2026-04-30'),
    ['2026-01-30', '2026-02-28', '2026-03-31', '2026-04-30'],
    '2/28 is a make-up Saturday',
  );
  assert.deepEqual(dates('monthly:last-working-day', '2025-01-01', '2025-03-31'), [
    '2025-01-27',
    '2025-02-28',
    '2025-03-31',
  ]);
  assert.deepEqual(dates('monthly:15:none', '2025-02-01', '2025-03-31'), ['2025-02-15', '2025-03-15']);
  assert.deepEqual(dates('monthly:15:next', '2025-03-01', '2025-03-31'), ['2025-03-17']);
});

test('quarterly, weekly and yearly rules', () => {
  assert.deepEqual(dates('quarterly:15', '2025-01-01', '2025-12-31'), [
    '2025-01-15',
    '2025-04-15',
    '2025-07-15',
    '2025-10-15',
  ]);
  assert.deepEqual(
    dates('weekly:5', '2025-09-29', '2025-10-19'),
    ['2025-09-30', '2025-10-10', '2025-10-17'],
    'Friday 10/3 is National Day: moved back to 9/30',
  );
  assert.deepEqual(dates('yearly:06-30', '2024-01-01', '2026-12-31'), ['2024-06-28', '2025-06-30', '2026-06-30']);
});

test('an occurrence moved across the window edge is still found', () => {
  // 2025-06-01 (Sunday, Dragon Boat) moves back to Friday 30 May.
  assert.deepEqual(dates('monthly:1', '2025-05-30', '2025-05-31'), ['2025-05-30']);
});

test('invalid rules return INVALID_RECURRING_RULE', () => {
  for (const bad of [
    'monthly:32',
    'fortnightly:1',
    'weekly:8',
    'yearly:02-30',
    'monthly:15:later',
    'quarterly:x',
    '',
  ]) {
    const r = parseScheduleRule(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.equal(r.error.code, 'INVALID_RECURRING_RULE');
  }
});

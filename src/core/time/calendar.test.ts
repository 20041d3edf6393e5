import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CN_PUBLIC_HOLIDAYS,
  createCalendar,
  isWorkingDay,
  lastWorkingDayOfMonth,
  previousWorkingDay,
  WEEKENDS_ONLY,
} from './calendar.js';

const cn = createCalendar(CN_PUBLIC_HOLIDAYS);

test('holidays are off, make-up weekend days (调休) are working days', () => {
  assert.equal(isWorkingDay(cn, '2025-01-29'), false, 'Spring Festival 2025');
  assert.equal(isWorkingDay(cn, '2025-01-26'), true, 'Sunday worked before Spring Festival 2025');
  assert.equal(isWorkingDay(cn, '2026-02-14'), true, 'Saturday worked before Spring Festival 2026');
  assert.equal(isWorkingDay(cn, '2026-02-28'), true);
  assert.equal(isWorkingDay(cn, '2024-10-07'), false, 'National Day 2024');
  assert.equal(isWorkingDay(cn, '2024-10-12'), true);
  assert.equal(isWorkingDay(cn, '2025-06-02'), false, 'Dragon Boat 2025 (Monday)');
  assert.equal(isWorkingDay(cn, '2024-09-16'), false, 'Mid-Autumn 2024 (Monday)');
  assert.equal(isWorkingDay(cn, '2026-04-06'), false, 'Qingming 2026 (Monday)');
  assert.equal(isWorkingDay(cn, '2025-03-08'), false, 'an ordinary Saturday');
  assert.equal(isWorkingDay(createCalendar(WEEKENDS_ONLY), '2025-01-29'), true);
});

test('previous and last working days step over holiday blocks', () => {
  assert.equal(previousWorkingDay(cn, '2025-10-09'), '2025-09-30');
  assert.equal(previousWorkingDay(cn, '2025-09-29'), '2025-09-28', 'a make-up Sunday counts');
  assert.equal(lastWorkingDayOfMonth(cn, '2025-01-10'), '2025-01-27');
  assert.equal(lastWorkingDayOfMonth(cn, '2025-05-02'), '2025-05-30');
  assert.equal(lastWorkingDayOfMonth(cn, '2026-02-01'), '2026-02-28', 'the make-up Saturday is the last working day');
  assert.equal(lastWorkingDayOfMonth(cn, '2026-03-01'), '2026-03-31');
});

test('extra holidays from the organisation setting are honoured', () => {
  const cal = createCalendar(CN_PUBLIC_HOLIDAYS, { holidays: ['2026-03-31'] });
  assert.equal(lastWorkingDayOfMonth(cal, '2026-03-01'), '2026-03-30');
});

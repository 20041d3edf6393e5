import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  dayOfWeek,
  diffDays,
  endOfMonth,
  epochDayUnchecked,
  formatIsoWeek,
  fromEpochDay,
  isLocalDate,
  isoWeek,
  startOfWeek,
  toEpochDay,
} from './index.js';

test('property: dates round-trip through epoch days and agree with the platform calendar', () => {
  fc.assert(
    fc.property(fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2199-12-31') }), (day) => {
      const d = fromEpochDay(day);
      assert.ok(isLocalDate(d));
      assert.equal(toEpochDay(d), day);
      assert.equal(epochDayUnchecked(d), day);
      assert.equal(new Date(day * 86_400_000).toISOString().slice(0, 10), d);
    }),
  );
});

test('rejects impossible and out-of-range dates', () => {
  for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '1899-12-31', '2200-01-01', '2025-04-31', '']) {
    assert.equal(isLocalDate(bad), false, bad);
  }
  assert.equal(isLocalDate('2024-02-29'), true);
});

test('month arithmetic clamps to the last day of the month', () => {
  assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
  assert.equal(addMonths('2025-03-15', -3), '2024-12-15');
  assert.equal(endOfMonth('2024-02-10'), '2024-02-29');
});

test('day arithmetic across years', () => {
  assert.equal(addDays('2025-12-30', 3), '2026-01-02');
  assert.equal(diffDays('2024-02-28', '2024-03-01'), 2);
  assert.equal(dayOfWeek('2026-11-25'), 3); // a Wednesday
});

test('ISO weeks at year boundaries, and week starts', () => {
  assert.deepEqual(isoWeek('2021-01-03'), { year: 2020, week: 53 });
  assert.deepEqual(isoWeek('2024-12-30'), { year: 2025, week: 1 });
  assert.equal(formatIsoWeek(isoWeek('2026-02-02')), '2026-W06');
  assert.equal(startOfWeek('2026-11-25'), '2026-11-23');
  assert.equal(startOfWeek('2026-11-25', 7), '2026-11-22');
  assert.equal(startOfWeek('2026-11-22', 7), '2026-11-22');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LegalEvent } from '../../model/index.js';
import { type ReviewInput, scheduleReview } from './review-schedule.js';

const asOf = '2026-11-25';
const input = (extra: Partial<ReviewInput>): ReviewInput => ({
  customerId: 'C1',
  grade: 'B',
  lastReview: { reviewedOn: '2026-06-01', gradeAfter: 'B' },
  legalEvents: [],
  worstDaysLate: 5,
  insurerChanges: [],
  ...extra,
});

test('cadence by grade from the last review: B 12 months (not due), C 6, D 3, E 1 (due)', () => {
  const b = scheduleReview(input({}), asOf);
  assert.deepEqual([b.nextDueOn, b.isDue, b.reasons], ['2027-06-01', false, []]);
  assert.equal(
    scheduleReview(input({ grade: 'C', lastReview: { reviewedOn: '2026-06-01', gradeAfter: 'C' } }), asOf).nextDueOn,
    '2026-12-01',
  );
  const d = scheduleReview(input({ grade: 'D', lastReview: { reviewedOn: '2026-06-01', gradeAfter: 'D' } }), asOf);
  assert.deepEqual([d.nextDueOn, d.isDue, d.reasons[0]?.code], ['2026-09-01', true, 'CR_CADENCE']);
  assert.equal(
    scheduleReview(input({ grade: 'E', lastReview: { reviewedOn: '2026-10-31', gradeAfter: 'E' } }), asOf).nextDueOn,
    '2026-11-30',
  );
});

test('never reviewed: due now', () => {
  const r = scheduleReview(input({ lastReview: null }), asOf);
  assert.deepEqual([r.nextDueOn, r.isDue, r.reasons[0]?.code], [asOf, true, 'CR_NEVER_REVIEWED']);
});

test('event triggers since the last review, each with its data', () => {
  const events: LegalEvent[] = [
    {
      id: 'e1',
      customerId: 'C1',
      type: 'enforcement',
      occurredOn: '2026-10-16',
      amountMinor: null,
      currency: null,
      source: null,
      description: null,
      resolvedOn: null,
    },
    {
      id: 'e0',
      customerId: 'C1',
      type: 'lawsuit_defendant',
      occurredOn: '2026-05-01',
      amountMinor: null,
      currency: null,
      source: null,
      description: null,
      resolvedOn: null,
    },
  ];
  const r = scheduleReview(
    input({
      grade: 'D',
      lastReview: { reviewedOn: '2026-09-01', gradeAfter: 'B' },
      legalEvents: events,
      worstDaysLate: 41,
      insurerChanges: [
        { on: '2026-10-01', fromMinor: 1_000, toMinor: 600, isCancellation: false },
        { on: '2026-11-02', fromMinor: 600, toMinor: 0, isCancellation: true },
        { on: '2026-08-01', fromMinor: 2_000, toMinor: 1_000, isCancellation: false }, // before the last review
      ],
    }),
    asOf,
  );
  assert.deepEqual(r.reasons, [
    { code: 'CR_GRADE_DROP', data: { from: 'B', to: 'D' } },
    { code: 'CR_NEW_LEGAL_EVENT', data: { type: 'enforcement', on: '2026-10-16' } },
    { code: 'CR_PAID_LATE', data: { days: 41, limitDays: 30 } },
    { code: 'CR_INSURER_REDUCED', data: { on: '2026-10-01', fromMinor: 1_000, toMinor: 600 } },
    { code: 'CR_INSURER_CANCELLED', data: { on: '2026-11-02' } },
  ]);
  assert.equal(r.nextDueOn, '2026-12-01'); // D: 3 months from 2026-09-01; the events make it due now
});

test('a one-grade drop and a 30-day-late payment are not triggers', () => {
  const r = scheduleReview(input({ grade: 'C', worstDaysLate: 30 }), asOf);
  assert.deepEqual(r.reasons, []);
});

import type { Grade, LegalEvent } from '../../model/index.js';
import { addMonths, type LocalDate } from '../../time/index.js';
import { gradeSteps, type Reason } from '../scorecard/index.js';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from './settings.js';

/** One change to the insurer's limit for this buyer (a new limit row, or a cancellation). */
export interface InsurerLimitChange {
  readonly on: LocalDate;
  readonly fromMinor: number | null;
  /** 0 for a cancellation. */
  readonly toMinor: number;
  readonly isCancellation: boolean;
}

export interface ReviewInput {
  readonly customerId: string;
  readonly grade: Grade | null;
  /** The last completed review, if any. */
  readonly lastReview: { readonly reviewedOn: LocalDate; readonly gradeAfter: Grade | null } | null;
  readonly legalEvents: readonly LegalEvent[];
  /** The most days any invoice was paid late since the last review, or is late now if still open. */
  readonly worstDaysLate: number | null;
  readonly insurerChanges: readonly InsurerLimitChange[];
  /** External ratings on the 0–100 scale (scorecard normalisation), any order; absent = none. */
  readonly ratings?: readonly RatingPoint[];
}

/** One external rating as the scorecard scales it (see normaliseRating). */
export interface RatingPoint {
  readonly agency: string;
  readonly ratedOn: LocalDate;
  readonly value: string;
  readonly score: number;
}

/**
 * Ratings that fell by `ratingDropPoints` or more (0–100 scale) from the agency's previous rating,
 * rated since the last review.
 *
 * @example
 * // creditsafe 72 on 2026-06-01, then 41 on 2026-11-02: CR_RATING_DROP { from '72', to '41' }
 */
export function ratingDrops(
  ratings: readonly RatingPoint[],
  isNew: (on: LocalDate) => boolean,
  settings: ReviewSettings,
): Reason[] {
  const out: Reason[] = [];
  const sorted = [...ratings].sort((a, b) =>
    a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : a.ratedOn < b.ratedOn ? -1 : a.ratedOn > b.ratedOn ? 1 : 0,
  );
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const r = sorted[i];
    if (!prev || !r || prev.agency !== r.agency || !isNew(r.ratedOn)) continue;
    if (prev.score - r.score >= settings.ratingDropPoints)
      out.push({ code: 'CR_RATING_DROP', data: { agency: r.agency, from: prev.value, to: r.value, on: r.ratedOn } });
  }
  return out;
}

export interface ReviewDue {
  readonly customerId: string;
  readonly grade: Grade | null;
  readonly lastReviewedOn: LocalDate | null;
  /** The cadence date (last review + months for the grade); asOf when never reviewed. */
  readonly nextDueOn: LocalDate;
  readonly isDue: boolean;
  /** Cadence and event triggers that make the review due, each with its data. */
  readonly reasons: readonly Reason[];
}

function eventTriggers(
  input: ReviewInput,
  since: LocalDate | null,
  asOf: LocalDate,
  settings: ReviewSettings,
): Reason[] {
  const out: Reason[] = [];
  const before = input.lastReview?.gradeAfter ?? null;
  if (before !== null && input.grade !== null && gradeSteps(before, input.grade) >= settings.gradeDropSteps)
    out.push({ code: 'CR_GRADE_DROP', data: { from: before, to: input.grade } });
  const after = (on: LocalDate) => on <= asOf && (since === null || on > since);
  for (const e of input.legalEvents)
    if (after(e.occurredOn))
      out.push({
        code: 'CR_NEW_LEGAL_EVENT',
        data: { type: e.type, on: e.occurredOn },
      });
  out.push(...ratingDrops(input.ratings ?? [], after, settings));
  if (input.worstDaysLate !== null && input.worstDaysLate > settings.lateDays)
    out.push({ code: 'CR_PAID_LATE', data: { days: input.worstDaysLate, limitDays: settings.lateDays } });
  for (const c of input.insurerChanges) {
    if (!after(c.on)) continue;
    if (c.isCancellation) out.push({ code: 'CR_INSURER_CANCELLED', data: { on: c.on } });
    else if (c.fromMinor !== null && c.toMinor < c.fromMinor)
      out.push({ code: 'CR_INSURER_REDUCED', data: { on: c.on, fromMinor: c.fromMinor, toMinor: c.toMinor } });
  }
  return out;
}

/**
 * When a customer's credit review is due (DOMAIN 4.2): the grade's cadence from the last review
 * (A/B 12, C 6, D 3, E 1 months; never reviewed = due now), or earlier on an event since the last
 * review: a drop of two grades or more, a new legal event, an external rating down by
 * `ratingDropPoints` or more, a payment more than 30 days late, an
 * insurer limit reduced or cancelled.
 *
 * @example
 * scheduleReview({ customerId: 'C1', grade: 'C', lastReview: { reviewedOn: '2026-03-10', gradeAfter: 'B' },
 *   legalEvents: [], worstDaysLate: 12, insurerChanges: [] }, '2026-11-25');
 * // nextDueOn '2026-09-10', isDue, reasons [CR_CADENCE { months: 6 }]
 */
export function scheduleReview(
  input: ReviewInput,
  asOf: LocalDate,
  settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS,
): ReviewDue {
  const last = input.lastReview?.reviewedOn ?? null;
  const months = input.grade === null ? settings.ungradedCadenceMonths : settings.cadenceMonths[input.grade];
  const nextDueOn = last === null ? asOf : addMonths(last, months);
  const reasons: Reason[] = [];
  if (last === null) reasons.push({ code: 'CR_NEVER_REVIEWED', data: {} });
  else if (nextDueOn <= asOf)
    reasons.push({ code: 'CR_CADENCE', data: { months, grade: input.grade, dueOn: nextDueOn } });
  reasons.push(...eventTriggers(input, last, asOf, settings));
  return {
    customerId: input.customerId,
    grade: input.grade,
    lastReviewedOn: last,
    nextDueOn,
    isDue: reasons.length > 0,
    reasons,
  };
}

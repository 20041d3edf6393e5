import { randomUUID } from 'node:crypto';
import { type InsurerLimitChange, normaliseRating, type ReviewDue, scheduleReview } from '../../core/credit/index.js';
import type { Grade } from '../../core/model/index.js';
import type { PaymentRecord } from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { diffDays, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { insertCreditReview } from '../../db/stores/credit.js';
import type { CreditBook } from './load-book.js';
import { creditSettings } from './prepare.js';
import { findCustomer, type ScoredBook, scoreBook } from './score-customers.js';

export interface ReviewView extends ReviewDue {
  readonly code: string;
  readonly name: string;
}

function lastReviews(book: CreditBook) {
  const out = new Map<string, { reviewedOn: LocalDate; gradeAfter: Grade | null }>();
  for (const [id, rows] of book.reviews) {
    const last = rows.at(-1);
    if (last) out.set(id, { reviewedOn: last.reviewed_on, gradeAfter: (last.grade_after as Grade | null) ?? null });
  }
  return out;
}

/** Worst lateness per customer since its last review: settled late in (last, asOf], or open and past due at asOf. */
function worstLateness(
  records: readonly PaymentRecord[],
  last: ReadonlyMap<string, { reviewedOn: LocalDate }>,
  asOf: LocalDate,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    if (r.dueOn >= asOf) continue;
    const since = last.get(r.customerId)?.reviewedOn ?? '0000-01-01';
    const isOpen = r.settledOn === null || r.settledOn > asOf;
    if (!isOpen && (r.settledOn as string) <= since) continue;
    const days = diffDays(r.dueOn, isOpen ? asOf : (r.settledOn as string));
    if (days > (out.get(r.customerId) ?? 0)) out.set(r.customerId, days);
  }
  return out;
}

function insurerChanges(book: CreditBook, customerId: string): InsurerLimitChange[] {
  const out: InsurerLimitChange[] = [];
  let previous: number | null = null;
  for (const l of book.insured.get(customerId) ?? []) {
    out.push({ on: l.effectiveFrom, fromMinor: previous, toMinor: l.limitMinor, isCancellation: false });
    if (l.cancelledOn !== null)
      out.push({ on: l.cancelledOn, fromMinor: l.limitMinor, toMinor: 0, isCancellation: true });
    previous = l.limitMinor;
  }
  return out;
}

/**
 * The review calendar (DOMAIN 4.2): for every customer, when its credit review is due by the
 * grade's cadence and which events since the last review make it due now. Due ones first, then
 * by due date.
 */
export async function listReviews(
  db: Db,
  params: { orgId: string; asOf: string },
): Promise<Result<{ asOf: string; reviews: ReviewView[] }>> {
  const scored = await scoreBook(db, params);
  if (!scored.ok) return scored;
  return ok({ asOf: params.asOf, reviews: reviewsOfBook(scored.value, params.asOf) });
}

/** The review calendar of a scored book as of `asOf` (DOMAIN 4.2), due ones first: what `listReviews` and the alerts read. */
export function reviewsOfBook(scored: ScoredBook, asOf: LocalDate): ReviewView[] {
  const { book, result, behaviour } = scored;
  const settings = creditSettings(book).reviews;
  const scorecardSettings = creditSettings(book).scorecard;
  const last = lastReviews(book);
  const late = worstLateness(behaviour.records, last, asOf);
  const reviews = result.customers.map((s) => ({
    code: s.code,
    name: s.name,
    ...scheduleReview(
      {
        customerId: s.customerId,
        grade: s.grade,
        lastReview: last.get(s.customerId) ?? null,
        legalEvents: book.events.get(s.customerId) ?? [],
        worstDaysLate: late.get(s.customerId) ?? null,
        insurerChanges: insurerChanges(book, s.customerId),
        ratings: (book.ratings.get(s.customerId) ?? []).flatMap((r) => {
          const n = normaliseRating(r, scorecardSettings);
          return n === null ? [] : [{ agency: r.agency, ratedOn: r.ratedOn, value: r.value, score: n.score }];
        }),
      },
      asOf,
      settings,
    ),
  }));
  reviews.sort(
    (a, b) =>
      Number(b.isDue) - Number(a.isDue) ||
      (a.nextDueOn < b.nextDueOn ? -1 : a.nextDueOn > b.nextDueOn ? 1 : 0) ||
      (a.code < b.code ? -1 : 1),
  );
  return reviews;
}

export interface RecordedReview {
  readonly id: string;
  readonly customerId: string;
  readonly code: string;
  readonly name: string;
  readonly reviewedOn: string;
  readonly reviewer: string;
  readonly gradeBefore: Grade | null;
  readonly gradeAfter: Grade | null;
  readonly nextDueOn: string;
}

/**
 * Records a completed review of a customer (by id or code) on `asOf`: the grade before (last
 * review) and after (today's score), who reviewed it and why, and the next cadence date.
 */
export async function recordReview(
  db: Db,
  params: { orgId: string; customerId: string; asOf: string; reviewer: string; reason: string },
): Promise<Result<RecordedReview>> {
  if (params.reason.trim() === '')
    return fail('VALIDATION_FAILED', { field: 'reason', expected: 'what the review found or decided' });
  if (params.reviewer.trim() === '') return fail('VALIDATION_FAILED', { field: 'reviewer', expected: 'who reviewed' });
  const scored = await scoreBook(db, params);
  if (!scored.ok) return scored;
  const { book, result } = scored.value;
  const customer = findCustomer(book, params.customerId);
  const score = result.customers[0];
  if (!customer || !score) return fail('CUSTOMER_NOT_FOUND', { customer: params.customerId });
  const before = lastReviews(book).get(customer.id)?.gradeAfter ?? null;
  const due = scheduleReview(
    {
      customerId: customer.id,
      grade: score.grade,
      lastReview: { reviewedOn: params.asOf, gradeAfter: score.grade },
      legalEvents: [],
      worstDaysLate: null,
      insurerChanges: [],
    },
    params.asOf,
    creditSettings(book).reviews,
  );
  const id = randomUUID();
  await insertCreditReview(db, params.orgId, {
    id,
    customer_id: customer.id,
    reviewed_on: params.asOf,
    reviewer: params.reviewer,
    grade_before: before,
    grade_after: score.grade,
    reason: params.reason,
    next_due_on: due.nextDueOn,
  });
  return ok({
    id,
    customerId: customer.id,
    code: customer.code,
    name: customer.name,
    reviewedOn: params.asOf,
    reviewer: params.reviewer,
    gradeBefore: before,
    gradeAfter: score.grade,
    nextDueOn: due.nextDueOn,
  });
}

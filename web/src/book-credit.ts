import { ApiError } from './api.js';
import type { CreditScore } from './api-types.js';
import { useGet } from './query.js';

/** A scored customer of the book, with its review due date and whether it is over its limit. */
export type BookCredit = CreditScore & {
  readonly isReviewDue: boolean;
  readonly reviewDueOn: string | null;
  readonly isOverLimit: boolean;
};

/**
 * The book's credit scores with each customer's review due date and whether it is over its
 * limit, for the overview's credit list: `null` while loading or when the server has no credit
 * module (the section is left out rather than filled with guesses). Read once and cached.
 */
export function useBookCredit(): readonly BookCredit[] | null {
  const scores = useGet('/api/v1/credit/scores');
  const reviews = useGet('/api/v1/credit/reviews');
  const limits = useGet('/api/v1/credit/limits');
  if (!scores.isSuccess) {
    if (scores.isError && !(scores.error instanceof ApiError && scores.error.status === 404)) {
      console.warn('credit scores unavailable', scores.error);
    }
    return null;
  }
  const due = new Map((reviews.data?.reviews ?? []).map((r) => [r.customerId, r]));
  const use = new Map((limits.data?.customers ?? []).map((l) => [l.customerId, l.utilisation]));
  return scores.data.customers.map((c) => {
    const review = due.get(c.customerId);
    const utilisation = use.get(c.customerId);
    return {
      ...c,
      isReviewDue: review?.isDue ?? false,
      reviewDueOn: review?.nextDueOn ?? null,
      isOverLimit: utilisation != null && utilisation > 1,
    };
  });
}

import { ApiError } from './api.js';
import type { CreditCustomer } from './types.js';
import { useApi } from './use-api.js';

/** The credit scoring's scores (src/api/routes/credit.ts); a server without it answers 404. */
export const CREDIT_REPORT = '/api/v1/credit/scores';

interface ReviewRow {
  readonly customerId: string;
  readonly isDue: boolean;
  readonly nextDueOn: string;
}

interface LimitRow {
  readonly customerId: string;
  readonly utilisation: number | null;
}

/**
 * The credit scores, with each customer's review due date and whether it is over its limit,
 * when the server has the credit module: `null` while loading or when the endpoints do not exist
 * (the sections that need them are left out rather than filled with guesses).
 */
export function useCredit(): readonly CreditCustomer[] | null {
  const credit = useApi<{ customers: readonly CreditCustomer[] }>(CREDIT_REPORT);
  const reviews = useApi<{ reviews: readonly ReviewRow[] }>('/api/v1/credit/reviews');
  const limits = useApi<{ customers: readonly LimitRow[] }>('/api/v1/credit/limits');
  if (credit.state !== 'ready') {
    if (credit.state === 'error' && !(credit.error instanceof ApiError && credit.error.status === 404)) {
      console.warn('credit report unavailable', credit.error);
    }
    return null;
  }
  const due = new Map(reviews.state === 'ready' ? reviews.data.reviews.map((r) => [r.customerId, r]) : []);
  const use = new Map(limits.state === 'ready' ? limits.data.customers.map((l) => [l.customerId, l.utilisation]) : []);
  return credit.data.customers.map((c) => {
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

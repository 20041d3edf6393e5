import { ApiError } from './api.js';
import type { CreditCustomer } from './types.js';
import { useApi } from './use-api.js';

/** The credit scoring's scores (src/api/routes/credit.ts); a server without it answers 404. */
export const CREDIT_REPORT = '/api/v1/credit/scores';

/**
 * The credit scores when the server has the credit report: `null` while loading or when the
 * endpoint does not exist (the sections that need it are left out rather than filled with guesses).
 */
export function useCredit(): readonly CreditCustomer[] | null {
  const credit = useApi<{ customers: readonly CreditCustomer[] }>(CREDIT_REPORT);
  if (credit.state !== 'ready') {
    if (credit.state === 'error' && !(credit.error instanceof ApiError && credit.error.status === 404)) {
      console.warn('credit report unavailable', credit.error);
    }
    return null;
  }
  return credit.data.customers;
}

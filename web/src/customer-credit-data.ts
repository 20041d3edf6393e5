import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, apiGet } from './api.js';
import { CREDIT_REPORT } from './credit.js';
import { useLocale } from './i18n/index.js';
import type { CreditCustomer } from './types.js';

/** A reason as the credit API gives it: a stable code and, where the API words it, a message. */
export interface Said {
  readonly code: string;
  readonly message?: string;
}

/** One customer of GET /api/v1/credit/limits. */
export interface LimitView {
  readonly customerId: string;
  readonly recommendation: {
    readonly currency: string;
    readonly needMinor: number;
    readonly capacityMinor: number | null;
    readonly insurerCapMinor: number | null;
    readonly recommendedMinor: number;
    readonly binding: string;
    readonly reasons: readonly Said[];
  };
  readonly current: { limitMinor: number; binding: string; effectiveFrom: string; approvedBy: string } | null;
  readonly exposure: { totalMinor: number; currency: string };
  readonly utilisation: number | null;
}

/** One customer of GET /api/v1/credit/reviews. */
export interface ReviewStatus {
  readonly customerId: string;
  readonly grade: string | null;
  readonly lastReviewedOn: string | null;
  readonly nextDueOn: string;
  readonly isDue: boolean;
}

export interface ChecklistLine {
  readonly item: string;
  readonly status: string;
  /** 'data' when the system saw it in the records, 'recorded' when a person recorded it. */
  readonly source: 'data' | 'recorded' | null;
  /** Whether a person can record this item now (the API decides: not registration, not data-done). */
  readonly recordable: boolean;
  readonly reason: Said;
}

/** The statuses a person may record for a checklist item (POST /api/v1/credit/onboarding-checks). */
export const RECORDABLE_STATUSES = ['done', 'failed', 'waived'] as const;
export type RecordableStatus = (typeof RECORDABLE_STATUSES)[number];

/** GET /api/v1/credit/customers/:id/onboarding. */
export interface Onboarding {
  readonly lines: readonly ChecklistLine[];
  readonly isComplete: boolean;
  readonly safeLimitMinor: number;
  readonly currency: string;
  readonly safeLimitReason: Said;
}

/** Everything the customer page shows of one customer's credit; a part is null when the server has no such report. */
export interface CustomerCredit {
  readonly score: CreditCustomer | null;
  readonly limit: LimitView | null;
  readonly review: ReviewStatus | null;
  readonly onboarding: Onboarding | null;
}

export type CreditState =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'ready'; readonly data: CustomerCredit };

/** A 404 means this server has no credit module (or does not score this customer): the part stays out. */
async function optional<T>(path: string): Promise<T | null> {
  try {
    return await apiGet<T>(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The four credit reports of one customer, read together so the page never shows a mix of before and after. */
export async function loadCustomerCredit(customerId: string): Promise<CustomerCredit> {
  const [scores, limits, reviews, onboarding] = await Promise.all([
    optional<{ customers: readonly CreditCustomer[] }>(CREDIT_REPORT),
    optional<{ customers: readonly LimitView[] }>('/api/v1/credit/limits'),
    optional<{ reviews: readonly ReviewStatus[] }>('/api/v1/credit/reviews'),
    optional<Onboarding>(`/api/v1/credit/customers/${encodeURIComponent(customerId)}/onboarding`),
  ]);
  return {
    score: scores?.customers.find((c) => c.customerId === customerId) ?? null,
    limit: limits?.customers.find((c) => c.customerId === customerId) ?? null,
    review: reviews?.reviews.find((r) => r.customerId === customerId) ?? null,
    onboarding,
  };
}

/**
 * One customer's credit, loaded again when the language changes (the reasons come in words).
 * `refresh` reads everything again and replaces it at once, or throws and leaves the page as it
 * was: an action awaits it before it shows its own result.
 */
export function useCustomerCredit(customerId: string): CreditState & {
  refresh: () => Promise<void>;
  retry: () => void;
} {
  const locale = useLocale();
  const [value, setValue] = useState<CreditState>({ state: 'loading' });
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const n = ++latest.current;
    const data = await loadCustomerCredit(customerId);
    if (n === latest.current) setValue({ state: 'ready', data });
  }, [customerId]);
  const retry = useCallback(() => {
    const n = latest.current + 1;
    refresh().catch((error: unknown) => {
      if (n === latest.current) setValue({ state: 'error', error });
    });
  }, [refresh]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is a reload trigger
  useEffect(retry, [retry, locale]);
  return { ...value, refresh, retry };
}

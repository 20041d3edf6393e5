/**
 * Row types of the credit-decision tables: onboarding checks and credit reviews (migration 0004)
 * and credit-hold overrides (migration 0005). Part of `Database` in schema.ts.
 */
export interface OnboardingChecksTable {
  org_id: string;
  customer_id: string;
  item: string;
  status: string;
  checked_on: string;
  checked_by: string;
  note: string | null;
}
export interface CreditReviewsTable {
  org_id: string;
  id: string;
  customer_id: string;
  reviewed_on: string;
  reviewer: string;
  grade_before: string | null;
  grade_after: string | null;
  reason: string | null;
  next_due_on: string | null;
}
export interface CreditHoldOverridesTable {
  org_id: string;
  id: string;
  customer_id: string;
  order_ref: string | null;
  amount_minor: number;
  currency: string;
  /** JSON list of the hold reason codes the override covers. */
  reasons: string;
  reason: string;
  overridden_by: string;
  role: string;
  overridden_at: string;
  valid_from: string;
  valid_until: string;
  audit_id: string;
}

/**
 * Row types of the collections tables (migration 0009): promises to pay, disputes, payment plans
 * with their instalments, and each customer's dunning terms. Part of `Database` in schema.ts.
 */
export interface PromisesToPayTable {
  org_id: string;
  id: string;
  customer_id: string;
  invoice_id: string | null;
  amount_minor: number;
  currency: string;
  made_on: string;
  promised_on: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}
export interface DisputesTable {
  org_id: string;
  id: string;
  customer_id: string;
  invoice_id: string;
  reason: string;
  amount_minor: number;
  currency: string;
  owner: string;
  opened_on: string;
  resolved_on: string | null;
  resolution: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}
export interface PaymentPlansTable {
  org_id: string;
  id: string;
  customer_id: string;
  currency: string;
  total_minor: number;
  agreed_on: string;
  is_insurer_approved: number;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}
export interface PaymentPlanInstalmentsTable {
  org_id: string;
  plan_id: string;
  due_on: string;
  amount_minor: number;
}
export interface CustomerDunningTermsTable {
  org_id: string;
  customer_id: string;
  is_vip: number;
  paused_until: string | null;
  pause_reason: string | null;
}

import type { ColumnType, Insertable, Selectable } from 'kysely';
import type {
  ApiTokensTable,
  InvitationsTable,
  LoginAttemptsTable,
  MembershipsTable,
  SessionsTable,
  UsersTable,
} from './schema-accounts.js';
import type {
  BankMatchProposalsTable,
  BankStatementLinesTable,
  BankStatementsTable,
  CustomerBankAccountsTable,
} from './schema-bank.js';
import type {
  CustomerDunningTermsTable,
  DisputesTable,
  PaymentPlanInstalmentsTable,
  PaymentPlansTable,
  PromisesToPayTable,
} from './schema-collections.js';
import type { CreditHoldOverridesTable, CreditReviewsTable, OnboardingChecksTable } from './schema-credit.js';
import type { DataGenerationsTable, LedgerSnapshotsTable } from './schema-reports.js';

/**
 * Row types of every table, as Kysely sees them. Both dialects return the same shapes: the pg
 * adapter parses BIGINT and NUMERIC to numbers (with a safe-integer check, see connection.ts).
 * `Def<T>` marks a column with a database default: optional on insert.
 */
type Def<T> = ColumnType<T, T | undefined, T>;
type Minor = number;

export interface OrganisationsTable {
  id: string;
  name: string;
  base_currency: string;
  week_start: Def<number>;
  fiscal_year_start_month: Def<number>;
  locale: Def<string>;
  settings: Def<string>;
  created_at: string;
}

export interface CustomersTable {
  org_id: string;
  id: string;
  code: string;
  name: string;
  registration_no: string | null;
  country: Def<string>;
  industry: string | null;
  size_class: string | null;
  default_terms_days: Def<number>;
  currency: string | null;
  tags: Def<string>;
  email: string | null;
  since_on: string | null;
}

export interface SuppliersTable {
  org_id: string;
  id: string;
  code: string;
  name: string;
  registration_no: string | null;
  country: Def<string>;
  default_terms_days: Def<number>;
  currency: string | null;
  tags: Def<string>;
}

export interface InvoicesTable {
  org_id: string;
  id: string;
  customer_id: string;
  number: string;
  issued_on: string;
  due_on: string;
  currency: string;
  amount_minor: Minor;
  tax_minor: Def<Minor>;
  status: Def<string>;
  is_disputed: Def<number>;
  external_id: string | null;
  instalments: Def<string>;
  channel: string | null;
  written_off_on: Def<string | null>;
}

export interface CreditNotesTable {
  org_id: string;
  id: string;
  customer_id: string;
  number: string;
  issued_on: string;
  currency: string;
  amount_minor: Minor;
  invoice_id: string | null;
  reason: string | null;
}

export interface ReceiptsTable {
  org_id: string;
  id: string;
  number: string;
  customer_id: string | null;
  received_on: string;
  currency: string;
  amount_minor: Minor;
  reference: string | null;
  bank_account_id: string | null;
  external_id: string | null;
}

export interface ReceiptAllocationsTable {
  org_id: string;
  receipt_id: string;
  invoice_id: string;
  amount_minor: Minor;
}

export interface BillsTable {
  org_id: string;
  id: string;
  supplier_id: string;
  number: string;
  issued_on: string;
  due_on: string;
  currency: string;
  amount_minor: Minor;
  tax_minor: Def<Minor>;
  status: Def<string>;
  external_id: string | null;
}

export interface PaymentsTable {
  org_id: string;
  id: string;
  number: string;
  supplier_id: string | null;
  paid_on: string;
  currency: string;
  amount_minor: Minor;
  reference: string | null;
  external_id: string | null;
}

export interface PaymentAllocationsTable {
  org_id: string;
  payment_id: string;
  bill_id: string;
  amount_minor: Minor;
}

export interface BankAccountsTable {
  org_id: string;
  id: string;
  name: string;
  bank_name: string | null;
  account_no: string | null;
  currency: string;
}

export interface BankBalancesTable {
  org_id: string;
  bank_account_id: string;
  balance_on: string;
  amount_minor: Minor;
}

export interface AcceptanceBillsTable {
  org_id: string;
  id: string;
  number: string;
  kind: string;
  direction: string;
  currency: string;
  face_minor: Minor;
  issued_on: string;
  matures_on: string;
  acceptor_name: string;
  acceptor_customer_id: string | null;
  drawer_name: string;
  customer_id: string | null;
  endorsements: Def<string>;
  status: Def<string>;
  discounted_on: string | null;
  discount_rate: number | null;
  planned_discount_on: string | null;
  is_with_recourse: Def<number>;
}

export interface CreditLinesTable {
  org_id: string;
  id: string;
  lender: string;
  currency: string;
  limit_minor: Minor;
  drawn_minor: Def<Minor>;
  expires_on: string | null;
  renewal_on: string | null;
  interest_rate: number | null;
}

/** The daily work of an organisation, one row per job and day (migration 0019, docs/adr/0031). */
export interface JobRunsTable {
  org_id: string;
  job: string;
  run_on: string;
  status: string;
  attempts: number;
  runner: string;
  started_at: string;
  finished_at: string | null;
  summary: string | null;
}

/** A member's own choice of alerts (migration 0020). */
export interface AlertSubscriptionsTable {
  org_id: string;
  user_id: string;
  min_level: string | null;
  categories: string;
  digest: number;
  locale: string;
  updated_at: string;
}

export interface FxForwardsTable {
  org_id: string;
  id: string;
  trade_on: string;
  value_on: string;
  direction: 'sell' | 'buy';
  currency: string;
  amount_minor: Minor;
  counter_currency: string;
  rate: number;
  counterparty: string;
  reference: string | null;
}

export interface LettersOfCreditTable {
  org_id: string;
  id: string;
  number: string;
  customer_id: string;
  invoice_id: string | null;
  amount_minor: Minor;
  currency: string;
  issued_on: string;
  expires_on: string;
  latest_shipment_on: string;
  shipped_on: string | null;
  presentation_days: number | null;
  is_irrevocable: number;
  availability: 'sight' | 'usance';
  usance_days: number;
  issuing_bank: string;
  issuing_bank_country: string | null;
  issuing_bank_sound: number | null;
  confirming_bank: string | null;
  confirming_bank_country: string | null;
  confirming_bank_sound: number | null;
  presented_on: string | null;
  documents_comply: number | null;
  status: string;
  /** JSON: { [check code]: 'pass' | 'flag' | 'unknown' }. */
  checklist: string;
}

export interface FxOptionsTable {
  org_id: string;
  id: string;
  trade_on: string;
  expires_on: string;
  type: 'call' | 'put';
  currency: string;
  notional_minor: Minor;
  counter_currency: string;
  strike: number;
  premium_minor: Minor;
  counterparty: string;
}

export interface RecurringItemsTable {
  org_id: string;
  id: string;
  name: string;
  category: string;
  direction: string;
  currency: string;
  amount_minor: Minor;
  rule: string;
  starts_on: string;
  ends_on: string | null;
}

export interface FxRatesTable {
  org_id: string;
  rate_on: string;
  base: string;
  quote: string;
  rate: number;
}

export interface FinancialStatementsTable {
  org_id: string;
  customer_id: string;
  period_end: string;
  currency: string;
  revenue: Minor | null;
  ebit: Minor | null;
  net_income: Minor | null;
  total_assets: Minor | null;
  current_assets: Minor | null;
  current_liabilities: Minor | null;
  total_liabilities: Minor | null;
  retained_earnings: Minor | null;
  book_equity: Minor | null;
  inventory: Minor | null;
  receivables: Minor | null;
  cash: Minor | null;
  market_value_equity: Minor | null;
  source: string | null;
}

export interface LegalEventsTable {
  org_id: string;
  id: string;
  customer_id: string;
  type: string;
  occurred_on: string;
  reference: Def<string>;
  amount_minor: Minor | null;
  currency: string | null;
  source: string | null;
  description: string | null;
  resolved_on: string | null;
}

export interface ExternalRatingsTable {
  org_id: string;
  customer_id: string;
  agency: string;
  rated_on: string;
  value: string;
}

/** Registration facts of a customer as a credit-data service reported them (migration 0017). */
export interface ExternalRegistrationsTable {
  org_id: string;
  customer_id: string;
  source: string;
  reported_on: string;
  credit_code: string | null;
  name: string | null;
  legal_representative: string | null;
  founded_on: string | null;
  capital_minor: Minor | null;
  capital_currency: string | null;
  status: string | null;
  status_text: string | null;
  shareholders: number | null;
}

export interface CreditScoresTable {
  org_id: string;
  customer_id: string;
  as_of: string;
  score: number;
  grade: string;
  pd: number;
  is_indicative: Def<number>;
  detail: Def<string>;
}

export interface CreditLimitsTable {
  org_id: string;
  id: string;
  customer_id: string;
  currency: string;
  limit_minor: Minor;
  need_minor: Minor | null;
  capacity_minor: Minor | null;
  insurer_cap_minor: Minor | null;
  binding: string;
  effective_from: string;
  approved_by: string;
  approved_at: string;
  reason: string | null;
  /** The internal (discretionary) limit beside need, capacity and insurer cap (migration 0004). */
  internal_minor: Minor | null;
  /** JSON: the reasons and inputs of the recommendation (migration 0004). */
  detail: Def<string>;
}

export interface SalesOrdersTable {
  org_id: string;
  id: string;
  customer_id: string;
  number: string;
  ordered_on: string;
  currency: string;
  amount_minor: Minor;
  status: Def<string>;
}

export interface InsurancePoliciesTable {
  org_id: string;
  id: string;
  insurer: string;
  policy_number: string;
  currency: string;
  starts_on: string;
  ends_on: string;
  terms: string;
  loss_payee: string | null;
  loss_payee_type: string | null;
  financed_share: number | null;
}

export interface InsuredBuyerLimitsTable {
  org_id: string;
  policy_id: string;
  customer_id: string;
  kind: string;
  currency: string;
  limit_minor: Minor;
  effective_from: string;
  cancelled_on: string | null;
}

/** Trade credit insurance claims (migration 0015, docs/adr/0026). */
export interface InsuranceClaimsTable {
  org_id: string;
  id: string;
  number: string;
  policy_id: string;
  customer_id: string;
  invoice_id: string | null;
  currency: string;
  claim_on: string;
  amount_claimed_minor: Minor;
  recoveries_before_minor: Def<Minor>;
  recoveries_after_minor: Def<Minor>;
  status: string;
  filed_on: string | null;
  decided_on: string | null;
  paid_on: string | null;
  expected_payment_on: string | null;
  approved_minor: Minor | null;
  paid_minor: Minor | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface InsuranceClaimDocumentsTable {
  org_id: string;
  claim_id: string;
  document: string;
  received_on: string | null;
}

export interface InsuranceClaimStatusHistoryTable {
  org_id: string;
  claim_id: string;
  seq: number;
  status: string;
  on_date: string;
  changed_at: string;
  changed_by: string | null;
  note: string | null;
}

export interface AlertsTable {
  org_id: string;
  id: string;
  code: string;
  level: string;
  subject_type: string;
  subject_id: string | null;
  raised_at: string;
  detail: Def<string>;
  acknowledged_at: string | null;
  /** Migration 0008 (issue 18): the lifecycle. Null only on rows written before it. */
  dedup_key: string | null;
  status: string | null;
  snoozed_until: string | null;
  snooze_reason: string | null;
  assignee: string | null;
  first_seen_on: string | null;
  last_seen_on: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  updated_at: string | null;
  escalated_at: string | null;
}

/** A notification to send (migration 0008): one per alert, change (seq) and channel. */
export interface AlertOutboxTable {
  org_id: string;
  id: string;
  alert_id: string;
  seq: number;
  channel: string;
  payload: string;
  status: string;
  attempts: Def<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** Every change of an alert's status or level (migration 0008). */
export interface AlertTransitionsTable {
  org_id: string;
  id: string;
  alert_id: string;
  seq: number;
  at: string;
  as_of: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  level: string;
  actor: string;
  note: string | null;
}

export interface DunningActionsTable {
  org_id: string;
  id: string;
  customer_id: string;
  invoice_id: string | null;
  stage: number;
  action: string;
  planned_on: string;
  done_at: string | null;
  channel: string | null;
  promised_on: string | null;
  notes: string | null;
}

export interface ScenariosTable {
  org_id: string;
  id: string;
  name: string;
  params: Def<string>;
  /** Raised by every change (migration 0013): an edit from an older version is refused. */
  version: Def<number>;
  updated_at: string | null;
}

export interface ForecastSnapshotsTable {
  org_id: string;
  id: string;
  scenario: string;
  granularity: string;
  as_of: string;
  created_at: string;
  payload: string;
}

export interface AuditLogTable {
  org_id: string;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export interface ColumnMappingsTable {
  org_id: string;
  kind: string;
  name: string;
  mapping: string;
}

export interface CompanyBalanceSheetsTable {
  org_id: string;
  month_end: string;
  currency: string;
  current_assets: Minor;
  current_liabilities: Minor;
  cash: Def<Minor>;
  short_term_investments: Def<Minor>;
  receivables: Def<Minor>;
  inventory: Def<Minor>;
  cogs: Def<Minor>;
}

export interface Database {
  organisations: OrganisationsTable;
  customers: CustomersTable;
  suppliers: SuppliersTable;
  invoices: InvoicesTable;
  credit_notes: CreditNotesTable;
  receipts: ReceiptsTable;
  receipt_allocations: ReceiptAllocationsTable;
  bills: BillsTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  bank_accounts: BankAccountsTable;
  bank_balances: BankBalancesTable;
  acceptance_bills: AcceptanceBillsTable;
  credit_lines: CreditLinesTable;
  fx_forwards: FxForwardsTable;
  fx_options: FxOptionsTable;
  letters_of_credit: LettersOfCreditTable;
  recurring_items: RecurringItemsTable;
  fx_rates: FxRatesTable;
  financial_statements: FinancialStatementsTable;
  legal_events: LegalEventsTable;
  external_ratings: ExternalRatingsTable;
  external_registrations: ExternalRegistrationsTable;
  credit_scores: CreditScoresTable;
  credit_limits: CreditLimitsTable;
  sales_orders: SalesOrdersTable;
  insurance_policies: InsurancePoliciesTable;
  insured_buyer_limits: InsuredBuyerLimitsTable;
  insurance_claims: InsuranceClaimsTable;
  insurance_claim_documents: InsuranceClaimDocumentsTable;
  insurance_claim_status_history: InsuranceClaimStatusHistoryTable;
  alerts: AlertsTable;
  alert_transitions: AlertTransitionsTable;
  alert_outbox: AlertOutboxTable;
  dunning_actions: DunningActionsTable;
  scenarios: ScenariosTable;
  forecast_snapshots: ForecastSnapshotsTable;
  audit_log: AuditLogTable;
  column_mappings: ColumnMappingsTable;
  company_balance_sheets: CompanyBalanceSheetsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  onboarding_checks: OnboardingChecksTable;
  credit_reviews: CreditReviewsTable;
  credit_hold_overrides: CreditHoldOverridesTable;
  bank_statements: BankStatementsTable;
  bank_statement_lines: BankStatementLinesTable;
  bank_match_proposals: BankMatchProposalsTable;
  customer_bank_accounts: CustomerBankAccountsTable;
  promises_to_pay: PromisesToPayTable;
  disputes: DisputesTable;
  payment_plans: PaymentPlansTable;
  payment_plan_instalments: PaymentPlanInstalmentsTable;
  customer_dunning_terms: CustomerDunningTermsTable;
  data_generations: DataGenerationsTable;
  ledger_snapshots: LedgerSnapshotsTable;
  job_runs: JobRunsTable;
  alert_subscriptions: AlertSubscriptionsTable;
}

/**
 * Tables in the order they can be filled (parents before children); reversed for deletes. The
 * bookkeeping of what is current (`data_generations`, `ledger_snapshots`) holds no records and is
 * left out.
 */
export const TABLE_ORDER: readonly (keyof Database)[] = [
  'organisations',
  'customers',
  'suppliers',
  'bank_accounts',
  'invoices',
  'credit_notes',
  'receipts',
  'receipt_allocations',
  'bills',
  'payments',
  'payment_allocations',
  'bank_balances',
  'acceptance_bills',
  'credit_lines',
  'fx_forwards',
  'fx_options',
  'letters_of_credit',
  'recurring_items',
  'fx_rates',
  'financial_statements',
  'legal_events',
  'external_ratings',
  'external_registrations',
  'credit_scores',
  'credit_limits',
  'sales_orders',
  'insurance_policies',
  'insured_buyer_limits',
  'insurance_claims',
  'insurance_claim_documents',
  'insurance_claim_status_history',
  'alerts',
  'alert_transitions',
  'alert_outbox',
  'dunning_actions',
  'scenarios',
  'forecast_snapshots',
  'audit_log',
  'column_mappings',
  'company_balance_sheets',
  'users',
  'memberships',
  'invitations',
  'sessions',
  'api_tokens',
  'login_attempts',
  'onboarding_checks',
  'credit_reviews',
  'credit_hold_overrides',
  'bank_statements',
  'bank_statement_lines',
  'bank_match_proposals',
  'customer_bank_accounts',
  'promises_to_pay',
  'disputes',
  'payment_plans',
  'payment_plan_instalments',
  'customer_dunning_terms',
  'job_runs',
  'alert_subscriptions',
];

/** A row as read from table `T`. */
export type Row<T extends keyof Database> = Selectable<Database[T]>;
/** A row as written to table `T` (columns with defaults optional). */
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;

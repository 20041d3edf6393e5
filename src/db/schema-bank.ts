/**
 * Row types of the bank-statement tables (migration 0010, docs/adr/0021). Part of `Database` in
 * schema.ts. JSON columns hold text: `refs` a list of strings, `allocations` a list of
 * `{ invoiceId, amountMinor }`, `reasons` a list of `{ code, … }`.
 */
type Def<T> = import('kysely').ColumnType<T, T | undefined, T>;

export interface BankStatementsTable {
  org_id: string;
  id: string;
  bank_account_id: string;
  statement_key: string;
  format: string;
  statement_ref: string | null;
  currency: string;
  period_from: string | null;
  period_to: string | null;
  opening_on: string | null;
  opening_minor: number | null;
  closing_on: string | null;
  closing_minor: number | null;
  line_count: number;
  file_name: string | null;
  imported_at: string;
}

export interface BankStatementLinesTable {
  org_id: string;
  id: string;
  statement_id: string;
  bank_account_id: string;
  line_key: string;
  source_line: number;
  bank_reference: string | null;
  booked_on: string;
  value_on: string | null;
  amount_minor: number;
  currency: string;
  counterparty_name: string | null;
  counterparty_account: string | null;
  refs: Def<string>;
  remittance: Def<string>;
  type_code: string | null;
  receipt_id: string | null;
  /** The payment an outgoing line became (migration 0014). */
  payment_id: Def<string | null>;
  match_status: Def<string>;
}

export interface BankMatchProposalsTable {
  org_id: string;
  id: string;
  line_id: string;
  customer_id: string | null;
  /** The supplier of a proposal for an outgoing line (migration 0014). */
  supplier_id: Def<string | null>;
  confidence: number;
  allocations: string;
  charge_minor: Def<number>;
  reasons: string;
  status: Def<string>;
  proposed_on: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface CustomerBankAccountsTable {
  org_id: string;
  customer_id: string;
  account_no: string;
  first_seen_on: string;
}

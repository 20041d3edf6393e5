export type {
  CreditLimit,
  CreditScore,
  ExternalRating,
  FinancialStatement,
  Grade,
  LegalEvent,
  LegalEventType,
  LimitConstraint,
  RatingAgency,
} from './credit.js';
export { LEGAL_EVENT_TYPES, RATING_AGENCIES } from './credit.js';
export type {
  Bill,
  BillStatus,
  CreditNote,
  Instalment,
  Invoice,
  InvoiceStatus,
  Payment,
  PaymentAllocation,
  Receipt,
  ReceiptAllocation,
  SalesOrder,
} from './documents.js';
export { BILL_STATUSES, INVOICE_STATUSES } from './documents.js';
export type { Customer, Organisation, SizeClass, Supplier } from './parties.js';
export { SIZE_CLASSES } from './parties.js';
export type {
  Alert,
  AlertLevel,
  AuditEntry,
  BuyerCoverKind,
  DunningAction,
  InsurancePolicy,
  InsuredBuyerLimit,
  PolicyTerms,
  Scenario,
} from './risk.js';
export { ALERT_LEVELS, DEFAULT_POLICY_TERMS } from './risk.js';
export type {
  AcceptanceBill,
  AcceptanceBillKind,
  AcceptanceBillStatus,
  BankAccount,
  BankBalance,
  CreditLine,
  Endorsement,
  FxRateRecord,
  RecurringCategory,
  RecurringItem,
} from './treasury.js';
export { RECURRING_CATEGORIES } from './treasury.js';
export {
  type DocumentDraft,
  validateCreditNote,
  validateDocument,
} from './validate-documents.js';
export {
  validateAcceptanceBill,
  validateAmounts,
  validateFxForward,
  validateFxOption,
  validateFxRate,
  validateLegalEvent,
  validateLetterOfCredit,
  validateParty,
  validateRecurringItem,
} from './validate-records.js';
export {
  type AllocationDraft,
  type AllocationTarget,
  type SettlementDraft,
  type SettlementKind,
  validateAllocationTarget,
  validateSettlement,
} from './validate-settlements.js';
export { NO_VIOLATIONS, Violations, type WriteRuleCode, type WriteViolation } from './write-rules.js';

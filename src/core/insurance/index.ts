export { type BuyerCover, summariseBuyerCover } from './buyer.js';
export {
  applyClaimChange,
  CLAIM_DOCUMENTS,
  CLAIM_STATUSES,
  type Claim,
  type ClaimChange,
  type ClaimDocument,
  type ClaimDocumentState,
  type ClaimDraft,
  type ClaimStatus,
  claimIndemnity,
  claimRecoverySplit,
  expectedIndemnityOn,
  nextClaimStatuses,
  validateClaimChange,
  validateClaimDraft,
} from './claims.js';
export {
  COVER_EXCLUSIONS,
  type CoverExclusion,
  type CoverInvoice,
  type CoverLimit,
  type CoverPolicy,
  coverInvoices,
  type InvoiceCover,
} from './cover.js';
export {
  DEADLINE_KINDS,
  type DeadlineKind,
  type DeadlineLevel,
  type InsuranceDeadline,
  type InsuranceObligation,
  insuranceDeadlines,
  insuranceObligations,
  invoiceDeadlines,
  LIMIT_RENEWAL_DAYS,
  OBLIGATION_KINDS,
  type ObligationKind,
} from './deadlines.js';
export {
  type CurrencyTotal,
  type EligibilityItem,
  type EligibleLine,
  type EligiblePack,
  eligibleReceivables,
  INELIGIBLE_REASONS,
  type IneligibleLine,
  type IneligibleReason,
} from './eligible.js';
export {
  type ClaimLoss,
  computeIndemnities,
  type IndemnityLine,
  type IndemnityResult,
  maxLiability,
  premiumFor,
  type RecoverySplit,
  splitRecovery,
} from './indemnity.js';
export { BUYER_COVER_KINDS, checkLimitDecision, type LimitDecision } from './limit-decision.js';
export { parsePolicyTerms, SINOSURE_TERM_NAMES } from './terms.js';
export { type CoverValue, valueOfCover, withoutCover } from './value.js';

export { type BuyerCover, summariseBuyerCover } from './buyer.js';
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
  insuranceDeadlines,
  invoiceDeadlines,
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

export { insuranceAlertFacts } from './alert-facts.js';
export { type ClaimView, fileClaim, listClaimViews, showClaim, updateClaim } from './claims.js';
export { formatClaim, formatClaimList } from './claims-format.js';
export { describeCoverReason, formatCoverReport, formatDeadlineReport, formatValueReport } from './format.js';
export { type InsuranceBook, loadInsuranceBook, type PolicyView } from './load.js';
export {
  type CoverReport,
  coverReport,
  type DeadlineReport,
  insuranceCover,
  insuranceDeadlineReport,
  insuranceValue,
  type ValueReport,
  type ValueSummary,
  valueSummary,
} from './reports.js';

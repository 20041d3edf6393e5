export {
  nameDecision,
  nameLimitViews,
  nameOnboarding,
  nameOrderCheck,
  withActorNames,
} from './actor-names.js';
export { checkOrder, type OrderCheck, type OrderParams, overrideHold } from './check-order.js';
export {
  formatChecklistLine,
  formatLimits,
  formatOnboarding,
  formatOrderCheck,
  formatReason,
  formatReviews,
  formatRiskStates,
  formatSafeLimit,
  formatScores,
  industryWord,
  lineDetails,
} from './format.js';
export {
  type AppliedOverride,
  DEFAULT_OVERRIDE_VALID_DAYS,
  overrideValidDays,
} from './hold-override.js';
export { type ApprovedLimit, approveLimit, type CustomerLimitView, recommendLimits, toBase } from './limits.js';
export { type CreditBook, loadCreditBook } from './load-book.js';
export { loadScorecardDistressModel } from './model-file.js';
export {
  getOnboarding,
  type OnboardingView,
  type RecordedOnboardingCheck,
  recordOnboardingCheck,
} from './onboarding.js';
export { listReviews, type RecordedReview, type ReviewView, recordReview, reviewsOfBook } from './reviews.js';
export { assessRiskBook, listRiskStates, loadRiskBook, type RiskBook, type RiskStateRow } from './risk-states.js';
export { type CustomerCreditScore, type ScoreCustomersResult, scoreCustomers } from './score-customers.js';

export { creditCodeCheckChar, validateCreditCode } from './credit-code.js';
export {
  assessOnboarding,
  BLOCKING_ITEMS,
  type ChecklistLine,
  DATA_ONLY_ITEMS,
  type ItemStatus,
  isRecordable,
  ONBOARDING_ITEMS,
  type OnboardingInput,
  type OnboardingItem,
  type OnboardingResult,
  type RecordedCheck,
} from './onboarding.js';
export { type InsurerLimitChange, type ReviewDue, type ReviewInput, scheduleReview } from './review-schedule.js';
export {
  DEFAULT_ONBOARDING_SETTINGS,
  DEFAULT_REVIEW_SETTINGS,
  type OnboardingSettings,
  type ReviewSettings,
} from './settings.js';

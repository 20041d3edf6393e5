export {
  canOverrideHold,
  checkCreditHold,
  DEFAULT_HOLD_SETTINGS,
  type HoldDecision,
  type HoldInput,
  type HoldOpenItem,
  type HoldSettings,
} from './credit-hold.js';
export { type BuyerFinancials, type LimitInput, type LimitRecommendation, recommendLimit } from './credit-limit.js';
export { computeExposure, type Exposure, type ExposureInput, type ToLimitCurrency } from './exposure.js';
export { DEFAULT_LIMIT_SETTINGS, type GradeCapacity, type LimitSettings, resolveLimitSettings } from './settings.js';

export type {
  ExactPeriod,
  InterestClaim,
  InterestLaw,
  InterestPeriod,
  LateInterest,
  RateBasis,
} from './late-interest.js';
export {
  computeContractInterest,
  INTEREST_LAWS,
  interestDays,
  roundInterestMinor,
  settlePeriods,
} from './late-interest.js';
export type { CnContract, CnDebtorKind, CnEligibility, ConditionState } from './late-interest-cn.js';
export { CN_DEBTOR_KINDS, cnEligibility, computeCnInterest } from './late-interest-cn.js';
export type { EuInterestTerms, ReferenceRate } from './late-interest-eu.js';
export { computeEuInterest, halfYearStart, splitByHalfYear } from './late-interest-eu.js';
export type { LateInterestSettings } from './late-interest-settings.js';
export { DEFAULT_LATE_INTEREST_SETTINGS, resolveLateInterestSettings } from './late-interest-settings.js';

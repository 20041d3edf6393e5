export type {
  AppliedReceipt,
  PaymentPlan,
  PlanInstalment,
  PlanState,
  PromiseState,
  PromiseToPay,
} from './commitments.js';
export { instalmentsBeyondMep, planInstalments, planState, promiseState } from './commitments.js';
export type { DisputeReason, DisputeResolution } from './disputes.js';
export { DISPUTE_REASONS, DISPUTE_RESOLUTIONS } from './disputes.js';
export type { CustomerLadderOverride, DunningAction, LadderInvoice, LadderPlan, PausedInvoice } from './ladder.js';
export { dueStage, planDunning, stageDates } from './ladder.js';
export type { AlertLevel, LadderAction, LadderMode, LadderSettings, LadderStage } from './ladder-settings.js';
export {
  ALERT_LEVELS,
  DEFAULT_LADDER_SETTINGS,
  LADDER_ACTIONS,
  LADDER_MODES,
  resolveLadderSettings,
} from './ladder-settings.js';
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
export type { MessageFigures, MessageLine, MessageSettings, MessageTotal } from './messages.js';
export {
  DEFAULT_MESSAGE_SETTINGS,
  interestToDate,
  isMessageAction,
  MESSAGE_ACTIONS,
  messageFigures,
  resolveMessageSettings,
} from './messages.js';
export type { CustomerStatement, StatementAccount, StatementEntry, StatementOpenItem } from './statement.js';
export { buildStatement } from './statement.js';
export { validateDispute, validatePaymentPlan, validatePromise } from './validate.js';
export type { CustomerRisk, InvoiceRisk, WorklistItem } from './worklist.js';
export { rankWorklist } from './worklist.js';

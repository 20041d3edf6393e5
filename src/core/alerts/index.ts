export {
  type AlertChannel,
  CHANNEL_KINDS,
  type ChannelKind,
  resolveAlertChannels,
  resolveSmtpSettings,
  type SmtpSettings,
  shouldNotify,
} from './channels.js';
export { evaluateBills, evaluateForecast, evaluateFxLimits, evaluateMetrics } from './company-rules.js';
export {
  evaluateBrokenPromises,
  evaluateGradeDrop,
  evaluateHardOverride,
  evaluateInsolvency,
  evaluateLegalEvents,
  evaluateOverLimit,
  evaluateReviewDue,
} from './customer-rules.js';
export { evaluateAlerts, levelRank } from './evaluate.js';
export { evaluateInsuranceDeadlines } from './insurance-rules.js';
export {
  ALERT_STATUSES,
  type AlertAction,
  type AlertStatus,
  nextStatus,
  type ReconcileStep,
  reconcileAlerts,
  type StoredAlertState,
  SYSTEM_ACTOR,
  type Transition,
  type TransitionAction,
} from './lifecycle.js';
export { type DefaultSignal, defaultSignals, evaluateOverdue, ladderLevel } from './overdue.js';
export { type AlertSettings, DEFAULT_ALERT_SETTINGS, resolveAlertSettings } from './settings.js';
export {
  ALERT_CATEGORIES,
  type AlertCategory,
  type AlertSubscription,
  alertCategory,
  checkSubscription,
  subscriptionChannel,
} from './subscriptions.js';
export {
  ALERT_LEVELS,
  ALERT_RULES,
  type Alert,
  type AlertData,
  type AlertInput,
  type AlertLevel,
  type AlertRule,
  type AlertValue,
  type BrokenPromise,
  type CustomerFacts,
  type EvidenceLink,
  type ForecastFacts,
  type FxLimitFacts,
  type InsuranceFacts,
  type OverdueLine,
  type ScenarioFacts,
  type Worded,
} from './types.js';

export {
  type CoverState,
  type CustomerRiskState,
  deriveRiskState,
  insuredShare,
  isOverLimit,
  lossGivenDefault,
  RISK_STATUSES,
  type RiskStateInput,
  type RiskStatus,
  type RiskTreatment,
} from './risk-state.js';
export { DEFAULT_RISK_STATE_SETTINGS, type RiskStateSettings, resolveRiskStateSettings } from './settings.js';

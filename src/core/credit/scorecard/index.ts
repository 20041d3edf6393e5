export {
  type CalibrationSettings,
  DEFAULT_CALIBRATION_SETTINGS,
  fitPdCalibration,
  type ScoreOutcome,
} from './calibration.js';
export { latestRatings, type NormalisedRating, normaliseRating, scoreExternal } from './external-pillar.js';
export {
  altmanScore,
  altmanVariantFor,
  type DistressView,
  type FinancialInput,
  scoreFinancials,
} from './financial-pillar.js';
export { scoreIndustry } from './industry-pillar.js';
export { isLiveEvent, type LegalInput, legalOverrides, scoreLegal } from './legal-pillar.js';
export { type PaymentInput, paydexScore, scorePayment } from './payment-pillar.js';
export { DEFAULT_PD_CALIBRATION, gradeOfPd, gradeSteps, type PdCalibration, pdForScore, scoreForPdWith } from './pd.js';
export { type PaymentOutcomeRecord, realisedOutcomes } from './realised.js';
export { type ScorecardInput, scoreCustomer } from './scorecard.js';
export { DEFAULT_SCORECARD_SETTINGS, resolveScorecardSettings, type ScorecardSettings } from './settings.js';
export {
  type MissingPillar,
  PILLARS,
  type PillarName,
  type PillarOutcome,
  type PillarResult,
  type Reason,
  type ReasonData,
  type ScorecardResult,
} from './types.js';

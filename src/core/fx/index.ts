export type { CurrencyExposure, ExposureParts, FxExposure, FxExposureInput } from './exposure.js';
export { computeFxExposure, NO_EXPOSURE } from './exposure.js';
export type { ForwardLeg, FxForward } from './forward.js';
export { forwardLegs, isForwardOutstanding } from './forward.js';
export type { HedgeNeed } from './hedge.js';
export { hedgeNeeded } from './hedge.js';
export type { CurrencyExposureWeeks, CurrencyFlow, ExposureWeek } from './weekly.js';
export { computeExposureByWeek } from './weekly.js';

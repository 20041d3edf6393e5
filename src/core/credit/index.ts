export {
  type AltmanCutoffs,
  type AltmanItems,
  type AltmanResult,
  type AltmanVariant,
  type AltmanZone,
  computeAltman,
  DEFAULT_ALTMAN_CUTOFFS,
} from './altman.js';
export {
  type DistressItems,
  type DistressModel,
  type DistressScore,
  itemsFromStatement,
  loadDistressModel,
  scoreDistress,
} from './distress/index.js';
export * from './limits/index.js';
export * from './reviews/index.js';
export * from './risk-state/index.js';
export * from './scorecard/index.js';

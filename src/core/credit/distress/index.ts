export type { BinnedMatrix, FeatureMatrix } from './binning.js';
export { selectRows } from './binning.js';
export { type BoostParams, boostTrees } from './boosting.js';
export { calibrate, fitCalibration } from './calibration.js';
export {
  type DistressInput,
  FEATURE_SETS,
  type FeatureSetName,
  type FeatureSpec,
  featureIndex,
  featureSpecs,
  featureVector,
  isPolishRatioRow,
  type PolishRatioRow,
} from './feature-sets.js';
export { computeFeatures, FEATURES, type FeatureDefinition, featureByName } from './features.js';
export {
  type FitOptions,
  type FitReport,
  fitAltmanFallback,
  fitDistressModel,
  quantileOf,
  RANGE_QUANTILES,
  type SelectOptions,
  selectAndFit,
} from './fit.js';
export { GRADE_PD_BOUNDS, gradeForPd, scoreForPd } from './grade.js';
export {
  completeItems,
  type DistressItems,
  ITEM_NAMES,
  type ItemName,
  itemsFromPolishRatios,
  itemsFromStatement,
  missingItems,
} from './items.js';
export { fitLogistic, type LogisticFit, predictLogistic } from './logistic.js';
export { applyTransforms, type ColumnTransform, learnTransforms } from './logistic-features.js';
export {
  type CalibrationBin,
  calibrationTable,
  computeAuc,
  computeAucMissingNeutral,
  computeBrier,
  sigmoid,
} from './metrics.js';
export { type Calibration, type DistressTree, explainMargin, predictMargin, type TreeEnsemble } from './model.js';
export {
  type Applicability,
  type DistressModel,
  type DistressModelJson,
  loadDistressModel,
  MODEL_FORMAT,
  type ModelFeature,
  toModelJson,
  type ZFallback,
} from './model-file.js';
export {
  attrFeatureMatrix,
  concatMatrices,
  type PolishRows,
  polishAccessors,
  rawFeatureMatrix,
} from './polish-data.js';
export {
  type AttrAccessor,
  computeRatioFeatures,
  RATIO_FEATURES,
  type RatioFeatureDefinition,
  ratioFeatureMatrix,
} from './ratio-features.js';
export { createRandom, type Random, stratifiedFolds, stratifiedSplit } from './sampling.js';
export {
  type DistressReason,
  type DistressReasonCode,
  type DistressScore,
  type FeatureContribution,
  type LayeredScore,
  scoreDistress,
  scoreWithFallback,
} from './score.js';
export {
  binTraining,
  type Candidate,
  type CvOptions,
  type CvResult,
  crossValidate,
  predictMatrix,
  subset,
  type TrainingSet,
} from './training.js';
export type { MissingPolicy } from './tree-growth.js';

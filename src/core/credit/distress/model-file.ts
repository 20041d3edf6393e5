import { fail, ok, type Result } from '../../shared/index.js';
import { roundSignificant } from './binning.js';
import { FEATURE_SETS, type FeatureSetName, featureIndex } from './feature-sets.js';
import type { Calibration, DistressTree, TreeEnsemble } from './model.js';
import type { MissingPolicy } from './tree-growth.js';

/**
 * The version of the model-file layout this code writes. Format 1 (no `format` field): trees with
 * learned missing-value routing and nothing else. Format 2 adds the missing-value policy, per
 * feature its monotone direction, training range and importance, the Altman Z″ fallback and
 * the applicability limits.
 */
export const MODEL_FORMAT = 2;

/** A feature as the model file records it. */
export interface ModelFeature {
  readonly name: string;
  readonly formula: string;
  readonly polish: string;
  /** Median of the training rows: the "typical" value a reason compares with. */
  readonly median: number;
  /** The monotone constraint imposed in training: +1 risk rises with the value, −1 falls, 0 free. */
  readonly monotone: number;
  /** The training range (0.1 % and 99.9 % quantiles); a value outside it is out of range. */
  readonly low: number;
  readonly high: number;
  /** Share of the model's mean absolute contribution on the training rows (the shares sum to 1). */
  readonly importance: number;
}

/**
 * Altman Z″ as a 12-month log-odds: logit(pd) = intercept + slope·asinh(Z″), fitted on the training
 * rows. Blended in where the model's inputs leave its training range.
 */
export interface ZFallback {
  readonly variant: 'z-double-prime';
  readonly intercept: number;
  readonly slope: number;
}

/** When a company lies too far from the training data for this model to score it. */
export interface Applicability {
  /** Most inputs that may be missing (the ratios model: attributes among Attr1..Attr64). */
  readonly maxMissing: number;
  /** Largest share of the model's features that may lie outside their training range. */
  readonly maxOutOfRangeShare: number;
}

/** The distress model, loaded and checked: what scoreDistress needs. */
export interface DistressModel {
  readonly version: string;
  /** What the features are computed from; the file's `featureSet` ('statement-items' when absent). */
  readonly featureSet: FeatureSetName;
  readonly features: readonly ModelFeature[];
  /** For model feature j, its position in featureVector(featureSet, ·). */
  readonly columns: readonly number[];
  readonly ensemble: TreeEnsemble;
  readonly calibration: Calibration;
  /** Null in format-1 files, and in models that do not blend with Altman Z″. */
  readonly fallback: ZFallback | null;
  /** Null: every company may be scored. */
  readonly applicability: Applicability | null;
  readonly training: Readonly<Record<string, unknown>>;
}

/** One node in the file: a leaf `[value]`, or `[feature, threshold, missingLeft, left, right, value]`. */
export type NodeJson = readonly [number] | readonly [number, number, number, number, number, number];

export interface DistressModelJson {
  readonly format: number;
  readonly version: string;
  readonly family: 'gradient-boosted-trees';
  readonly featureSet: FeatureSetName;
  readonly missing: MissingPolicy;
  readonly features: readonly ModelFeature[];
  readonly baseMargin: number;
  readonly trees: readonly (readonly NodeJson[])[];
  readonly calibration: Calibration;
  readonly fallback: ZFallback | null;
  readonly applicability: Applicability | null;
  readonly training: Readonly<Record<string, unknown>>;
}

const DIGITS = 7;

function treeToJson(tree: DistressTree): NodeJson[] {
  return Array.from(tree.feature, (f, i): NodeJson => {
    const value = roundSignificant(tree.value[i] as number, DIGITS);
    if (f < 0) return [value];
    return [
      f,
      tree.threshold[i] as number,
      tree.missingLeft[i] as number,
      tree.left[i] as number,
      tree.right[i] as number,
      value,
    ];
  });
}

/** The JSON form (format 2) of a trained model (leaf values rounded to 7 significant digits). */
export function toModelJson(model: Omit<DistressModel, 'columns'>): DistressModelJson {
  return {
    format: MODEL_FORMAT,
    version: model.version,
    family: 'gradient-boosted-trees',
    featureSet: model.featureSet,
    missing: model.ensemble.missing ?? 'learned',
    features: model.features,
    baseMargin: model.ensemble.baseMargin,
    trees: model.ensemble.trees.map(treeToJson),
    calibration: model.calibration,
    fallback: model.fallback,
    applicability: model.applicability,
    training: model.training,
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const numberOr = (x: unknown, fallback: number): number => (isNumber(x) ? x : fallback);

function readFeature(f: Record<string, unknown>, format: number): ModelFeature | null {
  if (!isNumber(f.median)) return null;
  const v2 = format >= 2;
  if (v2 && !(isNumber(f.monotone) && isNumber(f.low) && isNumber(f.high) && isNumber(f.importance))) return null;
  return {
    name: String(f.name),
    formula: String(f.formula ?? ''),
    polish: String(f.polish ?? ''),
    median: f.median,
    monotone: numberOr(f.monotone, 0),
    // A format-1 file knows no range: nothing is ever out of it.
    low: numberOr(f.low, Number.NEGATIVE_INFINITY),
    high: numberOr(f.high, Number.POSITIVE_INFINITY),
    importance: numberOr(f.importance, 0),
  };
}

function readFeatures(
  raw: unknown,
  set: FeatureSetName,
  format: number,
): Result<{ features: ModelFeature[]; columns: number[] }> {
  if (!Array.isArray(raw) || raw.length === 0)
    return fail('MODEL_INVALID', { field: 'features', expected: 'non-empty array' });
  const features: ModelFeature[] = [];
  const columns: number[] = [];
  for (const [j, f] of raw.entries()) {
    const column = isObject(f) && typeof f.name === 'string' ? featureIndex(set, f.name) : -1;
    if (!isObject(f) || column < 0)
      return fail('MODEL_UNKNOWN_FEATURE', { field: `features[${j}]`, value: isObject(f) ? String(f.name) : '' });
    const feature = readFeature(f, format);
    if (feature === null) return fail('MODEL_INVALID', { field: `features[${j}]` });
    features.push(feature);
    columns.push(column);
  }
  return ok({ features, columns });
}

function readFeatureSet(raw: unknown): Result<FeatureSetName> {
  if (raw === undefined) return ok('statement-items');
  const set = FEATURE_SETS.find((name) => name === raw);
  return set === undefined
    ? fail('MODEL_INVALID', { field: 'featureSet', value: String(raw), expected: FEATURE_SETS.join(' or ') })
    : ok(set);
}

type MutableTree = { [K in keyof DistressTree]: number[] };

function pushNode(tree: MutableTree, node: readonly [number, number, number, number, number, number]): void {
  tree.feature.push(node[0]);
  tree.threshold.push(node[1]);
  tree.missingLeft.push(node[2] === 1 ? 1 : 0);
  tree.left.push(node[3]);
  tree.right.push(node[4]);
  tree.value.push(node[5]);
}

function readTree(raw: unknown, t: number, featureCount: number): Result<DistressTree> {
  const tree: MutableTree = { feature: [], threshold: [], missingLeft: [], left: [], right: [], value: [] };
  const bad = (node: number) => fail('MODEL_INVALID', { field: `trees[${t}][${node}]` });
  if (!Array.isArray(raw) || raw.length === 0) return bad(0);
  for (const [i, node] of raw.entries()) {
    if (!Array.isArray(node) || !node.every(isNumber)) return bad(i);
    if (node.length === 1) {
      pushNode(tree, [-1, 0, 0, -1, -1, node[0] as number]);
      continue;
    }
    const [f, threshold, missingLeft, left, right, value] = node as number[];
    const isChild = (c: number | undefined) => c !== undefined && Number.isInteger(c) && c > i && c < raw.length;
    if (
      node.length !== 6 ||
      !Number.isInteger(f) ||
      (f as number) < 0 ||
      (f as number) >= featureCount ||
      !isChild(left) ||
      !isChild(right)
    )
      return bad(i);
    pushNode(tree, [
      f as number,
      threshold as number,
      missingLeft as number,
      left as number,
      right as number,
      value as number,
    ]);
  }
  // Typed arrays: the scoring loop reads them millions of times.
  return ok({
    feature: Int32Array.from(tree.feature),
    threshold: Float64Array.from(tree.threshold),
    missingLeft: Uint8Array.from(tree.missingLeft),
    left: Int32Array.from(tree.left),
    right: Int32Array.from(tree.right),
    value: Float64Array.from(tree.value),
  });
}

function readTrees(json: Record<string, unknown>, featureCount: number): Result<DistressTree[]> {
  if (!isNumber(json.baseMargin) || !Array.isArray(json.trees)) return fail('MODEL_INVALID', { field: 'trees' });
  const trees: DistressTree[] = [];
  for (const [t, raw] of json.trees.entries()) {
    const tree = readTree(raw, t, featureCount);
    if (!tree.ok) return tree;
    trees.push(tree.value);
  }
  return ok(trees);
}

function readFallback(raw: unknown): Result<ZFallback | null> {
  if (raw === undefined || raw === null) return ok(null);
  if (!isObject(raw) || raw.variant !== 'z-double-prime' || !isNumber(raw.intercept) || !isNumber(raw.slope))
    return fail('MODEL_INVALID', { field: 'fallback' });
  return ok({ variant: 'z-double-prime', intercept: raw.intercept, slope: raw.slope });
}

function readApplicability(raw: unknown): Result<Applicability | null> {
  if (raw === undefined || raw === null) return ok(null);
  if (!isObject(raw) || !isNumber(raw.maxMissing) || !isNumber(raw.maxOutOfRangeShare))
    return fail('MODEL_INVALID', { field: 'applicability' });
  return ok({ maxMissing: raw.maxMissing, maxOutOfRangeShare: raw.maxOutOfRangeShare });
}

function readHeader(json: unknown): Result<{ json: Record<string, unknown>; format: number; missing: MissingPolicy }> {
  if (!isObject(json) || typeof json.version !== 'string') return fail('MODEL_INVALID', { field: 'version' });
  const format = json.format === undefined ? 1 : json.format;
  if (format !== 1 && format !== MODEL_FORMAT)
    return fail('MODEL_INVALID', { field: 'format', value: String(format), expected: `1 or ${MODEL_FORMAT}` });
  if (json.family !== 'gradient-boosted-trees')
    return fail('MODEL_INVALID', { field: 'family', value: String(json.family) });
  const missing = format === 1 ? 'learned' : json.missing;
  if (missing !== 'learned' && missing !== 'neutral')
    return fail('MODEL_INVALID', { field: 'missing', value: String(missing), expected: 'learned or neutral' });
  return ok({ json, format, missing });
}

/**
 * Checks parsed JSON of a distress model (format 1 or 2) and returns it ready for scoreDistress.
 * The file declares its feature set ('statement-items' or 'polish-ratios'); every feature must
 * exist in that set. Children must come after their parent, so every path ends at a leaf.
 *
 * @example
 * const r = loadDistressModel(JSON.parse(text));
 * if (!r.ok) console.error(r.error.code); // e.g. 'MODEL_INVALID'
 */
export function loadDistressModel(raw: unknown): Result<DistressModel> {
  const header = readHeader(raw);
  if (!header.ok) return header;
  const { json, format, missing } = header.value;
  const featureSet = readFeatureSet(json.featureSet);
  if (!featureSet.ok) return featureSet;
  const features = readFeatures(json.features, featureSet.value, format);
  if (!features.ok) return features;
  const calibration = json.calibration;
  if (!isObject(calibration) || !isNumber(calibration.intercept) || !isNumber(calibration.slope))
    return fail('MODEL_INVALID', { field: 'calibration' });
  const trees = readTrees(json, features.value.features.length);
  if (!trees.ok) return trees;
  const fallback = readFallback(json.fallback);
  if (!fallback.ok) return fallback;
  const applicability = readApplicability(json.applicability);
  if (!applicability.ok) return applicability;
  return ok({
    version: json.version as string,
    featureSet: featureSet.value,
    ...features.value,
    ensemble: { baseMargin: json.baseMargin as number, trees: trees.value, missing },
    calibration: { intercept: calibration.intercept, slope: calibration.slope },
    fallback: fallback.value,
    applicability: applicability.value,
    training: isObject(json.training) ? json.training : {},
  });
}

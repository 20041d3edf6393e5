import { fail, ok, type Result } from '../../shared/index.js';
import { roundSignificant } from './binning.js';
import { FEATURE_SETS, type FeatureSetName, featureIndex } from './feature-sets.js';
import type { Calibration, DistressTree, TreeEnsemble } from './model.js';

/** A feature as the model file records it; `median` (of training rows) sets LOW_/HIGH_ in reasons. */
export interface ModelFeature {
  readonly name: string;
  readonly formula: string;
  readonly polish: string;
  readonly median: number;
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
  readonly training: Readonly<Record<string, unknown>>;
}

/** One node in the file: a leaf `[value]`, or `[feature, threshold, missingLeft, left, right, value]`. */
export type NodeJson = readonly [number] | readonly [number, number, number, number, number, number];

export interface DistressModelJson {
  readonly version: string;
  readonly family: 'gradient-boosted-trees';
  readonly featureSet: FeatureSetName;
  readonly features: readonly ModelFeature[];
  readonly baseMargin: number;
  readonly trees: readonly (readonly NodeJson[])[];
  readonly calibration: Calibration;
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

/** The JSON form of a trained model (leaf values rounded to 7 significant digits). */
export function toModelJson(model: Omit<DistressModel, 'columns'>): DistressModelJson {
  return {
    version: model.version,
    family: 'gradient-boosted-trees',
    featureSet: model.featureSet,
    features: model.features,
    baseMargin: model.ensemble.baseMargin,
    trees: model.ensemble.trees.map(treeToJson),
    calibration: model.calibration,
    training: model.training,
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function readFeatures(raw: unknown, set: FeatureSetName): Result<{ features: ModelFeature[]; columns: number[] }> {
  if (!Array.isArray(raw) || raw.length === 0)
    return fail('MODEL_INVALID', { field: 'features', expected: 'non-empty array' });
  const features: ModelFeature[] = [];
  const columns: number[] = [];
  for (const [j, f] of raw.entries()) {
    const column = isObject(f) && typeof f.name === 'string' ? featureIndex(set, f.name) : -1;
    if (!isObject(f) || column < 0 || !isNumber(f.median)) {
      return fail('MODEL_UNKNOWN_FEATURE', { field: `features[${j}]`, value: isObject(f) ? String(f.name) : '' });
    }
    features.push({
      name: String(f.name),
      formula: String(f.formula ?? ''),
      polish: String(f.polish ?? ''),
      median: f.median,
    });
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

/**
 * Checks parsed JSON of a distress model and returns it ready for scoreDistress. The file declares
 * its feature set ('statement-items' or 'polish-ratios'); every feature must exist in that set.
 * Children must come after their parent, so every path ends at a leaf.
 *
 * @example
 * const r = loadDistressModel(JSON.parse(text));
 * if (!r.ok) console.error(r.error.code); // e.g. 'MODEL_INVALID'
 */
export function loadDistressModel(json: unknown): Result<DistressModel> {
  if (!isObject(json) || typeof json.version !== 'string') return fail('MODEL_INVALID', { field: 'version' });
  if (json.family !== 'gradient-boosted-trees')
    return fail('MODEL_INVALID', { field: 'family', value: String(json.family) });
  const featureSet = readFeatureSet(json.featureSet);
  if (!featureSet.ok) return featureSet;
  const features = readFeatures(json.features, featureSet.value);
  if (!features.ok) return features;
  const calibration = json.calibration;
  if (!isObject(calibration) || !isNumber(calibration.intercept) || !isNumber(calibration.slope))
    return fail('MODEL_INVALID', { field: 'calibration' });
  if (!isNumber(json.baseMargin) || !Array.isArray(json.trees)) return fail('MODEL_INVALID', { field: 'trees' });
  const trees: DistressTree[] = [];
  for (const [t, raw] of json.trees.entries()) {
    const tree = readTree(raw, t, features.value.features.length);
    if (!tree.ok) return tree;
    trees.push(tree.value);
  }
  return ok({
    version: json.version,
    featureSet: featureSet.value,
    ...features.value,
    ensemble: { baseMargin: json.baseMargin, trees },
    calibration: { intercept: calibration.intercept, slope: calibration.slope },
    training: isObject(json.training) ? json.training : {},
  });
}

import { assert } from '../../shared/index.js';
import { computeFeatures, FEATURES } from './features.js';
import { completeItems, type DistressItems, itemsFromPolishRatios, missingItems } from './items.js';
import { type AttrAccessor, computeRatioFeatures, RATIO_FEATURES } from './ratio-features.js';

/**
 * What a model file's features are computed from: raw statement items (scale-free ratios any
 * balance sheet gives) or the 64 UCI Polish ratios as they are (only for data in that layout).
 */
export type FeatureSetName = 'statement-items' | 'polish-ratios';
export const FEATURE_SETS: readonly FeatureSetName[] = ['statement-items', 'polish-ratios'];

/** A company in the UCI Polish ratio layout: AttrK (1-based), NaN when missing. */
export interface PolishRatioRow {
  readonly attr: AttrAccessor;
}

/** What can be scored: raw statement items, or a row of Polish ratios. */
export type DistressInput = DistressItems | PolishRatioRow;

export const isPolishRatioRow = (input: DistressInput): input is PolishRatioRow =>
  typeof (input as Partial<PolishRatioRow>).attr === 'function';

/** Name, formula and Polish column of one feature of a set. */
export interface FeatureSpec {
  readonly name: string;
  readonly formula: string;
  readonly polish: string;
}

/** Every feature a set offers, in the order featureVector computes them. */
export function featureSpecs(set: FeatureSetName): readonly FeatureSpec[] {
  return set === 'statement-items' ? FEATURES : RATIO_FEATURES;
}

/** The position of a feature in its set, or −1 when the set has no such feature. */
export function featureIndex(set: FeatureSetName, name: string): number {
  return featureSpecs(set).findIndex((f) => f.name === name);
}

/**
 * The features of a set for one input (NaN = not computable) and what was missing: all of them,
 * or (statement items) only the positions in `only`. An items model can score a Polish row
 * (items are rebuilt per unit of total assets, as in training); a ratios model needs a Polish
 * row, since raw items do not give most of the 64 ratios.
 */
export function featureVector(
  set: FeatureSetName,
  input: DistressInput,
  only?: readonly number[],
): { values: Float64Array; missing: string[] } {
  if (set === 'polish-ratios') {
    assert(isPolishRatioRow(input), 'a polish-ratios model scores rows of Polish ratios, not statement items');
    const missing: string[] = [];
    for (let k = 1; k <= 64; k += 1) if (Number.isNaN(input.attr(k))) missing.push(`Attr${k}`);
    return { values: computeRatioFeatures(input.attr), missing };
  }
  const items = isPolishRatioRow(input) ? itemsFromPolishRatios(input.attr) : input;
  // An item the balance-sheet identity fills (equity or total liabilities) is not missing.
  return { values: computeFeatures(items, FEATURES, only), missing: missingItems(completeItems(items)) };
}

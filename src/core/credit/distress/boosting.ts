import type { BinnedMatrix } from './binning.js';
import { sigmoid } from './metrics.js';
import type { DistressTree, TreeEnsemble } from './model.js';
import type { Random } from './sampling.js';
import { createRandom } from './sampling.js';
import { type GrownTree, growTree, predictBinned, type TreeParams } from './tree-growth.js';

export interface BoostParams extends TreeParams {
  readonly rounds: number;
  /** Share of rows each tree sees (stochastic gradient boosting). */
  readonly subsample: number;
  /** Share of features each tree may split on. */
  readonly colsample: number;
  readonly seed: number;
}

function sampleRows(n: number, share: number, random: Random): Uint32Array {
  const rows: number[] = [];
  for (let i = 0; i < n; i += 1) if (share >= 1 || random.next() < share) rows.push(i);
  return Uint32Array.from(rows);
}

function sampleFeatures(count: number, share: number, random: Random): number[] {
  const all = Array.from({ length: count }, (_, f) => f);
  if (share >= 1) return all;
  const keep = Math.max(1, Math.round(count * share));
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, keep).sort((a, b) => a - b);
}

/** Turns a tree on bins into a tree on raw values (threshold = the split bin's upper edge). */
export function toDistressTree(tree: GrownTree, thresholds: readonly Float64Array[]): DistressTree {
  return {
    feature: [...tree.feature],
    threshold: tree.feature.map((f, i) =>
      f < 0 ? 0 : ((thresholds[f] as Float64Array)[tree.splitBin[i] as number] as number),
    ),
    missingLeft: [...tree.missingLeft],
    left: [...tree.left],
    right: [...tree.right],
    value: [...tree.value],
  };
}

/**
 * Gradient boosting with the logistic loss on binned features. `onRound` sees every new tree
 * (for early-stopping curves on validation rows). Deterministic for a given seed.
 *
 * @example
 * const model = boostTrees(binned, labels, { rounds: 300, learningRate: 0.05, maxDepth: 3, lambda: 1, minChildHessian: 1, subsample: 0.8, colsample: 0.8, seed: 1 });
 */
export function boostTrees(
  data: BinnedMatrix,
  labels: Uint8Array,
  params: BoostParams,
  onRound?: (round: number, tree: DistressTree) => void,
): TreeEnsemble {
  const n = data.rowCount;
  let positives = 0;
  for (const y of labels) positives += y;
  const rate = Math.min(Math.max(positives / n, 1e-6), 1 - 1e-6);
  const baseMargin = Math.log(rate / (1 - rate));
  const margin = new Float64Array(n).fill(baseMargin);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const random = createRandom(params.seed);
  const trees: DistressTree[] = [];
  const missing = params.missing ?? 'learned';
  for (let round = 0; round < params.rounds; round += 1) {
    for (let i = 0; i < n; i += 1) {
      const p = sigmoid(margin[i] as number);
      grad[i] = p - (labels[i] as number);
      hess[i] = Math.max(p * (1 - p), 1e-12);
    }
    const rows = sampleRows(n, params.subsample, random);
    const features = sampleFeatures(data.bins.length, params.colsample, random);
    const grown = growTree(data, grad, hess, rows, features, params);
    for (let i = 0; i < n; i += 1) margin[i] = (margin[i] as number) + predictBinned(grown, data, i, missing);
    const tree = toDistressTree(grown, data.thresholds);
    trees.push(tree);
    onRound?.(round, tree);
  }
  return { baseMargin, trees, missing };
}

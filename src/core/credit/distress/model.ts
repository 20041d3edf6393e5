import type { MissingPolicy } from './tree-growth.js';

/**
 * A tree of a distress model, as stored in models/distress-*.json. Node i is a leaf when
 * feature[i] = −1; otherwise a row goes left when its value ≤ threshold[i]. A missing value goes
 * left when missingLeft[i] is 1 (policy 'learned'), or stops at the node (policy 'neutral').
 * value[i] is the leaf value, or for an internal node the cover-weighted mean of its leaves.
 */
export interface DistressTree {
  readonly feature: ArrayLike<number>;
  readonly threshold: ArrayLike<number>;
  readonly missingLeft: ArrayLike<number>;
  readonly left: ArrayLike<number>;
  readonly right: ArrayLike<number>;
  readonly value: ArrayLike<number>;
}

/**
 * Boosted trees: margin = baseMargin + Σ tree outputs (log-odds of the training labels).
 * `missing` says how the trees treat a missing value (see MissingPolicy; absent: 'learned').
 */
export interface TreeEnsemble {
  readonly baseMargin: number;
  readonly trees: readonly DistressTree[];
  readonly missing?: MissingPolicy;
}

/** Platt step mapping the ensemble margin to a 12-month PD: pd = σ(intercept + slope·margin). */
export interface Calibration {
  readonly intercept: number;
  readonly slope: number;
}

/** The child a value goes to, or −1 when a missing value stops at this node ('neutral'). */
function nextNode(tree: DistressTree, node: number, x: number, isNeutral: boolean): number {
  if (Number.isNaN(x) && isNeutral) return -1;
  const goesLeft = Number.isNaN(x) ? tree.missingLeft[node] === 1 : x <= (tree.threshold[node] as number);
  return (goesLeft ? tree.left[node] : tree.right[node]) as number;
}

/**
 * The ensemble's margin (log-odds) for one row of feature values (NaN = missing).
 *
 * @example
 * predictMargin({ baseMargin: -3, trees: [] }, new Float64Array(0)); // -3
 */
export function predictMargin(ensemble: TreeEnsemble, x: Float64Array): number {
  const isNeutral = ensemble.missing === 'neutral';
  let margin = ensemble.baseMargin;
  for (const tree of ensemble.trees) {
    let node = 0;
    while ((tree.feature[node] as number) >= 0) {
      const child = nextNode(tree, node, x[tree.feature[node] as number] as number, isNeutral);
      if (child < 0) break;
      node = child;
    }
    margin += tree.value[node] as number;
  }
  return margin;
}

/**
 * Splits the margin into per-feature contributions along each tree's path (Saabas): each split
 * credits its feature with the change of node value from parent to child. The contributions plus
 * `bias` sum exactly to the margin.
 */
export function explainMargin(ensemble: TreeEnsemble, x: Float64Array, featureCount: number) {
  const isNeutral = ensemble.missing === 'neutral';
  const contributions = new Float64Array(featureCount);
  let bias = ensemble.baseMargin;
  for (const tree of ensemble.trees) {
    let node = 0;
    bias += tree.value[0] as number;
    while ((tree.feature[node] as number) >= 0) {
      const f = tree.feature[node] as number;
      const child = nextNode(tree, node, x[f] as number, isNeutral);
      if (child < 0) break;
      contributions[f] = (contributions[f] as number) + (tree.value[child] as number) - (tree.value[node] as number);
      node = child;
    }
  }
  return { bias, contributions };
}

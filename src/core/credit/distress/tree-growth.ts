import type { BinnedMatrix } from './binning.js';

export interface TreeParams {
  readonly maxDepth: number;
  /** L2 penalty on leaf values. */
  readonly lambda: number;
  /** Smallest hessian sum a child may have (LightGBM's min_sum_hessian_in_leaf). */
  readonly minChildHessian: number;
  readonly learningRate: number;
}

/**
 * A grown tree on bins. Node i is a leaf when feature[i] = −1. An internal node sends a row left
 * when its bin ≤ splitBin[i], or when the value is missing and missingLeft[i] is 1. value[i] is
 * the leaf value, or for an internal node the hessian-weighted mean of its leaves (used to split a
 * prediction into per-feature contributions).
 */
export interface GrownTree {
  readonly feature: number[];
  readonly splitBin: number[];
  readonly missingLeft: number[];
  readonly left: number[];
  readonly right: number[];
  readonly value: number[];
}

interface Split {
  feature: number;
  bin: number;
  missingLeft: boolean;
  gain: number;
}

interface Context {
  readonly data: BinnedMatrix;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  readonly features: readonly number[];
  readonly params: TreeParams;
  readonly tree: GrownTree;
}

const score = (g: number, h: number, lambda: number): number => (g * g) / (h + lambda);

function bestSplitOfFeature(ctx: Context, rows: Uint32Array, f: number, g: number, h: number): Split | null {
  const thresholds = ctx.data.thresholds[f] as Float64Array;
  const bins = ctx.data.bins[f] as Uint8Array;
  const nb = thresholds.length + 2;
  const hg = new Float64Array(nb);
  const hh = new Float64Array(nb);
  for (const i of rows) {
    const b = bins[i] as number;
    hg[b] = (hg[b] as number) + (ctx.grad[i] as number);
    hh[b] = (hh[b] as number) + (ctx.hess[i] as number);
  }
  const gm = hg[nb - 1] as number;
  const hm = hh[nb - 1] as number;
  const { lambda, minChildHessian } = ctx.params;
  const parent = score(g, h, lambda);
  let best: Split | null = null;
  let gl = 0;
  let hl = 0;
  for (let b = 0; b < nb - 2; b += 1) {
    gl += hg[b] as number;
    hl += hh[b] as number;
    for (const missingLeft of hm > 0 ? [true, false] : [true]) {
      const gL = missingLeft ? gl + gm : gl;
      const hL = missingLeft ? hl + hm : hl;
      if (hL < minChildHessian || h - hL < minChildHessian) continue;
      const gain = score(gL, hL, lambda) + score(g - gL, h - hL, lambda) - parent;
      // With no missing value here, send future missing values to the heavier side.
      const side = hm > 0 ? missingLeft : hl >= h - hl;
      if (best === null || gain > best.gain) best = { feature: f, bin: b, missingLeft: side, gain };
    }
  }
  return best;
}

function addNode(tree: GrownTree): number {
  tree.feature.push(-1);
  tree.splitBin.push(0);
  tree.missingLeft.push(0);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.value.push(0);
  return tree.feature.length - 1;
}

function partition(ctx: Context, rows: Uint32Array, split: Split): [Uint32Array, Uint32Array] {
  const bins = ctx.data.bins[split.feature] as Uint8Array;
  const missingBin = (ctx.data.thresholds[split.feature] as Float64Array).length + 1;
  const left: number[] = [];
  const right: number[] = [];
  for (const i of rows) {
    const b = bins[i] as number;
    const goesLeft = b === missingBin ? split.missingLeft : b <= split.bin;
    (goesLeft ? left : right).push(i);
  }
  return [Uint32Array.from(left), Uint32Array.from(right)];
}

/** Grows one node and its subtree; returns its hessian sum (its cover). */
function grow(ctx: Context, node: number, rows: Uint32Array, depth: number): number {
  let g = 0;
  let h = 0;
  for (const i of rows) {
    g += ctx.grad[i] as number;
    h += ctx.hess[i] as number;
  }
  const { tree, params } = ctx;
  tree.value[node] = (-g / (h + params.lambda)) * params.learningRate;
  if (depth >= params.maxDepth) return h;
  let best: Split | null = null;
  for (const f of ctx.features) {
    const split = bestSplitOfFeature(ctx, rows, f, g, h);
    if (split !== null && split.gain > 1e-12 && (best === null || split.gain > best.gain)) best = split;
  }
  if (best === null) return h;
  const [leftRows, rightRows] = partition(ctx, rows, best);
  const left = addNode(tree);
  const right = addNode(tree);
  tree.feature[node] = best.feature;
  tree.splitBin[node] = best.bin;
  tree.missingLeft[node] = best.missingLeft ? 1 : 0;
  tree.left[node] = left;
  tree.right[node] = right;
  const hl = grow(ctx, left, leftRows, depth + 1);
  const hr = grow(ctx, right, rightRows, depth + 1);
  tree.value[node] = ((tree.value[left] as number) * hl + (tree.value[right] as number) * hr) / (hl + hr);
  return h;
}

/**
 * Grows one regression tree on gradients and hessians of the rows `rows` (second-order boosting,
 * as in XGBoost/LightGBM): exhaustive search over bins of the allowed features, missing values
 * routed to the side that gains most.
 */
export function growTree(
  data: BinnedMatrix,
  grad: Float64Array,
  hess: Float64Array,
  rows: Uint32Array,
  features: readonly number[],
  params: TreeParams,
): GrownTree {
  const tree: GrownTree = { feature: [], splitBin: [], missingLeft: [], left: [], right: [], value: [] };
  const ctx: Context = { data, grad, hess, features, params, tree };
  grow(ctx, addNode(tree), rows, 0);
  return tree;
}

/** The output of a grown tree for row i of binned data. */
export function predictBinned(tree: GrownTree, data: BinnedMatrix, i: number): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const f = tree.feature[node] as number;
    const b = (data.bins[f] as Uint8Array)[i] as number;
    const missing = b === (data.thresholds[f] as Float64Array).length + 1;
    const goesLeft = missing ? tree.missingLeft[node] === 1 : b <= (tree.splitBin[node] as number);
    node = (goesLeft ? tree.left[node] : tree.right[node]) as number;
  }
  return tree.value[node] as number;
}

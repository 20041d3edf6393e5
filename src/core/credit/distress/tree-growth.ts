import type { BinnedMatrix } from './binning.js';

/**
 * How a tree treats a missing value. 'learned': it goes to the side that gained most in training
 * (missingness itself may carry signal in the training data). 'neutral': the row stops at the
 * split and takes the node's value, the cover-weighted mean of the leaves below, so a missing
 * value pushes the prediction neither way (what a different population's missing items need).
 */
export type MissingPolicy = 'learned' | 'neutral';

export interface TreeParams {
  readonly maxDepth: number;
  /** L2 penalty on leaf values. */
  readonly lambda: number;
  /** Smallest hessian sum a child may have (LightGBM's min_sum_hessian_in_leaf). */
  readonly minChildHessian: number;
  readonly learningRate: number;
  /**
   * Per feature: +1 when the output may only rise with the value, −1 when it may only fall, 0 free.
   * Absent: no constraint.
   */
  readonly monotone?: readonly number[];
  /** Absent: 'learned'. */
  readonly missing?: MissingPolicy;
}

/**
 * A grown tree on bins. Node i is a leaf when feature[i] = −1. An internal node sends a row left
 * when its bin ≤ splitBin[i]; a missing value goes left when missingLeft[i] is 1 ('learned'), or
 * stops at the node ('neutral'). value[i] is the leaf value, or for an internal node the
 * hessian-weighted mean of its leaves (used to split a prediction into per-feature contributions,
 * and as the output of a row stopped there).
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
  leftValue: number;
  rightValue: number;
}

/** Bounds on the (unscaled) leaf values of a subtree, from the monotone splits above it. */
interface Bounds {
  readonly low: number;
  readonly high: number;
}

interface Context {
  readonly data: BinnedMatrix;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  readonly features: readonly number[];
  readonly params: TreeParams;
  readonly tree: GrownTree;
}

const clamp = (w: number, b: Bounds): number => Math.min(b.high, Math.max(b.low, w));

/** The leaf value that minimises the second-order loss, within the bounds. */
const leafWeight = (g: number, h: number, lambda: number, b: Bounds): number => clamp(-g / (h + lambda), b);

/** Loss reduction of a leaf with value w: −(2·g·w + (h + λ)·w²); g²/(h + λ) at the optimum. */
const leafGain = (g: number, h: number, lambda: number, w: number): number => -(2 * g * w + (h + lambda) * w * w);

interface Histogram {
  readonly g: Float64Array;
  readonly h: Float64Array;
}

function histogram(ctx: Context, rows: Uint32Array, f: number): Histogram {
  const nb = (ctx.data.thresholds[f] as Float64Array).length + 2;
  const bins = ctx.data.bins[f] as Uint8Array;
  const g = new Float64Array(nb);
  const h = new Float64Array(nb);
  for (const i of rows) {
    const b = bins[i] as number;
    g[b] = (g[b] as number) + (ctx.grad[i] as number);
    h[b] = (h[b] as number) + (ctx.hess[i] as number);
  }
  return { g, h };
}

function bestSplitOfFeature(ctx: Context, rows: Uint32Array, f: number, bounds: Bounds): Split | null {
  const { g: hg, h: hh } = histogram(ctx, rows, f);
  const nb = hg.length;
  const gm = hg[nb - 1] as number;
  const hm = hh[nb - 1] as number;
  const isNeutral = ctx.params.missing === 'neutral';
  // Under 'neutral' the rows missing this feature stay at the node: the split is judged without them.
  let g = isNeutral ? 0 : gm;
  let h = isNeutral ? 0 : hm;
  for (let b = 0; b < nb - 1; b += 1) {
    g += hg[b] as number;
    h += hh[b] as number;
  }
  const { lambda, minChildHessian } = ctx.params;
  const direction = ctx.params.monotone?.[f] ?? 0;
  const parent = leafGain(g, h, lambda, leafWeight(g, h, lambda, bounds));
  const sides = isNeutral || hm <= 0 ? [false] : [true, false];
  let best: Split | null = null;
  let gl = 0;
  let hl = 0;
  for (let b = 0; b < nb - 2; b += 1) {
    gl += hg[b] as number;
    hl += hh[b] as number;
    for (const withMissing of sides) {
      const gL = withMissing ? gl + gm : gl;
      const hL = withMissing ? hl + hm : hl;
      if (hL < minChildHessian || h - hL < minChildHessian) continue;
      const wl = leafWeight(gL, hL, lambda, bounds);
      const wr = leafWeight(g - gL, h - hL, lambda, bounds);
      if (direction * (wr - wl) < 0) continue;
      const gain = leafGain(gL, hL, lambda, wl) + leafGain(g - gL, h - hL, lambda, wr) - parent;
      // With no missing value here, future missing values go to the heavier side ('learned').
      const missingLeft = hm > 0 ? withMissing : hl >= h - hl;
      if (best === null || gain > best.gain)
        best = { feature: f, bin: b, missingLeft, gain, leftValue: wl, rightValue: wr };
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

/** Rows going left and right; under 'neutral' the rows missing the feature go to neither. */
function partition(ctx: Context, rows: Uint32Array, split: Split): [Uint32Array, Uint32Array] {
  const bins = ctx.data.bins[split.feature] as Uint8Array;
  const missingBin = (ctx.data.thresholds[split.feature] as Float64Array).length + 1;
  const isNeutral = ctx.params.missing === 'neutral';
  const left: number[] = [];
  const right: number[] = [];
  for (const i of rows) {
    const b = bins[i] as number;
    if (b === missingBin && isNeutral) continue;
    const goesLeft = b === missingBin ? split.missingLeft : b <= split.bin;
    (goesLeft ? left : right).push(i);
  }
  return [Uint32Array.from(left), Uint32Array.from(right)];
}

/** The children's bounds: a monotone split puts the midpoint of the two values between them. */
function childBounds(split: Split, direction: number, b: Bounds): [Bounds, Bounds] {
  if (direction === 0) return [b, b];
  const mid = (split.leftValue + split.rightValue) / 2;
  return direction > 0
    ? [
        { low: b.low, high: mid },
        { low: mid, high: b.high },
      ]
    : [
        { low: mid, high: b.high },
        { low: b.low, high: mid },
      ];
}

/** Grows one node and its subtree; returns its hessian sum (its cover). */
function grow(ctx: Context, node: number, rows: Uint32Array, depth: number, bounds: Bounds): number {
  let g = 0;
  let h = 0;
  for (const i of rows) {
    g += ctx.grad[i] as number;
    h += ctx.hess[i] as number;
  }
  const { tree, params } = ctx;
  tree.value[node] = leafWeight(g, h, params.lambda, bounds) * params.learningRate;
  if (depth >= params.maxDepth) return h;
  let best: Split | null = null;
  for (const f of ctx.features) {
    const split = bestSplitOfFeature(ctx, rows, f, bounds);
    if (split !== null && split.gain > 1e-12 && (best === null || split.gain > best.gain)) best = split;
  }
  if (best === null) return h;
  const [leftRows, rightRows] = partition(ctx, rows, best);
  const [leftBounds, rightBounds] = childBounds(best, params.monotone?.[best.feature] ?? 0, bounds);
  const left = addNode(tree);
  const right = addNode(tree);
  tree.feature[node] = best.feature;
  tree.splitBin[node] = best.bin;
  tree.missingLeft[node] = best.missingLeft ? 1 : 0;
  tree.left[node] = left;
  tree.right[node] = right;
  const hl = grow(ctx, left, leftRows, depth + 1, leftBounds);
  const hr = grow(ctx, right, rightRows, depth + 1, rightBounds);
  tree.value[node] = ((tree.value[left] as number) * hl + (tree.value[right] as number) * hr) / (hl + hr);
  return h;
}

/**
 * Grows one regression tree on gradients and hessians of the rows `rows` (second-order boosting,
 * as in XGBoost/LightGBM): exhaustive search over bins of the allowed features. Monotone
 * constraints as in XGBoost: a split on a constrained feature must order its two values the
 * constrained way, and passes the midpoint down as a bound, so the whole tree is monotone.
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
  grow(ctx, addNode(tree), rows, 0, { low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY });
  return tree;
}

/** The output of a grown tree for row i of binned data. */
export function predictBinned(tree: GrownTree, data: BinnedMatrix, i: number, missing: MissingPolicy): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const f = tree.feature[node] as number;
    const b = (data.bins[f] as Uint8Array)[i] as number;
    const isMissing = b === (data.thresholds[f] as Float64Array).length + 1;
    if (isMissing && missing === 'neutral') break;
    const goesLeft = isMissing ? tree.missingLeft[node] === 1 : b <= (tree.splitBin[node] as number);
    node = (goesLeft ? tree.left[node] : tree.right[node]) as number;
  }
  return tree.value[node] as number;
}

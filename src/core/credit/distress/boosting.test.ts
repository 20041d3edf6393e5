import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binMatrix, computeAllThresholds, computeThresholds, type FeatureMatrix } from './binning.js';
import { type BoostParams, boostTrees } from './boosting.js';
import { computeAuc } from './metrics.js';
import { explainMargin, predictMargin } from './model.js';
import { createRandom } from './sampling.js';

/** 400 synthetic firms: risk rises as x0 falls; x1 is noise; x0 missing for every 10th firm. */
function synthetic(seed: number): { matrix: FeatureMatrix; labels: Uint8Array } {
  const random = createRandom(seed);
  const n = 400;
  const x0 = new Float64Array(n);
  const x1 = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const v = random.next() * 2 - 1;
    x1[i] = random.next();
    labels[i] = random.next() < 1 / (1 + Math.exp(4 * v + 1)) ? 1 : 0;
    x0[i] = i % 10 === 0 ? Number.NaN : v;
  }
  return { matrix: { names: ['x0', 'x1'], columns: [x0, x1], rowCount: n }, labels };
}

const params: BoostParams = {
  rounds: 40,
  learningRate: 0.1,
  maxDepth: 2,
  lambda: 1,
  minChildHessian: 1,
  subsample: 0.8,
  colsample: 1,
  seed: 9,
};

function train(seed: number) {
  const { matrix, labels } = synthetic(seed);
  const binned = binMatrix(matrix, computeAllThresholds(matrix, 32));
  return { matrix, labels, ensemble: boostTrees(binned, labels, params) };
}

const row = (matrix: FeatureMatrix, i: number) => Float64Array.from(matrix.columns, (c) => c[i] as number);

describe('boostTrees', () => {
  it('gives identical trees for the same seed and data', () => {
    assert.deepEqual(train(3).ensemble, train(3).ensemble);
  });

  it('changes with the seed (subsampling is really seeded)', () => {
    const a = train(3);
    const b = boostTrees(binMatrix(a.matrix, computeAllThresholds(a.matrix, 32)), a.labels, { ...params, seed: 10 });
    assert.notDeepEqual(a.ensemble.trees, b.trees);
  });

  it('learns the signal on fresh data and routes missing values', () => {
    const { ensemble } = train(3);
    const test = synthetic(4);
    const margins = Array.from({ length: test.matrix.rowCount }, (_, i) =>
      predictMargin(ensemble, row(test.matrix, i)),
    );
    assert.ok(computeAuc(margins, test.labels) > 0.75);
    assert.ok(Number.isFinite(predictMargin(ensemble, Float64Array.from([Number.NaN, Number.NaN]))));
  });

  it('splits each margin exactly into bias + per-feature contributions', () => {
    const { ensemble, matrix } = train(3);
    for (const i of [0, 1, 57, 399]) {
      const x = row(matrix, i);
      const { bias, contributions } = explainMargin(ensemble, x, 2);
      const total = bias + (contributions[0] as number) + (contributions[1] as number);
      assert.ok(Math.abs(total - predictMargin(ensemble, x)) < 1e-9);
    }
  });
});

/** Risk falls with x0 except for a bump in the middle (that a free model learns); x1 is noise. */
function bumpy(seed: number): { matrix: FeatureMatrix; labels: Uint8Array } {
  const random = createRandom(seed);
  const n = 2000;
  const x0 = new Float64Array(n);
  const x1 = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const v = random.next() * 2 - 1;
    x0[i] = v;
    x1[i] = random.next();
    const bump = Math.abs(v) < 0.2 ? 3 : 0;
    labels[i] = random.next() < 1 / (1 + Math.exp(3 * v + 1 - bump)) ? 1 : 0;
  }
  return { matrix: { names: ['x0', 'x1'], columns: [x0, x1], rowCount: n }, labels };
}

describe('monotone constraints and neutral missing values', () => {
  const { matrix, labels } = bumpy(5);
  const binned = binMatrix(matrix, computeAllThresholds(matrix, 32));
  const margins = (ensemble: ReturnType<typeof boostTrees>) =>
    Array.from({ length: 201 }, (_, k) => predictMargin(ensemble, Float64Array.from([-1 + k / 100, 0.5])));
  const isFalling = (m: number[]) => m.every((v, k) => k === 0 || v <= (m[k - 1] as number) + 1e-12);

  it('keeps the output falling in a feature constrained to −1, at depth 1 and 2', () => {
    const free = boostTrees(binned, labels, { ...params, rounds: 60 });
    assert.ok(!isFalling(margins(free)), 'the unconstrained model learns the bump');
    for (const maxDepth of [1, 2]) {
      const ensemble = boostTrees(binned, labels, { ...params, rounds: 60, maxDepth, monotone: [-1, 0] });
      assert.ok(isFalling(margins(ensemble)), `depth ${maxDepth}`);
    }
  });

  it('under the neutral policy a missing value stops at the split and adds nothing to its feature', () => {
    const ensemble = boostTrees(binned, labels, { ...params, rounds: 30, missing: 'neutral', monotone: [-1, 0] });
    assert.equal(ensemble.missing, 'neutral');
    const x = Float64Array.from([Number.NaN, 0.5]);
    const { bias, contributions } = explainMargin(ensemble, x, 2);
    assert.equal(contributions[0], 0);
    assert.ok(Math.abs(bias + (contributions[1] as number) - predictMargin(ensemble, x)) < 1e-9);
    // The expectation over x0: between the margins of the safest and the riskiest x0.
    const m = margins(ensemble);
    const missing = predictMargin(ensemble, x);
    assert.ok(missing < (m[0] as number) && missing > (m[200] as number));
  });
});

describe('computeThresholds', () => {
  it('puts thresholds between distinct values and ignores NaN', () => {
    assert.deepEqual([...computeThresholds(Float64Array.from([1, 2, 3, 4, Number.NaN]), 2)], [2.5]);
    assert.deepEqual([...computeThresholds(Float64Array.from([5, 5, 5]), 4)], []);
  });
});

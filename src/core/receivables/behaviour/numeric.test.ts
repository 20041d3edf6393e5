import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scorePredictions } from './metrics.js';
import { normalCdf, normalQuantile, quantileSorted, solveLinear, weightedTrimmedMean } from './numeric.js';
import { conditionalQuantile } from './predict.js';

test('solveLinear solves a pivoting system and returns zeros when singular', () => {
  assert.deepEqual(Array.from(solveLinear(Float64Array.of(0, 1, 2, 0), Float64Array.of(3, 4))), [2, 3]);
  assert.deepEqual(Array.from(solveLinear(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 2))), [0, 0]);
});

test('weighted trimmed mean: trim 0 is the weighted mean, trim 1/3 drops the outlier', () => {
  const v = Float64Array.of(1, 2, 100);
  const order = Int32Array.of(0, 1, 2);
  assert.equal(weightedTrimmedMean(v, Float64Array.of(1, 1, 2), order, 0, 3, 0), 203 / 4);
  assert.equal(weightedTrimmedMean(v, Float64Array.of(1, 1, 1), order, 0, 3, 1 / 3), 2);
});

test('normal CDF and quantile agree with tables and invert each other', () => {
  assert.ok(Math.abs(normalCdf(1.959964) - 0.975) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.9) - 1.2815516) < 1e-6);
  for (const p of [0.001, 0.1, 0.5, 0.77, 0.99]) assert.ok(Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-6);
  assert.equal(quantileSorted([0, 10], 0.1), 1);
});

test('conditional quantile: unconditioned far below, exponential floor far above', () => {
  assert.ok(Math.abs(conditionalQuantile(5, 2, -100, 0.5) - 5) < 1e-9);
  assert.ok(Math.abs(conditionalQuantile(5, 2, 50, 0.5) - (50 + 2 * Math.LN2)) < 1e-9);
});

test('scores: MAE, median AE, bias and coverage by hand', () => {
  const s = scorePredictions('m', [10, 20, 30, 40], [12, 20, 27, 50], {
    lower: [11, 0, 0, 0],
    upper: [13, 19, 30, 45],
  });
  assert.equal(s.mae, (2 + 0 + 3 + 10) / 4);
  assert.equal(s.medianAbsError, 2.5);
  assert.equal(s.bias, (-2 + 0 + 3 - 10) / 4);
  assert.equal(s.coverage, 0.5);
  assert.equal(scorePredictions('m', [1], [2]).coverage, null);
});

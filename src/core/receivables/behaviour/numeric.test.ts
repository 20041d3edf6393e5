import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { scorePredictions } from './metrics.js';
import {
  normalCdf,
  normalQuantile,
  quantileSorted,
  solveLinear,
  sortSegment,
  weightedTrimmedMeanSorted,
} from './numeric.js';
import { conditionalQuantile } from './predict.js';

test('solveLinear solves a pivoting system and returns zeros when singular', () => {
  assert.deepEqual(Array.from(solveLinear(Float64Array.of(0, 1, 2, 0), Float64Array.of(3, 4))), [2, 3]);
  assert.deepEqual(Array.from(solveLinear(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 2))), [0, 0]);
});

test('weighted trimmed mean: trim 0 is the weighted mean, trim 1/3 drops the outlier, a mask drops rows', () => {
  const v = Float64Array.of(1, 2, 100);
  assert.equal(weightedTrimmedMeanSorted(v, Float64Array.of(1, 1, 2), 0, 3, 0, null), 203 / 4);
  assert.equal(weightedTrimmedMeanSorted(v, Float64Array.of(1, 1, 1), 0, 3, 1 / 3, null), 2);
  assert.equal(weightedTrimmedMeanSorted(v, Float64Array.of(1, 1, 1), 0, 3, 0, Uint8Array.of(1, 0, 1)), 101 / 2);
});

test('property: sortSegment sorts its segment as the platform sort does and carries the other arrays along', () => {
  const cell = fc.record({
    key: fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    tag: fc.integer({ min: 0, max: 255 }),
  });
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 300 }), fc.nat(), fc.nat(), (cells, a, b) => {
      const start = cells.length === 0 ? 0 : a % cells.length;
      const end = start + (cells.length === start ? 0 : b % (cells.length - start + 1));
      const keys = Float64Array.from(cells, (c) => c.key);
      const carried = Float64Array.from(cells, (c) => c.key * 2 + c.tag);
      const tags = Uint8Array.from(cells, (c) => c.tag);
      sortSegment(keys, carried, tags, start, end);
      const expected = cells.map((c) => c.key);
      const part = expected.slice(start, end).sort((x, y) => x - y);
      expected.splice(start, part.length, ...part);
      assert.deepEqual(Array.from(keys), expected);
      for (let i = 0; i < cells.length; i++) assert.equal(carried[i], (keys[i] as number) * 2 + (tags[i] as number));
    }),
  );
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

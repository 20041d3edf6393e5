import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../shared/index.js';
import { bandBook } from './creditriskplus-bands.js';
import { sampleGamma, samplePoisson, simulateCreditRiskPlus } from './creditriskplus-monte-carlo.js';

/** Mean and variance of n draws. */
function moments(n: number, draw: () => number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean };
}

// Each check allows 5 standard errors of the sample mean (variance: of the sample variance, using
// the distribution's fourth moment), so a correct sampler fails about once in 3.5 million runs.
test('gamma draws have mean k and variance k, for a shape above and below 1', () => {
  const rng = createRng(11);
  const n = 40_000;
  for (const shape of [37.45, 4, 0.6]) {
    const { mean, variance } = moments(n, () => sampleGamma(shape, rng));
    assert.ok(Math.abs(mean - shape) <= 5 * Math.sqrt(shape / n), `shape ${shape}: mean ${mean}`);
    // Var of the sample variance ≈ (μ₄ − σ⁴)/n with μ₄ = 3k² + 6k for a gamma of scale 1.
    const sdOfVariance = Math.sqrt((3 * shape ** 2 + 6 * shape - shape ** 2) / n);
    assert.ok(Math.abs(variance - shape) <= 5 * sdOfVariance, `shape ${shape}: variance ${variance}`);
  }
});

test('Poisson draws have mean and variance λ; λ = 0 never defaults', () => {
  const rng = createRng(12);
  const n = 40_000;
  for (const lambda of [0.015, 0.3, 4]) {
    const { mean, variance } = moments(n, () => samplePoisson(lambda, rng));
    assert.ok(Math.abs(mean - lambda) <= 5 * Math.sqrt(lambda / n), `λ ${lambda}: mean ${mean}`);
    const sdOfVariance = Math.sqrt((lambda + 2 * lambda ** 2) / n);
    assert.ok(Math.abs(variance - lambda) <= 5 * sdOfVariance, `λ ${lambda}: variance ${variance}`);
  }
  assert.equal(samplePoisson(0, rng), 0);
});

test('the same seed gives the same losses; a different seed different ones', () => {
  const book = bandBook({
    obligors: [
      { id: 'a', potentialLoss: 3, pd: 0.2, sectorWeights: [0.5, 0.5] },
      { id: 'b', potentialLoss: 1, pd: 0.1, sectorWeights: [0, 0.3] },
    ],
    sectorVariances: [0.5, 2],
    lossUnit: 1,
  });
  assert.ok(book.ok);
  const first = simulateCreditRiskPlus(book.value, 2_000, createRng(5));
  assert.deepEqual(simulateCreditRiskPlus(book.value, 2_000, createRng(5)), first);
  assert.notDeepEqual(simulateCreditRiskPlus(book.value, 2_000, createRng(6)), first);
  // Losses are whole loss units: multiples of the bands 1 and 3.
  assert.ok(first.every((l) => Number.isInteger(l) && l >= 0));
});

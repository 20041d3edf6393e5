import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../../shared/index.js';
import { fitPdCalibration, type ScoreOutcome } from './calibration.js';

function synthetic(n: number, a: number, b: number, seed: number): ScoreOutcome[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const score = rng.uniform(10, 95);
    return { score, isDefault: rng.bernoulli(1 / (1 + Math.exp(a + b * score))) };
  });
}

test('with ≥ 30 defaults the Newton fit recovers a and b of the generating curve', () => {
  const history = synthetic(20_000, -1.0, 0.06, 7);
  const fit = fitPdCalibration(history);
  assert.equal(fit.isIndicative, false);
  assert.equal(fit.reason.code, 'CS_CALIBRATION_FITTED');
  assert.ok(Math.abs(fit.a - -1.0) < 0.15, `a = ${fit.a}`);
  assert.ok(Math.abs(fit.b - 0.06) < 0.004, `b = ${fit.b}`);
});

test('fewer than 30 defaults: the DOMAIN defaults, indicative, with the count in the reason', () => {
  const history = synthetic(20_000, -1.0, 0.06, 7)
    .filter((h, i) => !h.isDefault || i % 100 === 0)
    .slice(0, 3000);
  const defaults = history.filter((h) => h.isDefault).length;
  assert.ok(defaults < 30);
  const fit = fitPdCalibration(history);
  assert.deepEqual([fit.a, fit.b, fit.isIndicative], [-1.74, 0.078, true]);
  assert.deepEqual(fit.reason, { code: 'CS_CALIBRATION_DEFAULT', data: { defaults, needed: 30, observations: 3000 } });
});

test('defaults that rise with the score (b ≤ 0) are refused: the defaults stay', () => {
  const backwards = synthetic(5_000, 3.0, -0.06, 3);
  const fit = fitPdCalibration(backwards);
  assert.equal(fit.isIndicative, true);
  assert.equal(fit.reason.code, 'CS_CALIBRATION_FIT_FAILED');
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeForPd, scoreForPd } from './grade.js';
import { calibrationTable, computeAuc, computeAucMissingNeutral, computeBrier } from './metrics.js';

describe('gradeForPd', () => {
  it('follows the DOMAIN 8.4 bands, bounds included', () => {
    assert.deepEqual([0.005, 0.0051, 0.015, 0.03, 0.08, 0.0801].map(gradeForPd), ['A', 'B', 'B', 'C', 'D', 'E']);
  });
});

describe('scoreForPd', () => {
  it('inverts the DOMAIN 8.4 curve: 0.5% → 90, 5% → 60, and clips to 0–100', () => {
    assert.equal(Math.round(scoreForPd(0.005)), 90);
    assert.equal(Math.round(scoreForPd(0.05)), 60);
    assert.equal(scoreForPd(1e-12), 100);
    assert.equal(scoreForPd(0.999), 0);
    assert.ok(scoreForPd(0.02) > scoreForPd(0.03));
  });
});

describe('metrics', () => {
  it('computes AUC with ties as half and the Brier score', () => {
    assert.equal(computeAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
    assert.equal(computeAuc([0.5, 0.5], [0, 1]), 0.5);
    assert.ok(Number.isNaN(computeAuc([0.5], [1])));
    assert.equal(computeBrier([0.2, 0.9], [0, 1]), (0.04 + 0.01) / 2);
  });
});

describe('computeAucMissingNeutral', () => {
  it('reads a score that could not be computed as the median of the others', () => {
    assert.equal(computeAucMissingNeutral([Number.NaN, 0.1, 0.5, 0.9], [1, 0, 0, 1]), 0.875);
    assert.ok(Number.isNaN(computeAucMissingNeutral([Number.NaN, Number.NaN], [0, 1])));
  });
});

describe('calibrationTable', () => {
  it('cuts companies by predicted PD into groups of nearly equal size, lowest first', () => {
    const pds = [0.9, 0.1, 0.2, 0.05, 0.5];
    const bins = calibrationTable(pds, [1, 0, 0, 0, 1], 2);
    assert.deepEqual(
      bins.map((b) => [b.count, b.defaults]),
      [
        [2, 0],
        [3, 2],
      ],
    );
    assert.ok(Math.abs((bins[0]?.meanPd ?? 0) - 0.075) < 1e-12);
    assert.ok(Math.abs((bins[1]?.observedRate ?? 0) - 2 / 3) < 1e-12);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradeOfPd, gradeSteps, pdForScore, scoreForPdWith } from './pd.js';
import { DEFAULT_SCORECARD_SETTINGS as S } from './settings.js';

test('DOMAIN 8.4 anchors hold with a = −1.74, b = 0.078 as written: 90 → 0.5%, 60 → 5%, 40 → 20%', () => {
  assert.ok(Math.abs(pdForScore(90) - 0.005) < 0.0002);
  assert.ok(Math.abs(pdForScore(80) - 0.011) < 0.0005);
  assert.ok(Math.abs(pdForScore(60) - 0.05) < 0.001);
  assert.ok(Math.abs(pdForScore(40) - 0.2) < 0.002);
  assert.ok(Math.abs(pdForScore(20) - 0.54) < 0.005);
  assert.ok(pdForScore(91) < pdForScore(90), 'safer score, smaller PD');
  assert.ok(Math.abs(scoreForPdWith(pdForScore(67.3)) - 67.3) < 1e-9);
});

test('grades: A ≤ 0.5%, B ≤ 1.5%, C ≤ 3%, D ≤ 8%, E above; the score bands 90 / 76 / 67 / 54', () => {
  assert.deepEqual(
    [0.005, 0.0051, 0.015, 0.03, 0.08, 0.0801].map((p) => gradeOfPd(p, S)),
    ['A', 'B', 'B', 'C', 'D', 'E'],
  );
  assert.deepEqual(
    [90.5, 76.5, 67.5, 54.5, 53].map((s) => gradeOfPd(pdForScore(s), S)),
    ['A', 'B', 'C', 'D', 'E'],
  );
  assert.equal(gradeSteps('B', 'D'), 2);
  assert.equal(gradeSteps('C', 'A'), -2);
});

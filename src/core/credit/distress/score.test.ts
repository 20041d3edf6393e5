import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeAltman } from '../altman.js';
import { calibrate } from './calibration.js';
import { FEATURES } from './features.js';
import type { DistressItems } from './items.js';
import { sigmoid } from './metrics.js';
import type { DistressModel } from './model-file.js';
import { scoreDistress, scoreWithFallback } from './score.js';

const column = (name: string) => FEATURES.findIndex((f) => f.name === name);
const stump = (feature: number, threshold: number, left: number, right: number) => ({
  feature: [feature, -1, -1],
  threshold: [threshold, 0, 0],
  missingLeft: [0, 0, 0],
  left: [1, -1, -1],
  right: [2, -1, -1],
  value: [(left + right) / 2, left, right],
});
const feature = (name: string, monotone: number, low: number, high: number, median: number, importance: number) => ({
  name,
  formula: '',
  polish: '',
  median,
  monotone,
  low,
  high,
  importance,
});

/** Two stumps: risk up when EBIT/TA ≤ 0 and when TL/TA > 0.7; Z″ fallback. */
const model: DistressModel = {
  version: 'toy',
  featureSet: 'statement-items',
  features: [feature('EBIT_TA', -1, -0.5, 0.5, 0.06, 0.6), feature('TL_TA', 1, 0, 1.5, 0.5, 0.4)],
  columns: [column('EBIT_TA'), column('TL_TA')],
  ensemble: { baseMargin: -3, trees: [stump(0, 0, 1, -0.5), stump(1, 0.7, -0.3, 0.6)], missing: 'neutral' },
  calibration: { intercept: 0, slope: 1 },
  fallback: { variant: 'z-double-prime', intercept: -2, slope: -0.8 },
  applicability: null,
  training: {},
};

const firm: DistressItems = {
  revenue: 150,
  ebit: -10,
  netIncome: -12,
  totalAssets: 100,
  currentAssets: 50,
  currentLiabilities: 30,
  totalLiabilities: 90,
  retainedEarnings: 5,
  bookEquity: 10,
  inventory: 10,
  receivables: 20,
  cash: 5,
  marketValueEquity: null,
};

describe('scoreDistress', () => {
  it('gives the calibrated PD and names the risk-raising drivers on their risky side', () => {
    const s = scoreDistress(model, firm);
    // EBIT/TA = −0.1 (≤ 0: +1 against a mean of 0.25), TL/TA = 0.9 (> 0.7: +0.6 against 0.15).
    assert.ok(Math.abs(s.pd - calibrate(model.calibration, -3 + 1 + 0.6)) < 1e-12);
    assert.deepEqual(
      s.reasons.map((r) => [r.code, r.data.feature]),
      [
        ['DISTRESS_FEATURE_LOW', 'EBIT_TA'],
        ['DISTRESS_FEATURE_HIGH', 'TL_TA'],
      ],
    );
    assert.deepEqual(s.reasons[0]?.data, { feature: 'EBIT_TA', value: -0.1, typical: 0.06 });
    assert.equal(s.altmanWeight, 0);
    assert.deepEqual(s.outOfRange, []);
  });

  it('moves the log-odds towards Altman Z″ by the importance of the inputs outside the training range', () => {
    const deep = { ...firm, totalLiabilities: 300, bookEquity: -200, retainedEarnings: -150, currentLiabilities: 80 };
    const s = scoreDistress(model, deep);
    assert.deepEqual(s.outOfRange, ['TL_TA']);
    assert.equal(s.altmanWeight, 0.4);
    const z = computeAltman('z-double-prime', deep);
    assert.ok(z.ok && s.altmanZ !== null && Math.abs(s.altmanZ - z.value.score) < 1e-12);
    const modelLogit = -3 + 1 + 0.6;
    const zLogit = -2 - 0.8 * Math.asinh(z.value.score);
    assert.ok(zLogit > modelLogit, 'Z″ says riskier here');
    assert.ok(Math.abs(s.pd - sigmoid(0.6 * modelLogit + 0.4 * zLogit)) < 1e-12);
    const last = s.reasons.at(-1);
    assert.equal(last?.code, 'DISTRESS_OUT_OF_RANGE_BLENDED');
    assert.deepEqual(last?.data, { features: 'TL_TA', weight: 40, z: Number(z.value.score.toPrecision(3)) });
  });

  it('never lets Altman Z″ lower the PD of a company beyond the risky end of a ratio', () => {
    // Liabilities far beyond the range, but Z″ is lifted by a large working capital and EBIT.
    const odd = {
      ...firm,
      totalLiabilities: 300,
      bookEquity: -200,
      currentAssets: 95,
      ebit: 40,
      currentLiabilities: 1,
    };
    const s = scoreDistress(model, odd);
    assert.deepEqual(s.outOfRange, ['TL_TA']);
    assert.ok(s.altmanZ !== null && -2 - 0.8 * Math.asinh(s.altmanZ) < -3 - 0.5 + 0.6, 'Z″ alone would say safer');
    assert.ok(Math.abs(s.pd - calibrate(model.calibration, -3 - 0.5 + 0.6)) < 1e-12);
    assert.equal(s.altmanWeight, 0);
    assert.equal(s.reasons.at(-1)?.code, 'DISTRESS_OUT_OF_RANGE_KEPT');
  });

  it('uses the model alone, and says so, when Altman Z″ cannot be computed', () => {
    const s = scoreDistress(model, { ...firm, totalLiabilities: 300, bookEquity: -200, retainedEarnings: null });
    assert.equal(s.altmanWeight, 0);
    assert.ok(s.reasons.some((r) => r.code === 'DISTRESS_OUT_OF_RANGE'));
  });

  it('lets a missing item push neither way and lists the items the model needed', () => {
    const s = scoreDistress(model, { ...firm, ebit: null });
    assert.equal(s.features[0]?.contribution, 0);
    assert.ok(Math.abs(s.pd - calibrate(model.calibration, -3 + 0.25 + 0.6)) < 1e-12);
    assert.deepEqual(s.reasons.at(-1), { code: 'DISTRESS_ITEMS_MISSING', data: { items: 'ebit' } });
    // Equity follows from TA = TL + equity: not missing.
    assert.deepEqual(scoreDistress(model, { ...firm, bookEquity: null }).missing, ['marketValueEquity']);
    // Inventory is missing too but no feature of this model needs it.
    const t = scoreDistress(model, { ...firm, inventory: null });
    assert.ok(t.reasons.every((r) => r.code !== 'DISTRESS_ITEMS_MISSING'));
  });
});

describe('scoreWithFallback', () => {
  it('scores with the second model, and says why first, when the first is not applicable', () => {
    const strict = { ...model, version: 'strict', applicability: { maxMissing: 0, maxOutOfRangeShare: 0 } };
    const inRange = scoreWithFallback(strict, model, { ...firm, inventory: 5 });
    assert.equal(inRange.model.version, 'toy', 'cash and market value are missing: not applicable');
    assert.equal(inRange.score.reasons[0]?.code, 'DISTRESS_MODEL_NOT_APPLICABLE');
    const lenient = { ...strict, applicability: { maxMissing: 13, maxOutOfRangeShare: 0 } };
    assert.equal(scoreWithFallback(lenient, model, firm).model.version, 'strict');
    assert.equal(scoreWithFallback(lenient, model, { ...firm, totalLiabilities: 300 }).model.version, 'toy');
  });
});

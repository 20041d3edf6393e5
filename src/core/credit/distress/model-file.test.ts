import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FEATURES } from './features.js';
import { loadDistressModel, toModelJson } from './model-file.js';

const features = FEATURES.slice(0, 2).map((f) => ({ name: f.name, formula: f.formula, polish: f.polish, median: 0.1 }));
const tree = {
  feature: [0, -1, -1],
  threshold: [0.05, 0, 0],
  missingLeft: [1, 0, 0],
  left: [1, -1, -1],
  right: [2, -1, -1],
  value: [0, 0.5, -0.25],
};
const model = {
  version: 'test',
  featureSet: 'statement-items' as const,
  features,
  ensemble: { baseMargin: -3, trees: [tree] },
  calibration: { intercept: 0.1, slope: 0.9 },
  training: { seed: 1 },
};

describe('loadDistressModel', () => {
  it('round-trips the JSON form', () => {
    const json = JSON.parse(JSON.stringify(toModelJson(model)));
    const r = loadDistressModel(json);
    assert.ok(r.ok);
    const loaded = r.value.ensemble.trees[0];
    assert.ok(loaded !== undefined);
    for (const key of Object.keys(tree) as (keyof typeof tree)[])
      assert.deepEqual(Array.from(loaded[key]), tree[key], key);
    assert.equal(r.value.ensemble.baseMargin, -3);
    assert.equal(r.value.featureSet, 'statement-items');
    assert.deepEqual(r.value.columns, [0, 1]);
  });

  it('resolves features in the set the file declares, and reads a file without featureSet as statement-items', () => {
    const json = JSON.parse(JSON.stringify(toModelJson(model)));
    const ratios = loadDistressModel({
      ...json,
      featureSet: 'polish-ratios',
      features: [
        { name: 'ATTR27', median: 1 },
        { name: 'SALES_MEASURE_RATIO', median: 1 },
      ],
    });
    assert.ok(ratios.ok && ratios.value.featureSet === 'polish-ratios');
    assert.deepEqual(ratios.value.columns, [26, 64]);
    const itemsNameInRatios = loadDistressModel({ ...json, featureSet: 'polish-ratios' });
    assert.ok(!itemsNameInRatios.ok && itemsNameInRatios.error.code === 'MODEL_UNKNOWN_FEATURE');
    const { featureSet: _, ...legacy } = json;
    const old = loadDistressModel(legacy);
    assert.ok(old.ok && old.value.featureSet === 'statement-items');
    const unknownSet = loadDistressModel({ ...json, featureSet: 'balance-sheet' });
    assert.ok(!unknownSet.ok && unknownSet.error.details.field === 'featureSet');
  });

  it('rejects unknown features, bad trees and bad calibration', () => {
    const json = JSON.parse(JSON.stringify(toModelJson(model)));
    const unknown = loadDistressModel({ ...json, features: [{ name: 'LOG_TA', median: 1 }] });
    assert.ok(!unknown.ok && unknown.error.code === 'MODEL_UNKNOWN_FEATURE');
    const loop = loadDistressModel({ ...json, trees: [[[0, 0.05, 1, 0, 2, 0], [0.5], [-0.25]]] });
    assert.ok(!loop.ok && loop.error.details.field === 'trees[0][0]');
    const featureOutOfRange = loadDistressModel({ ...json, trees: [[[5, 0.05, 1, 1, 2, 0], [0.5], [-0.25]]] });
    assert.ok(!featureOutOfRange.ok);
    const calibration = loadDistressModel({ ...json, calibration: { intercept: 'x', slope: 1 } });
    assert.ok(!calibration.ok && calibration.error.details.field === 'calibration');
    assert.ok(!loadDistressModel(null).ok);
  });
});

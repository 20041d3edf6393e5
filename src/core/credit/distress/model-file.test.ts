import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FEATURES } from './features.js';
import { loadDistressModel, MODEL_FORMAT, toModelJson } from './model-file.js';

const features = FEATURES.slice(0, 2).map((f) => ({
  name: f.name,
  formula: f.formula,
  polish: f.polish,
  median: 0.1,
  monotone: f.risk,
  low: -1,
  high: 2,
  importance: 0.5,
}));
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
  ensemble: { baseMargin: -3, trees: [tree], missing: 'neutral' as const },
  calibration: { intercept: 0.1, slope: 0.9 },
  fallback: { variant: 'z-double-prime' as const, intercept: -2, slope: -0.8 },
  applicability: null,
  training: { seed: 1 },
};
const json = () => JSON.parse(JSON.stringify(toModelJson(model)));

describe('loadDistressModel', () => {
  it('round-trips the JSON form, with its format, missing policy, ranges and fallback', () => {
    const raw = json();
    assert.equal(raw.format, MODEL_FORMAT);
    const r = loadDistressModel(raw);
    assert.ok(r.ok);
    const loaded = r.value.ensemble.trees[0];
    assert.ok(loaded !== undefined);
    for (const key of Object.keys(tree) as (keyof typeof tree)[])
      assert.deepEqual(Array.from(loaded[key]), tree[key], key);
    assert.equal(r.value.ensemble.baseMargin, -3);
    assert.equal(r.value.ensemble.missing, 'neutral');
    assert.equal(r.value.featureSet, 'statement-items');
    assert.deepEqual(r.value.columns, [0, 1]);
    assert.deepEqual(r.value.features, features);
    assert.deepEqual(r.value.fallback, model.fallback);
    assert.equal(r.value.applicability, null);
  });

  it('reads a format-1 file: learned missing routing, no range, no fallback', () => {
    const { format: _, missing: __, fallback: ___, applicability: ____, ...v1 } = json();
    const r = loadDistressModel({
      ...v1,
      features: features.map(({ name, formula, polish, median }) => ({ name, formula, polish, median })),
    });
    assert.ok(r.ok);
    assert.equal(r.value.ensemble.missing, 'learned');
    assert.equal(r.value.fallback, null);
    assert.equal(r.value.features[0]?.low, Number.NEGATIVE_INFINITY);
    assert.equal(r.value.features[0]?.high, Number.POSITIVE_INFINITY);
  });

  it('rejects an unknown format, a format-2 feature without its range, and a bad fallback', () => {
    const future = loadDistressModel({ ...json(), format: 3 });
    assert.ok(!future.ok && future.error.details.field === 'format');
    const noRange = loadDistressModel({ ...json(), features: [{ name: 'NI_TA', median: 0 }] });
    assert.ok(!noRange.ok && noRange.error.details.field === 'features[0]');
    const fallback = loadDistressModel({ ...json(), fallback: { variant: 'z-prime', intercept: 0, slope: 1 } });
    assert.ok(!fallback.ok && fallback.error.details.field === 'fallback');
    const missing = loadDistressModel({ ...json(), missing: 'ignore' });
    assert.ok(!missing.ok && missing.error.details.field === 'missing');
  });

  it('resolves features in the set the file declares, and reads a file without featureSet as statement-items', () => {
    const raw = json();
    const ratios = loadDistressModel({
      ...raw,
      featureSet: 'polish-ratios',
      features: [
        { ...features[0], name: 'ATTR27' },
        { ...features[1], name: 'SALES_MEASURE_RATIO' },
      ],
    });
    assert.ok(ratios.ok && ratios.value.featureSet === 'polish-ratios');
    assert.deepEqual(ratios.value.columns, [26, 64]);
    const itemsNameInRatios = loadDistressModel({ ...raw, featureSet: 'polish-ratios' });
    assert.ok(!itemsNameInRatios.ok && itemsNameInRatios.error.code === 'MODEL_UNKNOWN_FEATURE');
    const { featureSet: _, ...legacy } = raw;
    const old = loadDistressModel(legacy);
    assert.ok(old.ok && old.value.featureSet === 'statement-items');
    const unknownSet = loadDistressModel({ ...raw, featureSet: 'balance-sheet' });
    assert.ok(!unknownSet.ok && unknownSet.error.details.field === 'featureSet');
  });

  it('rejects unknown features, bad trees and bad calibration', () => {
    const raw = json();
    const unknown = loadDistressModel({ ...raw, features: [{ ...features[0], name: 'LOG_TA' }] });
    assert.ok(!unknown.ok && unknown.error.code === 'MODEL_UNKNOWN_FEATURE');
    const loop = loadDistressModel({ ...raw, trees: [[[0, 0.05, 1, 0, 2, 0], [0.5], [-0.25]]] });
    assert.ok(!loop.ok && loop.error.details.field === 'trees[0][0]');
    const featureOutOfRange = loadDistressModel({ ...raw, trees: [[[5, 0.05, 1, 1, 2, 0], [0.5], [-0.25]]] });
    assert.ok(!featureOutOfRange.ok);
    const calibration = loadDistressModel({ ...raw, calibration: { intercept: 'x', slope: 1 } });
    assert.ok(!calibration.ok && calibration.error.details.field === 'calibration');
    assert.ok(!loadDistressModel(null).ok);
  });
});

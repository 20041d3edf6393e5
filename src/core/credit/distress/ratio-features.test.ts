import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { featureVector } from './feature-sets.js';
import { computeRatioFeatures, RATIO_FEATURES } from './ratio-features.js';

const at = (name: string): number => RATIO_FEATURES.findIndex((f) => f.name === name);

describe('computeRatioFeatures', () => {
  it('passes Attr1..Attr64 through and adds the sales-measure ratio and the missing count', () => {
    const attrs: Record<number, number> = { 1: 0.05, 9: 1.5, 27: 3, 36: 2 };
    const x = computeRatioFeatures((k) => attrs[k] ?? Number.NaN);
    assert.equal(RATIO_FEATURES.length, 66);
    assert.equal(x[at('ATTR1')], 0.05);
    assert.equal(x[at('ATTR27')], 3);
    assert.ok(Number.isNaN(x[at('ATTR2')] as number));
    assert.equal(x[at('SALES_MEASURE_RATIO')], 0.75);
    assert.equal(x[at('MISSING_COUNT')], 60);
  });

  it('makes the sales-measure ratio missing when total sales are not positive', () => {
    const x = computeRatioFeatures((k) => (k === 36 ? 0 : 1));
    assert.ok(Number.isNaN(x[at('SALES_MEASURE_RATIO')] as number));
    assert.equal(x[at('MISSING_COUNT')], 0);
  });

  it('takes its formulas from attributes.txt', () => {
    assert.equal(RATIO_FEATURES[at('ATTR21')]?.formula, 'Sales (n) / Sales (n-1)');
  });
});

describe('featureVector', () => {
  it('lists missing attributes for a ratio row and refuses raw items for the ratio set', () => {
    const row = { attr: (k: number) => (k === 21 || k === 37 ? Number.NaN : 0.1) };
    assert.deepEqual(featureVector('polish-ratios', row).missing, ['Attr21', 'Attr37']);
    const items = {
      revenue: 1,
      ebit: 1,
      netIncome: 1,
      totalAssets: 1,
      currentAssets: 1,
      currentLiabilities: 1,
      totalLiabilities: 1,
      retainedEarnings: 1,
      bookEquity: 1,
      inventory: 1,
      receivables: 1,
      cash: 1,
      marketValueEquity: 1,
    };
    assert.throws(() => featureVector('polish-ratios', items));
    assert.deepEqual(featureVector('statement-items', items).missing, []);
  });
});

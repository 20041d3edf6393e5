import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFeatures, FEATURES } from './features.js';
import { completeItems, type DistressItems, itemsFromPolishRatios, missingItems } from './items.js';

const company: DistressItems = {
  revenue: 2000,
  ebit: 100,
  netIncome: 60,
  totalAssets: 1000,
  currentAssets: 500,
  currentLiabilities: 250,
  totalLiabilities: 600,
  retainedEarnings: 150,
  bookEquity: 400,
  inventory: 100,
  receivables: 200,
  cash: 120,
  marketValueEquity: null,
};

const value = (items: DistressItems, name: string): number => {
  const j = FEATURES.findIndex((f) => f.name === name);
  assert.ok(j >= 0, name);
  return computeFeatures(items)[j] as number;
};

function assertClose(a: Float64Array, b: Float64Array): void {
  a.forEach((x, j) => {
    assert.ok(Math.abs(x - (b[j] as number)) < 1e-9 * Math.max(1, Math.abs(x)), FEATURES[j]?.name);
  });
}

describe('computeFeatures', () => {
  it('computes the ratios from raw items', () => {
    assert.equal(value(company, 'WC_TA'), 0.25);
    assert.equal(value(company, 'EBIT_TA'), 0.1);
    assert.equal(value(company, 'QUICK'), 1.6);
    assert.equal(value(company, 'LIQUID_CL'), 0.8);
    assert.equal(value(company, 'LTL_TA'), 0.35);
    assert.equal(value(company, 'REC_DAYS'), 36.5);
    assert.equal(value(company, 'EQ_TL'), 400 / 600);
  });

  it('is scale-free: thousands and units give the same features', () => {
    const units = Object.fromEntries(
      Object.entries(company).map(([k, v]) => [k, v === null ? null : v * 1000]),
    ) as unknown as DistressItems;
    const a = computeFeatures(company);
    const b = computeFeatures(units);
    assertClose(a, b);
  });

  it('makes a ratio missing (NaN) when an item is missing, never 0', () => {
    const items = { ...company, inventory: null };
    assert.ok(Number.isNaN(value(items, 'QUICK')));
    assert.ok(Number.isNaN(value(items, 'INV_DAYS')));
    assert.equal(value(items, 'CA_CL'), 2);
    assert.deepEqual(missingItems(items), ['inventory', 'marketValueEquity']);
  });

  it('treats zero or negative denominators as not computable', () => {
    assert.ok(Number.isNaN(value({ ...company, currentLiabilities: 0 }, 'CA_CL')));
    assert.ok(Number.isNaN(value({ ...company, revenue: 0 }, 'EBIT_SALES')));
    assert.equal(value({ ...company, revenue: 0 }, 'SALES_TA'), 0);
    const noAssets = computeFeatures({ ...company, totalAssets: -5 });
    FEATURES.forEach((f, j) => {
      if (f.items.includes('totalAssets')) assert.ok(Number.isNaN(noAssets[j] as number), f.name);
    });
  });

  it("computes Altman Z'' as a feature", () => {
    // 6.56·0.25 + 3.26·0.15 + 6.72·0.1 + 1.05·(400/600)
    assert.ok(Math.abs(value(company, 'Z_DOUBLE_PRIME') - (1.64 + 0.489 + 0.672 + 0.7)) < 1e-12);
    assert.ok(Number.isNaN(value({ ...company, retainedEarnings: null }, 'Z_DOUBLE_PRIME')));
  });

  it('fills equity or total liabilities from TA = TL + equity when only one is missing', () => {
    assert.equal(value({ ...company, bookEquity: null }, 'EQ_TA'), 0.4);
    assert.equal(value({ ...company, totalLiabilities: null }, 'TL_TA'), 0.6);
    assert.ok(Number.isNaN(value({ ...company, totalLiabilities: null, bookEquity: null }, 'EQ_TL')));
    assert.equal(completeItems({ ...company, bookEquity: 1 }).bookEquity, 1, 'a reported value is never replaced');
  });

  it('treats non-finite inputs as missing', () => {
    assert.ok(Number.isNaN(value({ ...company, ebit: Number.POSITIVE_INFINITY }, 'EBIT_TA')));
  });
});

describe('itemsFromPolishRatios', () => {
  it('rebuilds items so the features equal the Polish ratios', () => {
    // Attr values of a company consistent with `company` above (TA = 1000).
    const attrs: Record<number, number> = {
      1: 0.06,
      2: 0.6,
      3: 0.25,
      4: 2,
      6: 0.15,
      7: 0.1,
      9: 2,
      10: 0.4,
      40: 0.8,
      46: 1.6,
      51: 0.25,
    };
    const items = itemsFromPolishRatios((k) => attrs[k] ?? Number.NaN);
    const fromRatios = computeFeatures(items);
    const fromRaw = computeFeatures(company);
    assertClose(fromRaw, fromRatios);
  });

  it('keeps a missing ratio missing', () => {
    const items = itemsFromPolishRatios((k) => (k === 46 ? Number.NaN : 0.5));
    assert.equal(items.inventory, null);
    assert.equal(items.receivables, null);
    assert.equal(items.cash, null);
  });
});

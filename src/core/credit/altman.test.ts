import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AltmanItems, computeAltman } from './altman.js';

// Worked by hand: WC = 50 − 30 = 20, TA = 100 → X1 0.2; X2 10/100 = 0.1; X3 8/100 = 0.08;
// X4 40/60 = 0.666…; X5 150/100 = 1.5.
const healthy: AltmanItems = {
  currentAssets: 50,
  currentLiabilities: 30,
  retainedEarnings: 10,
  ebit: 8,
  bookEquity: 40,
  totalLiabilities: 60,
  revenue: 150,
  totalAssets: 100,
};

// WC = 20 − 45 = −25 over TA 200 → X1 −0.125; X2 −30/200 = −0.15; X3 −4/200 = −0.02;
// X4 20/180 = 0.111…; X5 100/200 = 0.5.
const distressed: AltmanItems = {
  currentAssets: 20,
  currentLiabilities: 45,
  retainedEarnings: -30,
  ebit: -4,
  bookEquity: 20,
  totalLiabilities: 180,
  revenue: 100,
  totalAssets: 200,
};

describe('computeAltman', () => {
  it("Z'': 6.56·0.2 + 3.26·0.1 + 6.72·0.08 + 1.05·0.6667 = 2.8756 (safe above 2.6)", () => {
    const r = computeAltman('z-double-prime', healthy);
    assert.ok(r.ok);
    assert.ok(Math.abs(r.value.score - 2.8756) < 1e-9);
    assert.equal(r.value.zone, 'safe');
    assert.equal(r.value.x5, null);
    assert.ok(Math.abs(r.value.x4 - 2 / 3) < 1e-12);
  });

  it("Z': 0.717·0.2 + 0.847·0.1 + 3.107·0.08 + 0.42·0.6667 + 0.998·1.5 = 2.25366 (grey)", () => {
    const r = computeAltman('z-prime', healthy);
    assert.ok(r.ok);
    assert.ok(Math.abs(r.value.score - 2.25366) < 1e-9);
    assert.equal(r.value.zone, 'grey');
    assert.equal(r.value.x5, 1.5);
  });

  it("distressed firm: Z'' = −0.82 − 0.489 − 0.1344 + 0.11667 = −1.32673; Z' = −0.089625 − 0.12705 − 0.06214 + 0.046667 + 0.499 = 0.266852", () => {
    const zpp = computeAltman('z-double-prime', distressed);
    const zp = computeAltman('z-prime', distressed);
    assert.ok(zpp.ok && zp.ok);
    assert.ok(Math.abs(zpp.value.score - -1.3267333333) < 1e-9);
    assert.ok(Math.abs(zp.value.score - 0.26685166667) < 1e-9);
    assert.equal(zpp.value.zone, 'distress');
    assert.equal(zp.value.zone, 'distress');
  });

  it('uses configured cut-offs', () => {
    const r = computeAltman('z-double-prime', healthy, { distress: 1.23, safe: 2.9 });
    assert.ok(r.ok);
    assert.equal(r.value.zone, 'grey');
  });

  it('names every missing item instead of reading it as 0', () => {
    const r = computeAltman('z-prime', { ...healthy, retainedEarnings: null, revenue: Number.NaN });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ALTMAN_MISSING_ITEM');
    assert.equal(r.error.details.field, 'retainedEarnings,revenue');
  });

  it("Z'' does not need revenue", () => {
    assert.ok(computeAltman('z-double-prime', { ...healthy, revenue: null }).ok);
  });

  it('rejects non-positive total assets or liabilities', () => {
    const r = computeAltman('z-prime', { ...healthy, totalLiabilities: 0 });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ALTMAN_NON_POSITIVE_DENOMINATOR');
    assert.equal(r.error.details.field, 'totalLiabilities');
  });
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  asrfLossQuantile,
  baselCorporateCorrelation,
  conditionalPd,
  irbCapital,
  irbCorrelation,
  smeSizeAdjustment,
  standardNormalCdf,
  standardNormalQuantile,
  vasicekLossCdf,
  vasicekLossQuantile,
} from './vasicek.js';

/**
 * Basel II Annex 5 "Illustrative IRB risk weights", corporate exposures, LGD 45 %, M 2.5 years:
 * PD, published corporate risk weight (%), published SME risk weight with €5m turnover (%). BCBS,
 * "International Convergence of Capital Measurement and Capital Standards — Comprehensive Version",
 * June 2006, transcribed in ../shared/data/basel-irb-illustrative-risk-weights/ (public regulatory text).
 */
const ANNEX5: readonly (readonly [number, number, number])[] = [
  [0.0003, 14.44, 11.3],
  [0.0005, 19.65, 15.39],
  [0.001, 29.65, 23.3],
  [0.0025, 49.47, 39.01],
  [0.004, 62.72, 49.49],
  [0.005, 69.61, 54.91],
  [0.0075, 82.78, 65.14],
  [0.01, 92.32, 72.4],
  [0.013, 100.95, 78.77],
  [0.015, 105.59, 82.11],
  [0.02, 114.86, 88.55],
  [0.025, 122.16, 93.43],
  [0.03, 128.44, 97.58],
];

/** The same rows as the shared file gives them, when it is beside the checkout. */
const ANNEX5_FILE = new URL(
  '../../../../shared/data/basel-irb-illustrative-risk-weights/basel2_annex5_corporate_rw.csv',
  import.meta.url,
);

function riskWeightPct(pd: number, salesEurMillions: number | null): number {
  const correlation = irbCorrelation(pd, salesEurMillions);
  return irbCapital({ pd, lgd: 0.45, maturityYears: 2.5, correlation }).riskWeight * 100;
}

test('Basel Annex 5 risk weights: every published row to ±0.01 percentage points', () => {
  for (const [pd, corporate, sme] of ANNEX5) {
    const rwCorporate = riskWeightPct(pd, null);
    const rwSme = riskWeightPct(pd, 5);
    assert.ok(Math.abs(rwCorporate - corporate) <= 0.01 + 1e-9, `PD ${pd}: corporate ${rwCorporate} vs ${corporate}`);
    assert.ok(Math.abs(rwSme - sme) <= 0.01 + 1e-9, `PD ${pd}: SME ${rwSme} vs ${sme}`);
  }
});

test('Basel III table (LGD 40 %): PD 1 % gives 82.06 % corporate and 64.35 % SME €5m', () => {
  const rw = (sales: number | null) =>
    irbCapital({ pd: 0.01, lgd: 0.4, maturityYears: 2.5, correlation: irbCorrelation(0.01, sales) }).riskWeight * 100;
  assert.ok(Math.abs(rw(null) - 82.06) <= 0.01);
  assert.ok(Math.abs(rw(5) - 64.35) <= 0.01);
});

test('the table above is the shared file, row for row', {
  skip: !existsSync(ANNEX5_FILE) && 'shared data not beside the checkout',
}, () => {
  const [, ...lines] = readFileSync(ANNEX5_FILE, 'utf8').trim().split('\n');
  assert.deepEqual(
    lines.map((line) => line.split(',').slice(0, 3).map(Number)),
    ANNEX5.map((row) => [...row]),
  );
});

test('correlation runs from 24 % (PD → 0) to 12 % (PD → 1); the SME reduction is 4 points at €5m, none at €50m', () => {
  assert.ok(Math.abs(baselCorporateCorrelation(0) - 0.24) < 1e-12);
  assert.ok(Math.abs(baselCorporateCorrelation(1) - 0.12) < 1e-12);
  assert.equal(smeSizeAdjustment(1), 0.04);
  assert.equal(smeSizeAdjustment(50), 0);
  assert.equal(smeSizeAdjustment(500), 0);
  assert.ok(Math.abs(smeSizeAdjustment(27.5) - 0.02) < 1e-12);
  let previous = Number.POSITIVE_INFINITY;
  for (let pd = 0.0005; pd < 0.3; pd += 0.0005) {
    const r = baselCorporateCorrelation(pd);
    assert.ok(r <= previous);
    previous = r;
  }
});

test('normal CDF and quantile are inverses and match known values', () => {
  assert.ok(Math.abs(standardNormalQuantile(0.999) - 3.090232306167813) < 1e-12);
  assert.ok(Math.abs(standardNormalQuantile(0.01) + 2.3263478740408408) < 1e-12);
  assert.ok(Math.abs(standardNormalCdf(1.959963984540054) - 0.975) < 1e-12);
  for (const p of [1e-9, 0.0003, 0.05, 0.5, 0.9, 0.999999]) {
    assert.ok(Math.abs(standardNormalCdf(standardNormalQuantile(p)) - p) < 1e-12 * Math.max(1, p / 1e-3));
  }
});

test('Vasicek loss quantile and CDF are inverses; the ASRF book quantile adds name by name', () => {
  for (const [pd, rho] of [
    [0.01, 0.2],
    [0.003, 0.24],
    [0.15, 0.12],
  ] as const) {
    for (const q of [0.5, 0.9, 0.99, 0.999]) {
      const x = vasicekLossQuantile(pd, rho, q);
      assert.ok(Math.abs(vasicekLossCdf(x, pd, rho) - q) < 1e-9, `${pd} ${rho} ${q}`);
    }
    // The median default rate of a Vasicek book is below its mean PD (the distribution is skewed).
    assert.ok(vasicekLossQuantile(pd, rho, 0.5) < pd);
  }
  // Conditional PD at F = 0 with ρ = 0 is the PD itself; a bad economy (F < 0) raises it.
  assert.ok(Math.abs(conditionalPd(0.02, 0, 0) - 0.02) < 1e-15);
  assert.ok(conditionalPd(0.02, 0.2, -2.33) > 0.02);
  const book = [
    { potentialLoss: 100, pd: 0.01, correlation: 0.2 },
    { potentialLoss: 50, pd: 0.05, correlation: 0.15 },
  ];
  const together = asrfLossQuantile(book, 0.999);
  const apart = book.reduce((sum, e) => sum + asrfLossQuantile([e], 0.999), 0);
  assert.ok(Math.abs(together - apart) < 1e-12);
  assert.ok(Math.abs(asrfLossQuantile(book.slice(0, 1), 0.999) - 100 * vasicekLossQuantile(0.01, 0.2, 0.999)) < 1e-12);
});

test('a longer maturity needs more capital; M = 1 year needs less than Annex 5 s 2.5 years', () => {
  const k = (m: number) =>
    irbCapital({ pd: 0.01, lgd: 0.45, maturityYears: m, correlation: irbCorrelation(0.01) }).capital;
  assert.ok(k(1) < k(2.5) && k(2.5) < k(5));
  assert.ok(
    Math.abs(
      irbCapital({ pd: 0.01, lgd: 0.45, maturityYears: 2.5, correlation: 0.2 }, 1.06).riskWeight /
        irbCapital({ pd: 0.01, lgd: 0.45, maturityYears: 2.5, correlation: 0.2 }).riskWeight -
        1.06,
    ) < 1e-12,
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../../core/shared/index.js';
import { bandBook, creditRiskPlus } from '../../core/stress/creditriskplus.js';
import { simulateCreditRiskPlus } from '../../core/stress/creditriskplus-monte-carlo.js';
import { SHARED_DATA_MISSING, sharedDataPath } from '../shared-data.js';
import { readCreditRiskPlusFiles } from './creditriskplus-files.js';
import { creditRiskPlusFromFiles, creditRiskPlusSummary, toCents } from './creditriskplus-run.js';

/** The CSFB (1997) example portfolio as shipped by crp.CSFP 2.0.2: 25 obligors, 3 sectors. */
const DIR = sharedDataPath('creditriskplus-csfb-example/');
const skip = DIR === null && SHARED_DATA_MISSING;
const files = () => ({
  portfolio: `${DIR}portfolio.csv`,
  ratingPd: `${DIR}rating_pd.csv`,
  sectorVar: `${DIR}pd_sector_var.csv`,
});

test('CSFB example: expected loss exactly 3,799,788.73; standard deviation and quantiles as reported', {
  skip,
}, async () => {
  const run = await creditRiskPlusFromFiles(files(), 1e6);
  assert.ok(run.ok, JSON.stringify(!run.ok && run.error));
  assert.equal(run.value.result.obligors, 25);
  assert.equal(run.value.sectors, 3);
  // Input arithmetic of the README: Σ PD × exposure × LGD, kept by the banding.
  assert.equal(toCents(run.value.result.expectedLoss), 3_799_788.73);
  let banded = 0;
  run.value.result.probabilities.forEach((p, j) => {
    banded += p * j * 1e6;
  });
  assert.ok(Math.abs(banded - 3_799_788.73) < 0.01 * 3_799_788.73, `mean of the computed range ${banded}`);
  // Closed form √(Σ (ν·L₀)²·PD′ + Σₖ σ²ₖ·(Σ wᵢₖ·PD′ᵢ·νᵢ·L₀)²), as crp.CSFP's SD. The quantiles agree
  // with a separate per-sector Panjer recursion (negative binomial sectors, convolved).
  assert.deepEqual(creditRiskPlusSummary(run.value.result), {
    expectedLoss: 3_799_788.73,
    standardDeviation: 2_900_070.38,
    quantiles: { '0.95': 9_000_000, '0.99': 13_000_000, '0.995': 14_000_000, '0.999': 17_000_000 },
  });
});

test('CSFB example as one factor (all obligors in one sector of the same variance): same EL, a larger standard deviation', {
  skip,
}, async () => {
  const read = await readCreditRiskPlusFiles(files(), 1e6);
  assert.ok(read.ok);
  const { input } = read.value;
  const oneFactor = creditRiskPlus({
    ...input,
    obligors: input.obligors.map((o) => ({ ...o, sectorWeights: [1] })),
    sectorVariances: [input.sectorVariances[0] as number],
  });
  const sectors = creditRiskPlus(input);
  assert.ok(oneFactor.ok && sectors.ok);
  assert.equal(toCents(oneFactor.value.expectedLoss), 3_799_788.73);
  assert.ok(oneFactor.value.standardDeviation > sectors.value.standardDeviation);
  assert.deepEqual(creditRiskPlusSummary(oneFactor.value), {
    expectedLoss: 3_799_788.73,
    standardDeviation: 2_943_094.54,
    quantiles: { '0.95': 9_000_000, '0.99': 13_000_000, '0.995': 14_000_000, '0.999': 17_000_000 },
  });
});

/**
 * Monte Carlo with the same bands and PDs (gamma sector factors, Poisson defaults, no timing) against
 * the analytic distribution. Tolerances, for N independent paths:
 * - mean: the standard error is SD/√N; allowed 4 standard errors (a correct model fails 1 in 16,000).
 * - whole CDF: the Dvoretzky–Kiefer–Wolfowitz bound P(sup |F̂ − F| > ε) ≤ 2·exp(−2Nε²); with
 *   ε = √(ln(2/α) / 2N) and α = 10⁻⁴ a correct model fails 1 in 10,000.
 * - 99 % quantile: F̂ at the true quantile is a binomial share with standard deviation
 *   s = √(q(1 − q)/N); the simulated quantile must lie between the analytic quantiles at q ∓ 4s.
 */
test('CSFB example: a seeded Monte Carlo agrees with CreditRisk+ within sampling error', { skip }, async () => {
  const read = await readCreditRiskPlusFiles(files(), 1e6);
  assert.ok(read.ok);
  const analytic = creditRiskPlus(read.value.input, { tailProbability: 1 - 1e-10 });
  const book = bandBook(read.value.input);
  assert.ok(analytic.ok && book.ok);
  const N = 100_000;
  const losses = simulateCreditRiskPlus(book.value, N, createRng(20261207));
  const units = analytic.value.probabilities.length;
  const counts = new Float64Array(units + 1);
  let mean = 0;
  for (const l of losses) {
    mean += l / N;
    counts[Math.min(l, units)] = (counts[Math.min(l, units)] as number) + 1;
  }
  const el = analytic.value.expectedLoss / 1e6;
  const sd = analytic.value.standardDeviation / 1e6;
  assert.ok(Math.abs(mean - el) <= (4 * sd) / Math.sqrt(N), `mean ${mean} vs ${el}`);

  const epsilon = Math.sqrt(Math.log(2 / 1e-4) / (2 * N));
  const analyticCdf: number[] = [];
  let F = 0;
  let empirical = 0;
  let worst = 0;
  for (let j = 0; j < units; j++) {
    F += analytic.value.probabilities[j] as number;
    empirical += (counts[j] as number) / N;
    analyticCdf.push(F);
    worst = Math.max(worst, Math.abs(empirical - F));
  }
  assert.ok(worst <= epsilon, `largest CDF gap ${worst} > ${epsilon}`);

  const q = 0.99;
  const s = Math.sqrt((q * (1 - q)) / N);
  const quantileAt = (cdf: readonly number[], level: number) => cdf.findIndex((c) => c >= level);
  const empiricalCdf: number[] = [];
  let running = 0;
  for (let j = 0; j < units; j++) {
    running += (counts[j] as number) / N;
    empiricalCdf.push(running);
  }
  const simulated = quantileAt(empiricalCdf, q);
  assert.ok(simulated >= quantileAt(analyticCdf, q - 4 * s) && simulated <= quantileAt(analyticCdf, q + 4 * s));
  assert.equal(quantileAt(analyticCdf, q), 13);
});

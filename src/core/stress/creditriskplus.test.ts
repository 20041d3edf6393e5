import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bandBook, type CreditRiskPlusObligor, creditRiskPlus, lossDistribution } from './creditriskplus.js';

const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);

const obligor = (id: string, potentialLoss: number, pd: number, sectorWeights: number[]): CreditRiskPlusObligor => ({
  id,
  potentialLoss,
  pd,
  sectorWeights,
});

function run(obligors: CreditRiskPlusObligor[], sectorVariances: number[], tailProbability = 1 - 1e-12) {
  const r = creditRiskPlus({ obligors, sectorVariances, lossUnit: 1 }, { tailProbability });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

test('bands are round(PL / L0) half up and never 0; PDs keep each expected loss', () => {
  const b = bandBook({
    obligors: [
      obligor('a', 2.4e6, 0.1, [1]),
      obligor('b', 2.5e6, 0.1, [1]),
      obligor('c', 0.3e6, 0.2, [0.5]),
      obligor('none', 0, 0.2, [1]),
      obligor('safe', 5e6, 0, [1]),
    ],
    sectorVariances: [0.25],
    lossUnit: 1e6,
  });
  assert.ok(b.ok);
  assert.deepEqual([...b.value.band], [2, 3, 1]);
  assert.deepEqual(b.value.ids, ['a', 'b', 'c']);
  near(b.value.adjustedPd[0] as number, 0.12, 1e-15, 'a');
  near(b.value.adjustedPd[1] as number, 0.1 * (2.5 / 3), 1e-15, 'b');
  near(b.value.adjustedPd[2] as number, 0.06, 1e-15, 'c');
  near(b.value.idiosyncratic[2] as number, 0.5, 0, 'c idiosyncratic');
  near(b.value.expectedLoss, 0.1 * 2.4e6 + 0.1 * 2.5e6 + 0.2 * 0.3e6, 1e-6, 'expected loss');
});

test('no sector variance: a compound Poisson, P(2k units) = e^-λ λ^k / k! for one obligor in band 2', () => {
  const r = run([obligor('a', 2, 0.1, [1])], [0]);
  const p = r.probabilities;
  let factorial = 1;
  for (let k = 0; k <= 5; k++) {
    if (k > 0) factorial *= k;
    near(p[2 * k] as number, (Math.exp(-0.1) * 0.1 ** k) / factorial, 1e-15, `P(${2 * k})`);
    if (2 * k + 1 < p.length) near(p[2 * k + 1] as number, 0, 1e-18, `P(${2 * k + 1})`);
  }
});

test('one gamma sector: the number of defaults is negative binomial with r = 1/σ² and mean PD', () => {
  const variance = 0.5;
  const pd = 0.3;
  const r = run([obligor('a', 1, pd, [1])], [variance]);
  const shape = 1 / variance;
  const q = (variance * pd) / (1 + variance * pd);
  let coefficient = 1; // Γ(n + r) / (n! Γ(r))
  for (let n = 0; n < 12; n++) {
    if (n > 0) coefficient *= (n - 1 + shape) / n;
    near(r.probabilities[n] as number, coefficient * (1 - q) ** shape * q ** n, 1e-14, `P(N = ${n})`);
  }
});

test('two idiosyncratic obligors: the distribution is the convolution of their two Poisson laws', () => {
  const r = run([obligor('a', 1, 0.1, [0]), obligor('b', 3, 0.2, [0])], [0.4]);
  const e = Math.exp(-0.3);
  near(r.probabilities[0] as number, e, 1e-15, 'P(0)');
  near(r.probabilities[1] as number, e * 0.1, 1e-15, 'P(1)');
  near(r.probabilities[2] as number, (e * 0.1 ** 2) / 2, 1e-15, 'P(2)');
  near(r.probabilities[3] as number, e * (0.1 ** 3 / 6 + 0.2), 1e-15, 'P(3)');
  near(r.probabilities[4] as number, e * (0.1 ** 4 / 24 + 0.2 * 0.1), 1e-15, 'P(4)');
});

/** A mixed book: bands 1–9, three sectors with partial weights and an idiosyncratic part. */
function mixedBook(): CreditRiskPlusObligor[] {
  const book: CreditRiskPlusObligor[] = [];
  for (let i = 0; i < 40; i++) {
    const w = [(i % 3 === 0 ? 0.6 : 0.2) * ((i % 4) / 3), i % 3 === 1 ? 0.7 : 0, i % 3 === 2 ? 0.8 : 0.1];
    book.push(obligor(`o${i}`, 1 + (i % 9), 0.01 + (i % 7) * 0.02, w));
  }
  return book;
}

test('the distribution has the closed-form mean and variance of CreditRisk+', () => {
  const variances = [0.3, 1.2, 0.05];
  const r = run(mixedBook(), variances);
  let mass = 0;
  let mean = 0;
  let second = 0;
  r.probabilities.forEach((p, j) => {
    mass += p;
    mean += j * p;
    second += j * j * p;
  });
  near(mass, 1, 1e-11, 'total probability');
  near(mean, r.expectedLoss, 1e-9 * r.expectedLoss, 'mean');
  near(second - mean * mean, r.standardDeviation ** 2, 1e-8 * r.standardDeviation ** 2, 'variance');
  assert.ok(r.systematicVariance > 0 && r.diversifiableVariance > 0);
  // Risk contributions add up to the standard deviation; a riskier twin contributes more.
  const total = r.contributions.reduce((sum, c) => sum + c.standardDeviation, 0);
  near(total, r.standardDeviation, 1e-9 * r.standardDeviation, 'sum of contributions');
  assert.equal(r.contributions.length, 40);
  assert.ok(r.contributions.every((c) => c.standardDeviation > 0));
  for (let i = 1; i < r.quantiles.length; i++)
    assert.ok((r.quantiles[i]?.loss as number) >= (r.quantiles[i - 1]?.loss as number));
});

test('one factor for the whole book is riskier than independent sectors of the same variance', () => {
  const oneHot = mixedBook().map((o, i) => ({
    ...o,
    sectorWeights: [i % 3 === 0 ? 1 : 0, i % 3 === 1 ? 1 : 0, i % 3 === 2 ? 1 : 0],
  }));
  const sectors = run(oneHot, [0.5, 0.5, 0.5]);
  const single = run(
    oneHot.map((o) => ({ ...o, sectorWeights: [1] })),
    [0.5],
  );
  near(single.expectedLoss, sectors.expectedLoss, 1e-12, 'expected loss');
  assert.ok(single.standardDeviation > sectors.standardDeviation);
  const q999 = (r: typeof single) => r.quantiles.find((q) => q.level === 0.999)?.loss as number;
  assert.ok(q999(single) >= q999(sectors));
});

test('a book with ~1,000 expected defaults: no underflow, the mass is 1 and the median near the mean', () => {
  const book = Array.from({ length: 2000 }, (_, i) => obligor(`o${i}`, 1, 0.5, [0]));
  const r = run(book, [0.1], 1 - 1e-9);
  let mass = 0;
  for (const p of r.probabilities) mass += p;
  near(mass, 1, 1e-8, 'total probability');
  const median = creditRiskPlus({ obligors: book, sectorVariances: [0.1], lossUnit: 1 }, { levels: [0.5] });
  assert.ok(median.ok);
  near(median.value.quantiles[0]?.loss as number, 1000, 5, 'median');
});

test('bad input is an error naming the obligor, its row and the field; a quantile out of reach asks for a larger unit', () => {
  const weights = creditRiskPlus({
    obligors: [obligor('a', 1, 0.1, [0.7, 0.6])],
    sectorVariances: [1, 1],
    lossUnit: 1,
  });
  assert.deepEqual(!weights.ok && weights.error.code, 'CRP_INVALID_OBLIGOR');
  assert.equal(!weights.ok && weights.error.details.row, 1);
  assert.equal(!weights.ok && weights.error.details.field, 'sectorWeights');
  const pd = creditRiskPlus({
    obligors: [obligor('a', 1, 0.1, [1]), obligor('b', 1, 1.5, [1])],
    sectorVariances: [1],
    lossUnit: 1,
  });
  assert.deepEqual(!pd.ok && [pd.error.details.row, pd.error.details.id, pd.error.details.field], [2, 'b', 'pd']);
  const count = creditRiskPlus({ obligors: [obligor('a', 1, 0.1, [1])], sectorVariances: [1, 1], lossUnit: 1 });
  assert.equal(!count.ok && count.error.details.field, 'sectorWeights');
  const variance = creditRiskPlus({ obligors: [], sectorVariances: [1, -0.1], lossUnit: 1 });
  assert.deepEqual(!variance.ok && [variance.error.code, variance.error.details.sector], ['CRP_INVALID_SETTING', 2]);
  const unit = creditRiskPlus({ obligors: [], sectorVariances: [1], lossUnit: 0 });
  assert.equal(!unit.ok && unit.error.details.field, 'lossUnit');
  const far = creditRiskPlus(
    { obligors: [obligor('a', 1e6, 0.5, [1])], sectorVariances: [1], lossUnit: 1 },
    { maxUnits: 1000 },
  );
  assert.equal(!far.ok && far.error.code, 'CRP_LOSS_UNIT_TOO_SMALL');
});

test('the recursion stops where the CDF reaches the target', () => {
  const b = bandBook({ obligors: mixedBook(), sectorVariances: [0.3, 1.2, 0.05], lossUnit: 1 });
  assert.ok(b.ok);
  const short = lossDistribution(b.value, 0.9, 10_000);
  const long = lossDistribution(b.value, 0.9999, 10_000);
  assert.ok(short.length < long.length);
  let cdf = 0;
  for (const p of short.slice(0, -1)) cdf += p;
  assert.ok(cdf < 0.9);
  for (let j = 0; j < short.length; j++) near(short[j] as number, long[j] as number, 0, `P(${j})`);
});

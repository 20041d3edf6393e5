import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_POLICY_TERMS } from '../model/index.js';
import { computeIndemnities, premiumFor, splitRecovery } from './indemnity.js';

const T = DEFAULT_POLICY_TERMS;
const loss = (customerId: string, insuredDebtMinor: number, recoveriesMinor = 0) => ({
  customerId,
  insuredDebtMinor,
  recoveriesMinor,
});

test('insured percentage: 20,000 insured debt at 90 % pays 18,000; at 80 % (拒收) 16,000', () => {
  assert.equal(computeIndemnities(T, [loss('a', 20_000_00)], 0).totalMinor, 18_000_00);
  assert.equal(
    computeIndemnities({ ...T, insuredPctCommercial: 0.8 }, [loss('a', 20_000_00)], 0).totalMinor,
    16_000_00,
  );
});

test('recoveries before the claim reduce the indemnifiable loss: (20,000 − 5,000) × 90 % = 13,500', () => {
  const r = computeIndemnities(T, [loss('a', 20_000_00, 5_000_00)], 0);
  assert.equal(r.lines[0]?.indemnifiableLossMinor, 15_000_00);
  assert.equal(r.totalMinor, 13_500_00);
});

test('per-buyer excess (deductible): 20,000 × 90 % − 1,000 = 17,000; never below 0', () => {
  const terms = { ...T, perBuyerExcessMinor: 1_000_00 };
  assert.equal(computeIndemnities(terms, [loss('a', 20_000_00)], 0).totalMinor, 17_000_00);
  assert.equal(computeIndemnities(terms, [loss('a', 1_000_00)], 0).totalMinor, 0);
});

test('non-qualifying loss: a loss at or below 1,000 pays nothing and does not use the AFL', () => {
  const terms = { ...T, claimThresholdMinor: 1_000_00, aggregateFirstLossMinor: 3_000_00 };
  const r = computeIndemnities(terms, [loss('a', 1_000_00), loss('b', 10_000_00)], 0);
  assert.equal(r.lines[0]?.isBelowThreshold, true);
  assert.equal(r.lines[0]?.indemnityMinor, 0);
  assert.equal(r.lines[0]?.firstLossMinor, 0);
  // b: the whole AFL of 3,000 is still there: (10,000 − 3,000) × 90 % = 6,300.
  assert.equal(r.lines[1]?.firstLossMinor, 3_000_00);
  assert.equal(r.lines[1]?.indemnityMinor, 6_300_00);
});

test('aggregate first loss: 5,000 borne across the year, first claim 3,000 then 2,000 of the next', () => {
  const terms = { ...T, aggregateFirstLossMinor: 5_000_00 };
  const r = computeIndemnities(terms, [loss('a', 3_000_00), loss('b', 10_000_00), loss('c', 4_000_00)], 0);
  assert.deepEqual(
    r.lines.map((l) => [l.firstLossMinor, l.indemnityMinor]),
    [
      [3_000_00, 0],
      [2_000_00, 7_200_00], // (10,000 − 2,000) × 90 %
      [0, 3_600_00],
    ],
  );
  assert.equal(r.totalMinor, 10_800_00);
});

test('maximum liability as an amount caps the year: 18,000 + 9,000 capped at 20,000', () => {
  const r = computeIndemnities({ ...T, maxLiabilityMinor: 20_000_00 }, [loss('a', 20_000_00), loss('b', 10_000_00)], 0);
  assert.deepEqual(
    r.lines.map((l) => [l.grossMinor, l.indemnityMinor, l.cappedMinor]),
    [
      [18_000_00, 18_000_00, 0],
      [9_000_00, 2_000_00, 7_000_00],
    ],
  );
  assert.equal(r.totalMinor, 20_000_00);
});

test('maximum liability as a multiple of premium: 20 × 500 = 10,000', () => {
  const r = computeIndemnities({ ...T, maxLiabilityPremiumMultiple: 20 }, [loss('a', 20_000_00)], 500_00);
  assert.equal(r.maxLiabilityMinor, 10_000_00);
  assert.equal(r.totalMinor, 10_000_00);
});

test('recovery after a claim split pro rata (Rycroft): limit 25,000, debt 30,000, 90 % → insurer 4,500 of 6,000', () => {
  const indemnity = computeIndemnities(T, [loss('a', 25_000_00)], 0).totalMinor;
  assert.equal(indemnity, 22_500_00);
  assert.deepEqual(
    splitRecovery({ recoveryMinor: 6_000_00, totalDebtMinor: 30_000_00, indemnityPaidMinor: indemnity }),
    {
      toInsurerMinor: 4_500_00,
      toInsuredMinor: 1_500_00,
    },
  );
});

test('a recovery split keeps every cent and gives the insurer nothing before an indemnity is paid', () => {
  const s = splitRecovery({ recoveryMinor: 1_001, totalDebtMinor: 3_000, indemnityPaidMinor: 1_000 });
  assert.equal(s.toInsurerMinor + s.toInsuredMinor, 1_001);
  assert.equal(s.toInsurerMinor, 334);
  assert.deepEqual(splitRecovery({ recoveryMinor: 500, totalDebtMinor: 3_000, indemnityPaidMinor: 0 }), {
    toInsurerMinor: 0,
    toInsuredMinor: 500,
  });
});

test('premium: 0.25 % of insurable turnover, at least the minimum premium', () => {
  assert.equal(premiumFor(T, 10_000_000_00), 25_000_00);
  assert.equal(premiumFor({ ...T, minPremiumMinor: 30_000_00 }, 10_000_000_00), 30_000_00);
});

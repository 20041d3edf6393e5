import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays, diffDays } from '../time/index.js';
import { computeEuInterest, DEFAULT_LATE_INTEREST_SETTINGS as S, splitByHalfYear } from './index.js';

const ECB = [
  { from: '2023-07-01', rate: 0.04 },
  { from: '2024-01-01', rate: 0.045 },
  { from: '2024-07-01', rate: 0.0425 },
];
const claim = { amountMinor: 10_000_00, currency: 'EUR' as const, dueOn: '2023-11-15', paidOn: '2024-08-10' };

test('EUR 10,000 late 269 days over three half-years (2024 a leap year): EUR 912.12 plus EUR 40', () => {
  const r = computeEuInterest(claim, { referenceRate: ECB, country: null, marginPoints: null }, S);
  assert.ok(r.ok);
  const v = r.value;
  assert.equal(v.days, 269);
  assert.deepEqual(
    v.periods.map((p) => [p.from, p.to, p.days, p.annualRate, p.interestMinor]),
    [
      // 10,000 × 12 % × 46/365 = 151.2329 (4.00 % in force on 1 July 2023 + 8 points)
      ['2023-11-16', '2023-12-31', 46, 0.12, 151_23],
      // 10,000 × 12.5 % × 182/365 = 623.2877: January to June 2024 has 182 days (29 February)
      ['2024-01-01', '2024-06-30', 182, 0.125, 623_29],
      // 10,000 × 12.25 % × 41/365 = 137.6027
      ['2024-07-01', '2024-08-10', 41, 0.1225, 137_60],
    ],
  );
  // The exact sum, 91,212.33 cents, is rounded once (half-even); the periods share it by largest remainder.
  assert.deepEqual(v.interest, { amountMinor: 912_12, currency: 'EUR' });
  assert.deepEqual(v.fixedCompensation, { amountMinor: 40_00, currency: 'EUR' });
  assert.equal(v.basis.code, 'LI_BASIS_EU');
});

test('a German creditor earns 9 points over the reference rate: EUR 985.82', () => {
  const r = computeEuInterest(claim, { referenceRate: ECB, country: 'de', marginPoints: null }, S);
  assert.ok(r.ok);
  assert.equal(r.value.interest.amountMinor, 985_82);
  assert.equal(r.value.basis.data.marginPoints, 9);
});

test('the first half of a leap year has 182 days, of a common year 181', () => {
  assert.deepEqual(
    splitByHalfYear('2023-12-31', '2024-06-30').map((p) => p.days),
    [182],
  );
  assert.deepEqual(
    splitByHalfYear('2022-12-31', '2023-06-30').map((p) => p.days),
    [181],
  );
  // 10 % a year on EUR 10,000 for the half-year: 498.63 in 2024, 495.89 in 2023 (actual days over 365).
  const rate = { referenceRate: 0.02, country: null, marginPoints: null };
  const leap = computeEuInterest({ ...claim, dueOn: '2023-12-31', paidOn: '2024-06-30' }, rate, S);
  const common = computeEuInterest({ ...claim, dueOn: '2022-12-31', paidOn: '2023-06-30' }, rate, S);
  assert.ok(leap.ok && common.ok);
  assert.equal(leap.value.interest.amountMinor, 498_63);
  assert.equal(common.value.interest.amountMinor, 495_89);
});

test('paid on the due date: no interest and no fixed compensation', () => {
  const r = computeEuInterest(
    { ...claim, paidOn: claim.dueOn },
    { referenceRate: 0.04, country: null, marginPoints: null },
    S,
  );
  assert.ok(r.ok);
  assert.equal(r.value.interest.amountMinor, 0);
  assert.equal(r.value.fixedCompensation, null);
  assert.equal(r.value.basis.code, 'LI_BASIS_ON_TIME');
});

test('a half-year with no reference rate in force is refused, naming the half-year', () => {
  const r = computeEuInterest(claim, { referenceRate: ECB.slice(1), country: null, marginPoints: null }, S);
  assert.equal(r.ok, false);
  if (!r.ok)
    assert.deepEqual(r.error, {
      code: 'INTEREST_REFERENCE_RATE_MISSING',
      details: { field: 'reference-rate', halfYear: '2023-07-01' },
    });
});

test('property: the periods cover every interest day once and their interest sums to the total', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 20_000 }),
      fc.integer({ min: 0, max: 2_000 }),
      fc.integer({ min: 1, max: 1e12 }),
      (start, late, amountMinor) => {
        const dueOn = addDays('1999-01-01', start);
        const paidOn = addDays(dueOn, late);
        const r = computeEuInterest(
          { amountMinor, currency: 'EUR', dueOn, paidOn },
          { referenceRate: 0.031, country: null, marginPoints: null },
          S,
        );
        assert.ok(r.ok);
        assert.equal(
          r.value.periods.reduce((s, p) => s + p.days, 0),
          late,
        );
        assert.equal(
          r.value.periods.reduce((s, p) => s + p.interestMinor, 0),
          r.value.interest.amountMinor,
        );
        for (const [i, p] of r.value.periods.entries()) {
          assert.equal(diffDays(p.from, p.to) + 1, p.days);
          if (i > 0) assert.equal(p.from, addDays(r.value.periods[i - 1]?.to ?? '', 1));
        }
      },
    ),
    { numRuns: 300 },
  );
});

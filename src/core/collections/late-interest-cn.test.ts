import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CnContract, computeCnInterest, DEFAULT_LATE_INTEREST_SETTINGS as S } from './index.js';

const eligible: CnContract = {
  creditorIsSme: true,
  debtorKind: 'large',
  signedOn: '2024-06-01',
  deliveredOn: '2024-10-21',
  contractRate: null,
  lprAtSigning: null,
};
const claim = { amountMinor: 200_000_00, currency: 'CNY' as const, dueOn: '2024-12-20', paidOn: '2025-03-05' };

test('no agreed rate: 0.05 % a day, 75 days over the new year, ¥200,000.00 → ¥7,500.00', () => {
  const r = computeCnInterest(claim, eligible, S);
  assert.ok(r.ok);
  assert.equal(r.value.days, 75); // 11 in December, 31 in January, 28 in February, 5 in March
  assert.deepEqual(r.value.interest, { amountMinor: 7_500_00, currency: 'CNY' });
  assert.equal(r.value.periods[0]?.dailyRate, 0.0005);
  assert.equal(r.value.basis.code, 'LI_BASIS_CN_STATUTORY');
  assert.equal(r.value.eligibility.isEligible, true);
  // Delivered 21 October 2024 to a large enterprise: pay within 60 days.
  assert.equal(r.value.eligibility.statutoryDueOn, '2024-12-20');
});

test('29 February counts: due 20 February 2024, paid 5 March, 14 days → ¥1,400.00', () => {
  const r = computeCnInterest({ ...claim, dueOn: '2024-02-20', paidOn: '2024-03-05' }, eligible, S);
  assert.ok(r.ok);
  assert.equal(r.value.days, 14);
  assert.equal(r.value.interest.amountMinor, 1_400_00);
});

test('an agreed rate below the 1-year LPR at signing is raised to it: 2 % → 3.45 %, 61 days on ¥500,000 → ¥2,882.88', () => {
  const r = computeCnInterest(
    { amountMinor: 500_000_00, currency: 'CNY', dueOn: '2025-01-31', paidOn: '2025-04-02' },
    { ...eligible, contractRate: 0.02, lprAtSigning: 0.0345 },
    S,
  );
  assert.ok(r.ok);
  assert.equal(r.value.days, 61);
  // 500,000 × 3.45 % × 61/365 = 2,882.8767
  assert.equal(r.value.interest.amountMinor, 2_882_88);
  assert.equal(r.value.basis.code, 'LI_BASIS_CN_LPR_FLOOR');
  assert.equal(r.value.periods[0]?.annualRate, 0.0345);
});

test('an agreed rate at or above the LPR is used as agreed', () => {
  const r = computeCnInterest(
    { amountMinor: 500_000_00, currency: 'CNY', dueOn: '2025-01-31', paidOn: '2025-04-02' },
    { ...eligible, contractRate: 0.06, lprAtSigning: 0.0345 },
    S,
  );
  assert.ok(r.ok);
  assert.equal(r.value.basis.code, 'LI_BASIS_CN_CONTRACT');
  assert.equal(r.value.interest.amountMinor, 5_013_70); // 500,000 × 6 % × 61/365 = 5,013.6986
});

test('an SME debtor is not covered: no statutory interest, each condition shown', () => {
  const r = computeCnInterest(claim, { ...eligible, debtorKind: 'sme' }, S);
  assert.ok(r.ok);
  assert.equal(r.value.eligibility.isEligible, false);
  assert.equal(r.value.eligibility.debtorIsLargeOrPublic, 'not_met');
  assert.equal(r.value.interest.amountMinor, 0);
  assert.equal(r.value.basis.code, 'LI_BASIS_CN_NOT_ELIGIBLE');
});

test('a contract signed before 1 September 2020 keeps only its own agreed rate (no LPR floor)', () => {
  const r = computeCnInterest(
    claim,
    { ...eligible, signedOn: '2020-08-31', contractRate: 0.02, lprAtSigning: 0.0385 },
    S,
  );
  assert.ok(r.ok);
  assert.equal(r.value.eligibility.signedAfterEffectiveDate, 'not_met');
  assert.equal(r.value.basis.code, 'LI_BASIS_CN_CONTRACT_ONLY');
  assert.equal(r.value.interest.amountMinor, 821_92); // 200,000 × 2 % × 75/365 = 821.9178
});

test('government bodies pay within 30 days of delivery; facts not recorded are unknown, not assumed', () => {
  const r = computeCnInterest(claim, { ...eligible, debtorKind: 'government', creditorIsSme: null }, S);
  assert.ok(r.ok);
  assert.equal(r.value.eligibility.statutoryDueOn, '2024-11-20');
  assert.equal(r.value.eligibility.creditorIsSme, 'unknown');
  assert.equal(r.value.eligibility.isEligible, true);
});

test('an agreed rate without the LPR at signing is refused: the floor cannot be checked', () => {
  const r = computeCnInterest(claim, { ...eligible, contractRate: 0.05 }, S);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.code, 'INTEREST_REFERENCE_RATE_MISSING');
});

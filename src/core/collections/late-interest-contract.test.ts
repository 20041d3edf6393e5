import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeContractInterest, resolveLateInterestSettings, roundInterestMinor } from './index.js';

test('contract rate 6 % on ¥100,000 for 30 days (February 2025) → ¥493.15', () => {
  const r = computeContractInterest(
    { amountMinor: 100_000_00, currency: 'CNY', dueOn: '2025-01-31', paidOn: '2025-03-02' },
    0.06,
  );
  assert.ok(r.ok);
  assert.equal(r.value.days, 30);
  assert.equal(r.value.interest.amountMinor, 493_15); // 100,000 × 6 % × 30/365 = 493.1507
  assert.equal(r.value.fixedCompensation, null);
});

test('the one rounding is half-even to the minor unit', () => {
  assert.equal(roundInterestMinor(2.5), 2);
  assert.equal(roundInterestMinor(3.5), 4);
  assert.equal(roundInterestMinor(91212.33), 91212);
});

test('a negative amount, a bad date and a rate over 100 % are refused, naming the field', () => {
  const base = { amountMinor: 100, currency: 'CNY' as const, dueOn: '2025-01-31', paidOn: '2025-03-02' };
  const fieldOf = (r: ReturnType<typeof computeContractInterest>) => (r.ok ? null : r.error.details.field);
  assert.equal(fieldOf(computeContractInterest({ ...base, amountMinor: -1 }, 0.06)), 'amount');
  assert.equal(fieldOf(computeContractInterest({ ...base, paidOn: '2025-02-30' }, 0.06)), 'paid');
  assert.equal(fieldOf(computeContractInterest(base, 1.5)), 'rate');
});

test('interest settings are checked whole: an unknown key or a bad margin names the field', () => {
  const unknown = resolveLateInterestSettings({ euMargin: 8 });
  assert.equal(unknown.ok ? null : unknown.error.details.field, 'collections.interest.euMargin');
  const bad = resolveLateInterestSettings({ euCountryMargins: { france: 10 } });
  assert.equal(bad.ok ? null : bad.error.details.field, 'collections.interest.euCountryMargins');
  const good = resolveLateInterestSettings({ euCountryMargins: { FR: 10, DE: 9, NL: 8 } });
  assert.ok(good.ok);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { computeFxExposure } from './exposure.js';
import { type FxOption, optionLegs, optionPayoff } from './option.js';

// A CNY exporter on 2026-12-07, USD at 7.10 since 12/01.
const fx = new FxTable([{ on: '2026-12-01', base: 'USD', quote: 'CNY', rate: 7.1 }]);
const put: FxOption = {
  id: 'O1',
  tradeOn: '2026-11-20',
  expiresOn: '2027-01-15',
  type: 'put',
  currency: 'USD',
  notionalMinor: 100_000_00,
  counterCurrency: 'CNY',
  strike: 7.2,
  premiumMinor: 8_000_00,
  counterparty: 'Bank of China',
};
const call: FxOption = {
  ...put,
  id: 'O2',
  type: 'call',
  notionalMinor: 50_000_00,
  strike: 7.3,
  premiumMinor: 3_000_00,
};

test('pay-off at expiry: exercised only in the money, net of the premium paid', () => {
  const c: FxOption = { ...call, notionalMinor: 100_000_00, strike: 7.1, premiumMinor: 5_000_00 };
  assert.deepEqual(optionPayoff(c, 7.3), { isExercised: true, payoffMinor: 20_000_00, netMinor: 15_000_00 });
  assert.deepEqual(optionPayoff(c, 7.0), { isExercised: false, payoffMinor: 0, netMinor: -5_000_00 });
  // The put at 7.10 against its 7.20 strike: 100,000 × 0.10 = CNY 10,000, 2,000 after the premium.
  assert.deepEqual(optionPayoff(put, 7.1), { isExercised: true, payoffMinor: 10_000_00, netMinor: 2_000_00 });
  assert.deepEqual(optionLegs(put, 7.1), [
    { currency: 'USD', amountMinor: -100_000_00 },
    { currency: 'CNY', amountMinor: 720_000_00 },
  ]);
  assert.deepEqual(optionLegs(call, 7.1), []);
});

test('options in the exposure: exercised legs beside the forwards, pay-off revalued, shock by pay-off', () => {
  const expired: FxOption = { ...put, id: 'O3', expiresOn: '2026-12-07' };
  const r = computeFxExposure({
    asOf: '2026-12-07',
    baseCurrency: 'CNY',
    fx,
    balances: [],
    openInvoices: [],
    openBills: [],
    forwards: [],
    options: [put, call, expired],
    shockPct: 10,
    limits: new Map(),
  });
  const usd = r.currencies.find((c) => c.currency === 'USD');
  assert.ok(usd);
  // Only the put is in the money today: it sells USD 100,000 (CNY 710,000 at 7.10).
  assert.equal(usd.amounts.forwardsMinor, -100_000_00);
  assert.equal(usd.base.forwardsMinor, -710_000_00);
  assert.equal(usd.base.netMinor, -710_000_00);
  // Worth its intrinsic CNY 10,000 today.
  assert.equal(usd.revaluation.forwardsMinor, 10_000_00);
  // +10 % (7.81): the put lapses (−10,000, not −71,000), the call pays 50,000 × 0.51 = 25,500 → +15,500.
  assert.equal(usd.shock.up.forwardsMinor, 15_500_00);
  assert.equal(usd.shock.up.netMinor, 15_500_00);
  // −10 % (6.39): the put pays 100,000 × 0.81 = 81,000, 71,000 more than today; the call stays out.
  assert.equal(usd.shock.down.forwardsMinor, 71_000_00);
  assert.equal(r.total.shockDown.netMinor, 71_000_00);
});

test('without options the exposure is as before (no shock adjustment)', () => {
  const r = computeFxExposure({
    asOf: '2026-12-07',
    baseCurrency: 'CNY',
    fx,
    balances: [{ currency: 'USD', amountMinor: 10_000_00 }],
    openInvoices: [],
    openBills: [],
    forwards: [],
    shockPct: 10,
    limits: new Map(),
  });
  assert.equal(r.currencies[0]?.shock.up.netMinor, 7_100_00);
  assert.equal(r.currencies[0]?.shock.down.forwardsMinor, 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { computeFxExposure, type FxExposureInput } from './exposure.js';
import type { FxForward } from './forward.js';
import { forwardLegs } from './forward.js';
import { computeExposureByWeek } from './weekly.js';

// An exporter in CNY on 2026-12-07: USD rose from 7.00 (November) to 7.10, EUR from 7.60 to 7.80.
const fx = new FxTable([
  { on: '2026-11-01', base: 'USD', quote: 'CNY', rate: 7.0 },
  { on: '2026-12-01', base: 'USD', quote: 'CNY', rate: 7.1 },
  { on: '2026-11-01', base: 'EUR', quote: 'CNY', rate: 7.6 },
  { on: '2026-12-01', base: 'EUR', quote: 'CNY', rate: 7.8 },
]);
const sellUsd: FxForward = {
  id: 'F1',
  tradeOn: '2026-11-20',
  valueOn: '2026-12-31',
  direction: 'sell',
  currency: 'USD',
  amountMinor: 50_000_00,
  counterCurrency: 'CNY',
  rate: 7.05,
  counterparty: 'Bank of China',
};
const input: FxExposureInput = {
  asOf: '2026-12-07',
  baseCurrency: 'CNY',
  fx,
  balances: [
    { currency: 'USD', amountMinor: 20_000_00 },
    { currency: 'EUR', amountMinor: 5_000_00 },
    { currency: 'CNY', amountMinor: 1_000_000_00 },
  ],
  openInvoices: [{ currency: 'USD', openMinor: 100_000_00, issuedOn: '2026-11-10' }],
  openBills: [{ currency: 'USD', openMinor: 30_000_00, issuedOn: '2026-11-15' }],
  forwards: [sellUsd],
  shockPct: 10,
  limits: new Map([['USD', 142_000_00]]),
};

test('a sell forward pays the currency and receives the counter amount at the contract rate', () => {
  assert.deepEqual(forwardLegs(sellUsd), [
    { currency: 'USD', amountMinor: -50_000_00 },
    { currency: 'CNY', amountMinor: 352_500_00 },
  ]);
});

test('exposure per currency: cash, receivables, payables and forwards, in the currency and at the as-of rate', () => {
  const r = computeFxExposure(input);
  assert.deepEqual(
    r.currencies.map((c) => c.currency),
    ['EUR', 'USD'],
  );
  const usd = r.currencies[1];
  assert.ok(usd);
  assert.equal(usd.rate, 7.1);
  assert.deepEqual(usd.amounts, {
    cashMinor: 20_000_00,
    receivablesMinor: 100_000_00,
    payablesMinor: 30_000_00,
    forwardsMinor: -50_000_00,
    grossMinor: 90_000_00,
    netMinor: 40_000_00,
  });
  assert.deepEqual(usd.base, {
    cashMinor: 142_000_00,
    receivablesMinor: 710_000_00,
    payablesMinor: 213_000_00,
    forwardsMinor: -355_000_00,
    grossMinor: 639_000_00,
    netMinor: 284_000_00,
  });
  assert.equal(r.currencies[0]?.base.netMinor, 39_000_00);
  assert.equal(r.total.base.netMinor, 323_000_00);
});

test('revaluation at today’s rate: receivables gain, payables lose, the forward against its contract rate', () => {
  const usd = computeFxExposure(input).currencies.find((c) => c.currency === 'USD');
  // AR 100,000 booked at 7.00, now 7.10: +10,000; AP 30,000: −3,000; forward sold at 7.05: −2,500.
  assert.deepEqual(usd?.revaluation, {
    receivablesMinor: 10_000_00,
    payablesMinor: -3_000_00,
    forwardsMinor: -2_500_00,
    totalMinor: 4_500_00,
  });
});

test('a ±10 % shock moves cash, receivables, payables and forwards alike', () => {
  const r = computeFxExposure(input);
  const usd = r.currencies.find((c) => c.currency === 'USD');
  assert.deepEqual(usd?.shock.up, {
    cashMinor: 14_200_00,
    receivablesMinor: 71_000_00,
    payablesMinor: 21_300_00,
    forwardsMinor: -35_500_00,
    grossMinor: 63_900_00,
    netMinor: 28_400_00,
  });
  assert.equal(usd?.shock.down.netMinor, -28_400_00);
  assert.equal(usd?.shock.down.payablesMinor, -21_300_00);
  assert.equal(r.total.shockUp.netMinor, 28_400_00 + 3_900_00);
  assert.equal(r.total.shockDown.netMinor, -(28_400_00 + 3_900_00));
});

test('the hedge needed brings the net exposure to the limit, and booking it clears the excess', () => {
  const usd = computeFxExposure(input).currencies.find((c) => c.currency === 'USD');
  assert.equal(usd?.isOverLimit, true);
  assert.deepEqual(usd?.hedge, {
    direction: 'sell',
    amountMinor: 20_000_00,
    baseMinor: 142_000_00,
    netAfterMinor: 142_000_00,
  });
  const hedged = computeFxExposure({
    ...input,
    forwards: [
      ...input.forwards,
      { ...sellUsd, id: 'F2', tradeOn: '2026-12-07', amountMinor: usd?.hedge?.amountMinor ?? 0, rate: 7.1 },
    ],
  }).currencies.find((c) => c.currency === 'USD');
  assert.equal(hedged?.base.netMinor, 142_000_00);
  assert.equal(hedged?.isOverLimit, false);
  assert.equal(hedged?.hedge, null);
  const eur = computeFxExposure(input).currencies.find((c) => c.currency === 'EUR');
  assert.equal(eur?.limitMinor, null);
  assert.equal(eur?.hedge, null);
});

test('a short position needs a buy forward, rounded up to the next minor unit', () => {
  const r = computeFxExposure({
    ...input,
    balances: [],
    openInvoices: [],
    forwards: [],
    openBills: [{ currency: 'USD', openMinor: 30_000_00, issuedOn: '2026-12-01' }],
    limits: new Map([['USD', 100_000_00]]),
  });
  const usd = r.currencies[0];
  // Net −213,000.00 CNY; excess 113,000.00 CNY = USD 15,915.4929… → 15,915.50.
  assert.deepEqual(usd?.hedge, {
    direction: 'buy',
    amountMinor: 15_915_50,
    baseMinor: 113_000_05,
    netAfterMinor: -99_999_95,
  });
});

test('a currency without a rate is left out and named; a forward already settled is not exposure', () => {
  const r = computeFxExposure({
    ...input,
    balances: [{ currency: 'GBP', amountMinor: 1_000_00 }],
    forwards: [{ ...sellUsd, valueOn: '2026-12-07' }],
  });
  assert.deepEqual(r.missingRates, ['GBP']);
  assert.deepEqual(
    r.currencies.map((c) => c.currency),
    ['USD'],
  );
  assert.equal(r.currencies[0]?.amounts.forwardsMinor, 0);
});

test('week by week: forecast flows add to the exposure, a forward settling moves cash but not the net', () => {
  const now = computeFxExposure(input);
  const weeks = [
    { startOn: '2026-12-07', endOn: '2026-12-13' },
    { startOn: '2026-12-14', endOn: '2026-12-20' },
    { startOn: '2026-12-21', endOn: '2026-12-27' },
    { startOn: '2026-12-28', endOn: '2027-01-03' },
  ];
  const byWeek = computeExposureByWeek(now, {
    weeks,
    flows: [
      { on: '2026-12-16', currency: 'USD', amountMinor: 8_000_00 },
      { on: '2026-12-23', currency: 'USD', amountMinor: -3_000_00 },
    ],
    forwards: input.forwards,
    limits: input.limits,
  });
  const usd = byWeek.find((c) => c.currency === 'USD');
  assert.deepEqual(
    usd?.weeks.map((w) => [w.inflowsMinor, w.outflowsMinor, w.forwardsMinor, w.netMinor]),
    [
      [0, 0, -50_000_00, 40_000_00],
      [8_000_00, 0, -50_000_00, 48_000_00],
      [0, 3_000_00, -50_000_00, 45_000_00],
      [0, 50_000_00, 0, 45_000_00],
    ],
  );
  assert.deepEqual(
    usd?.weeks.map((w) => w.isOverLimit),
    [true, true, true, true],
  );
  assert.equal(usd?.weeks[1]?.netBaseMinor, 340_800_00);
  const eur = byWeek.find((c) => c.currency === 'EUR');
  assert.deepEqual(
    eur?.weeks.map((w) => [w.netMinor, w.isOverLimit]),
    weeks.map(() => [5_000_00, false]),
  );
});

test('the first week starts from today’s net exactly as revalued item by item', () => {
  const now = computeFxExposure({
    ...input,
    balances: [],
    forwards: [],
    openBills: [],
    // Three lines of 0.03 USD at 7.15: 0.21 CNY each item by item, 0.64 for the sum converted at once.
    fx: new FxTable([{ on: '2026-12-01', base: 'USD', quote: 'CNY', rate: 7.15 }]),
    openInvoices: [1, 2, 3].map(() => ({ currency: 'USD', openMinor: 3, issuedOn: '2026-12-01' })),
  });
  assert.equal(now.currencies[0]?.base.netMinor, 63);
  const [usd] = computeExposureByWeek(now, {
    weeks: [{ startOn: '2026-12-07', endOn: '2026-12-13' }],
    flows: [],
    forwards: [],
    limits: new Map(),
  });
  assert.equal(usd?.weeks[0]?.netBaseMinor, 63);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFxExposure } from '../fx/index.js';
import { FxTable } from '../money/index.js';
import { evaluateAlerts } from './evaluate.js';
import { DEFAULT_ALERT_SETTINGS } from './settings.js';
import { alertInput } from './test-support.js';
import type { FxLimitFacts } from './types.js';

// A CNY exporter holds USD 50,000 cash and is owed USD 150,000 (booked at 7.10, today 7.10):
// net long USD 200,000 = CNY 1,420,000 against a limit of CNY 710,000; EUR 10,000 (CNY 78,000)
// has a limit of CNY 100,000 and stays within it; GBP has no limit.
const fx = new FxTable([
  { on: '2026-12-01', base: 'USD', quote: 'CNY', rate: 7.1 },
  { on: '2026-12-01', base: 'EUR', quote: 'CNY', rate: 7.8 },
  { on: '2026-12-01', base: 'GBP', quote: 'CNY', rate: 9.0 },
]);
const exposure = computeFxExposure({
  asOf: '2026-12-08',
  baseCurrency: 'CNY',
  fx,
  balances: [
    { currency: 'USD', amountMinor: 50_000_00 },
    { currency: 'EUR', amountMinor: 10_000_00 },
    { currency: 'GBP', amountMinor: 1_000_000_00 },
  ],
  openInvoices: [{ currency: 'USD', openMinor: 150_000_00, issuedOn: '2026-12-02' }],
  openBills: [],
  forwards: [],
  shockPct: 10,
  limits: new Map([
    ['USD', 710_000_00],
    ['EUR', 100_000_00],
  ]),
});
const facts: FxLimitFacts[] = exposure.currencies.map((c) => ({
  currency: c.currency,
  netMinor: c.base.netMinor,
  limitMinor: c.limitMinor,
  hedge: c.hedge,
}));

test('unhedged USD exposure over the limit is a warning naming the excess and the forward that fixes it', () => {
  const alerts = evaluateAlerts(alertInput([], [], { fx: facts }), DEFAULT_ALERT_SETTINGS);
  assert.equal(alerts.length, 1);
  const a = alerts[0];
  assert.equal(a?.rule, 'fx_over_limit');
  assert.equal(a?.level, 'warning');
  assert.equal(a?.key, 'fx_over_limit:USD');
  assert.equal(a?.customerId, null);
  assert.equal(a?.reason.code, 'ALERT_REASON_FX_OVER_LIMIT');
  assert.equal(a?.action.code, 'ALERT_ACTION_FX_OVER_LIMIT');
  assert.deepEqual(a?.evidence.data, {
    fxCurrency: 'USD',
    position: 'long',
    netMinor: 1_420_000_00,
    limitMinor: 710_000_00,
    overMinor: 710_000_00,
    direction: 'sell',
    hedgeAmountMinor: 100_000_00,
    hedgeBaseMinor: 710_000_00,
  });
  assert.deepEqual(a?.evidence.links, [{ kind: 'fx', id: 'USD', label: 'USD' }]);
});

test('a short position over the limit proposes buying; within the limit or without one, nothing fires', () => {
  const short: FxLimitFacts = {
    currency: 'USD',
    netMinor: -800_000_00,
    limitMinor: 710_000_00,
    hedge: { direction: 'buy', amountMinor: 12_676_06, baseMinor: 90_000_03 },
  };
  const [a] = evaluateAlerts(alertInput([], [], { fx: [short] }), DEFAULT_ALERT_SETTINGS);
  assert.equal(a?.evidence.data.position, 'short');
  assert.equal(a?.evidence.data.direction, 'buy');
  assert.equal(a?.evidence.data.overMinor, 90_000_00);
  const within: FxLimitFacts = { currency: 'USD', netMinor: 710_000_00, limitMinor: 710_000_00, hedge: null };
  const noLimit: FxLimitFacts = { currency: 'GBP', netMinor: 9_000_000_00, limitMinor: null, hedge: null };
  assert.deepEqual(evaluateAlerts(alertInput([], [], { fx: [within, noLimit] }), DEFAULT_ALERT_SETTINGS), []);
});

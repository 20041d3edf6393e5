import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FxForward } from '../fx/index.js';
import { FxTable } from '../money/index.js';
import { runForecastEngine } from './engine.js';
import { BASE_SCENARIO } from './scenarios.js';
import { emptyForecastInput, scenarioOf } from './testing.js';

const fx = new FxTable([{ on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7.2 }]);
const forward: FxForward = {
  id: 'FWD-1',
  tradeOn: '2026-02-10',
  valueOn: '2026-03-18',
  direction: 'sell',
  currency: 'USD',
  amountMinor: 10_000_00,
  counterCurrency: 'CNY',
  rate: 7.1,
  counterparty: 'Bank of China',
};

test('a forward settles on its value date: the currency bought received, the currency sold paid, with its reason', () => {
  const settled = { ...forward, id: 'FWD-0', valueOn: '2026-03-02' };
  const r = runForecastEngine(emptyForecastInput('2026-03-04', { fx, forwards: [forward, settled] }), [
    { name: 'base', params: BASE_SCENARIO },
  ]);
  assert.ok(r.ok);
  const periods = scenarioOf(r.value, 'base').periods;
  // 2026-03-18 is in the third week starting Monday 2026-03-02.
  const week = periods[2];
  const receipt = week?.lines.find((l) => l.key === 'fx_forward' && l.direction === 'receipt');
  const payment = week?.lines.find((l) => l.key === 'fx_forward' && l.direction === 'disbursement');
  // Receive CNY 71,000.00 at the contract rate; pay USD 10,000.00, worth CNY 72,000.00 at 7.2.
  assert.equal(receipt?.totalMinor, 71_000_00);
  assert.equal(payment?.totalMinor, 72_000_00);
  assert.deepEqual(
    receipt?.sources.map((s) => [s.id, s.currency, s.originalMinor, s.placedOn, s.reason]),
    [['FWD-1', 'CNY', 71_000_00, '2026-03-18', 'FX_FORWARD_RECEIVED']],
  );
  assert.deepEqual(
    payment?.sources.map((s) => [s.id, s.currency, s.originalMinor, s.reason, s.reasonData?.counterparty]),
    [['FWD-1', 'USD', 10_000_00, 'FX_FORWARD_PAID', 'Bank of China']],
  );
  // The forward valued before the as-of date has settled already: it is in no period.
  const ids = periods.flatMap((p) => p.lines.flatMap((l) => l.sources.map((s) => s.id)));
  assert.equal(ids.includes('FWD-0'), false);
});

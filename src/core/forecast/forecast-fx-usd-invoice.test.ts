import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import { runForecastEngine } from './engine.js';
import { BASE_SCENARIO } from './scenarios.js';
import { emptyForecastInput, scenarioOf, testInvoice } from './testing.js';

const fx = new FxTable([{ on: '2026-03-01', base: 'USD', quote: 'CNY', rate: 7.1 }]);
const usd = testInvoice('U1', { currency: 'USD', openMinor: 10_000_00, dueOn: '2026-03-20' });

test('a USD invoice is converted at the as-of rate, and an FX-shift scenario moves it', () => {
  const r = runForecastEngine(emptyForecastInput('2026-03-04', { fx, invoices: [usd] }), [
    { name: 'base', params: BASE_SCENARIO },
    { name: 'cny-strong', params: { ...BASE_SCENARIO, fxShift: -0.05 } },
  ]);
  assert.ok(r.ok);
  const week = (name: string) => scenarioOf(r.value, name).periods[2]?.lines.find((l) => l.key === 'invoices');
  assert.equal(week('base')?.totalMinor, 71_000_00);
  assert.equal(week('cny-strong')?.totalMinor, 67_450_00);
  assert.deepEqual(
    { currency: week('base')?.sources[0]?.currency, original: week('base')?.sources[0]?.originalMinor },
    { currency: 'USD', original: 10_000_00 },
  );
});

test('an invoice in a currency without a rate is excluded and reported', () => {
  const r = runForecastEngine(
    emptyForecastInput('2026-03-04', { fx, invoices: [usd, testInvoice('E1', { currency: 'EUR' })] }),
    [{ name: 'base', params: BASE_SCENARIO }],
  );
  assert.ok(r.ok);
  assert.deepEqual(r.value.missingRates, ['EUR']);
  assert.equal(scenarioOf(r.value, 'base').excluded[0]?.reason, 'FX_RATE_MISSING');
});

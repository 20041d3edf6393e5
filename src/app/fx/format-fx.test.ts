import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeExposureByWeek, computeFxExposure, type FxForward } from '../../core/fx/index.js';
import { FxTable } from '../../core/money/index.js';
import { formatFxReport } from './format-fx.js';

const forward: FxForward = {
  id: 'F1',
  tradeOn: '2026-11-20',
  valueOn: '2026-12-31',
  direction: 'sell',
  currency: 'USD',
  amountMinor: 10_000_00,
  counterCurrency: 'CNY',
  rate: 7.05,
  counterparty: '中国银行',
};
const exposure = computeFxExposure({
  asOf: '2026-12-07',
  baseCurrency: 'CNY',
  fx: new FxTable([{ on: '2026-12-01', base: 'USD', quote: 'CNY', rate: 7.1 }]),
  balances: [
    { currency: 'USD', amountMinor: 50_000_00 },
    { currency: 'GBP', amountMinor: 1_00 },
  ],
  openInvoices: [],
  openBills: [],
  forwards: [forward],
  shockPct: 5,
  limits: new Map([['USD', 142_000_00]]),
});
const report = {
  exposure,
  byWeek: computeExposureByWeek(exposure, {
    weeks: [{ startOn: '2026-12-07', endOn: '2026-12-13' }],
    flows: [],
    forwards: [forward],
    limits: new Map([['USD', 142_000_00]]),
  }),
  forwards: [forward],
};

test('the currency report in words, in English and in Chinese: hedge, forwards, weeks and missing rates', () => {
  const en = formatFxReport(report, 'en');
  // Net USD 40,000.00 = 284,000.00 CNY against a 142,000.00 limit: sell USD 20,000.00 forward.
  assert.match(en, /shock ±5 %/);
  assert.match(en, /284,000\.00/);
  assert.match(en, /sell 20,000\.00 USD forward/);
  assert.match(en, /2026-12-31 {2}sell 10,000\.00 USD at 7\.05 CNY per USD with 中国银行/);
  assert.match(en, /over the limit/);
  assert.match(en, /no exchange rate on 2026-12-07: GBP/);
  const zh = formatFxReport(report, 'zh-CN');
  assert.match(zh, /远期卖出 20,000\.00 USD（远期结汇）/);
  assert.match(zh, /超出限额/);
  assert.match(zh, /缺少汇率，未计入：GBP/);
});

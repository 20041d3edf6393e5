import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordAlert } from './format.js';

test('codes in an alert’s data read as words; amounts are formatted', () => {
  const cei = {
    code: 'METRIC_CEI_LOW',
    data: { value: 60.27, threshold: 80, monthEnd: '2026-03-31', ceiBasis: 'trailing12', basis: null },
  };
  assert.equal(wordAlert(cei, 'zh-CN', 'CNY').includes('trailing12'), false);
  assert.match(wordAlert(cei, 'en', 'CNY'), /12 months to the month end/);
  const legal = {
    code: 'ALERT_REASON_LEGAL_EVENT',
    data: { name: 'A', on: '2026-11-22', type: 'enforcement', source: 'x', amountMinor: 100, eventCurrency: 'CNY' },
  };
  assert.match(wordAlert(legal, 'en', 'CNY'), /enforcement debtor/);
  const over = {
    code: 'ALERT_REASON_OVER_LIMIT',
    data: { name: 'B', exposureMinor: 38_790_048, limitMinor: 35_000_000, overMinor: 3_790_048 },
  };
  assert.match(wordAlert(over, 'en', 'CNY'), /387,900\.48.+350,000\.00.+37,900\.48/);
  const scenario = {
    code: 'ALERT_REASON_BUFFER_BREACH',
    data: { scenario: 'pessimistic', startOn: '2027-01-04', closingMinor: 1, bufferMinor: 2 },
  };
  assert.match(wordAlert(scenario, 'zh-CN', 'CNY'), /悲观情景/);
});

test('the currency alert reads its hedge in the foreign currency and the rest in the base currency', () => {
  const data = {
    fxCurrency: 'USD',
    position: 'long',
    netMinor: 1_420_000_00,
    limitMinor: 710_000_00,
    overMinor: 710_000_00,
    direction: 'sell',
    hedgeAmountMinor: 100_000_00,
    hedgeBaseMinor: 710_000_00,
  };
  assert.equal(
    wordAlert({ code: 'ALERT_REASON_FX_OVER_LIMIT', data }, 'en', 'CNY'),
    'Unhedged USD exposure is 1,420,000.00 CNY long (owed or held), 710,000.00 CNY above your limit of 710,000.00 CNY.',
  );
  assert.match(wordAlert({ code: 'ALERT_ACTION_FX_OVER_LIMIT', data }, 'en', 'CNY'), /sell 100,000\.00 USD/);
  assert.match(wordAlert({ code: 'ALERT_ACTION_FX_OVER_LIMIT', data }, 'zh-CN', 'CNY'), /远期卖出/);
});

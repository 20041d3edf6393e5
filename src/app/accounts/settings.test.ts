import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Organisation } from '../../core/model/index.js';
import { checkSettings } from './settings.js';

const org: Organisation = {
  id: 'o',
  name: 'O',
  baseCurrency: 'CNY',
  weekStart: 1,
  fiscalYearStartMonth: 1,
  locale: 'zh-CN',
  settings: {},
} as Organisation;

const code = (settings: unknown) => {
  const r = checkSettings(org, settings as Record<string, unknown>);
  return r.ok ? 'OK' : `${r.error.code} ${String(r.error.details.field ?? '')}`;
};

test('inherited property names parsed from JSON are unknown keys or wrong values, at every depth', () => {
  assert.equal(code(JSON.parse('{"__proto__":{"credit.risk":{}}}')), 'UNKNOWN_FIELD settings.__proto__');
  assert.equal(code({ constructor: 1 }), 'UNKNOWN_FIELD settings.constructor');
  assert.equal(
    code(JSON.parse('{"credit.scorecard":{"legalDeductions":{"__proto__":5}}}')),
    'INVALID_SETTING settings.credit.scorecard.legalDeductions.__proto__',
  );
  assert.equal(
    code({ 'credit.reviews': { cadenceMonths: null } }),
    'INVALID_SETTING settings.credit.reviews.cadenceMonths',
  );
  assert.equal(
    code({ 'credit.limits': { capacity: { A: { tnw: 0.1 } } } }),
    'INVALID_SETTING settings.credit.limits.capacity.A.wc',
  );
  assert.equal(code({ 'credit.risk': { toString: 1 } }), 'INVALID_SETTING settings.credit.risk.toString');
  assert.equal(code({ 'credit.risk': { recoveryShare: 2 } }), 'INVALID_SETTING credit.risk.recoveryShare');
  assert.equal(
    code({
      'forecast.oneOffs': [
        { id: 'a', name: 'x', direction: 'inflow', currency: 'CNY', amountMinor: 1, on: '2026-04-01', valueOf: 1 },
      ],
    }),
    'INVALID_SETTING settings.forecast.oneOffs.0.valueOf',
  );
  assert.equal(
    code({ 'credit.holds': { overrideValidDays: 0 } }),
    'VALIDATION_FAILED settings.credit.holds.overrideValidDays',
  );
  assert.equal(code({ 'forecast.calendar': 'toString' }), 'INVALID_SETTING settings.forecast.calendar');
  assert.equal(code({ 'forecast.receiptSlices': 0 }), 'INVALID_SETTING settings.forecast.receiptSlices');
  assert.equal(code({ 'forecast.receiptSlices': 21 }), 'INVALID_SETTING settings.forecast.receiptSlices');
  assert.equal(code({ 'forecast.receiptSlices': 1.5 }), 'INVALID_SETTING settings.forecast.receiptSlices');
});

test('settings of the right shape pass, tables merged key by key given in part', () => {
  assert.equal(
    code({
      'credit.scorecard': { weights: { payment: 0.5 }, industryAdjustments: { retail: 5 } },
      'credit.limits': { capacity: { A: { tnw: 0.3, wc: 0.3, sales: 0.1 } } },
      'credit.holds': { overrideValidDays: 3 },
      'forecast.minCash': { mode: 'amount', amountMinor: 0 },
      'forecast.receiptSlices': 1,
      demo: { seed: 1, asOf: '2026-03-31', nameEn: 'Demo' },
    }),
    'OK',
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FinancialStatement } from '../../model/index.js';
import { scoreFinancials } from './financial-pillar.js';
import { DEFAULT_SCORECARD_SETTINGS as S } from './settings.js';

const statement: FinancialStatement = {
  customerId: 'C1',
  periodEnd: '2025-12-31',
  currency: 'CNY',
  revenue: 1500,
  ebit: 100,
  netIncome: 75,
  totalAssets: 1000,
  currentAssets: 400,
  currentLiabilities: 500,
  totalLiabilities: 500,
  retainedEarnings: 200,
  bookEquity: 500,
  inventory: 100,
  receivables: 150,
  cash: 50,
  marketValueEquity: null,
  source: null,
};
const asOf = '2026-11-25';

test('a wholesaler: Z″ 1.718 → 44.72, blended 50/50 with model score 40, current ratio 0.8 costs 10', () => {
  // Z″ = 6.56·(−0.1) + 3.26·0.2 + 6.72·0.1 + 1.05·1 = 1.718; 20 + (1.718 − 1.1)·60/1.5 = 44.72
  const r = scoreFinancials(
    { statement, industry: 'wholesale', distress: { score: 40, pd: 0.2, reasons: ['LOW_EBIT_TA(0.1)'] } },
    asOf,
    S,
  );
  assert.ok(r.ok);
  assert.ok(Math.abs(r.result.score - ((44.72 + 40) / 2 - 10)) < 1e-9);
  assert.deepEqual(
    r.result.reasons.map((x) => x.code),
    ['CS_ALTMAN', 'CS_DISTRESS_MODEL', 'CS_CURRENT_RATIO_LOW'],
  );
  assert.deepEqual(r.result.reasons[2]?.data, { ratio: 0.8 });
  assert.equal(r.result.reasons[0]?.data.zone, 'grey');
});

test('a manufacturer uses Z′ and, without the model, the Altman score alone', () => {
  // Z′ = 0.717·(−0.1) + 0.847·0.2 + 3.107·0.1 + 0.42·1 + 0.998·1.5 = 2.3260; 20 + (2.326 − 1.23)·60/1.67
  const r = scoreFinancials({ statement, industry: 'manufacturing', distress: null }, asOf, S);
  assert.ok(r.ok);
  const z = -0.0717 + 0.1694 + 0.3107 + 0.42 + 1.497;
  assert.ok(Math.abs(r.result.score - (20 + ((z - 1.23) * 60) / 1.67 - 10)) < 1e-9);
  assert.ok(r.result.reasons.some((x) => x.code === 'CS_DISTRESS_MODEL_UNAVAILABLE'));
});

test('strong liquidity and low leverage add 5 each; high leverage costs 10', () => {
  const strong = { ...statement, currentAssets: 600, currentLiabilities: 300, totalLiabilities: 400, bookEquity: 600 };
  const r = scoreFinancials({ statement: strong, industry: 'wholesale', distress: null }, asOf, S);
  assert.ok(r.ok);
  assert.deepEqual(
    r.result.reasons.slice(-2).map((x) => x.code),
    ['CS_CURRENT_RATIO_STRONG', 'CS_LEVERAGE_LOW'],
  );
  assert.equal(r.result.inputs.modifiers, 10);
  const weak = { ...statement, totalLiabilities: 900, bookEquity: 100, currentLiabilities: 450 };
  const w = scoreFinancials({ statement: weak, industry: 'wholesale', distress: null }, asOf, S);
  assert.ok(w.ok && w.result.reasons.some((x) => x.code === 'CS_LEVERAGE_HIGH'));
});

test('no statement, a stale one, or one with nothing computable: the pillar is missing', () => {
  const none = scoreFinancials({ statement: null, industry: null, distress: null }, asOf, S);
  assert.ok(!none.ok && none.missing.reason.code === 'CS_PILLAR_MISSING_FINANCIALS');
  const stale = scoreFinancials(
    { statement: { ...statement, periodEnd: '2024-12-31' }, industry: null, distress: null },
    asOf,
    S,
  );
  assert.ok(!stale.ok && stale.missing.reason.data.statement === 'stale');
  const empty = scoreFinancials(
    { statement: { ...statement, totalAssets: null }, industry: null, distress: null },
    asOf,
    S,
  );
  assert.ok(!empty.ok && empty.missing.reason.data.statement === 'incomplete');
});

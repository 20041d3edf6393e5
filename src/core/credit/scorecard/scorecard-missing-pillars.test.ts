import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdForScore } from './pd.js';
import { scoreCustomer } from './scorecard.js';
import { DEFAULT_SCORECARD_SETTINGS as S } from './settings.js';
import { cleanInput } from './test-support.js';

const asOf = '2026-11-25';

test('payment and industry only: weights 0.35/0.45 and 0.10/0.45, each missing pillar named', () => {
  const r = scoreCustomer(cleanInput({ legal: { events: [], checkedOn: null } }), asOf, S);
  // (0.35·80 + 0.10·60) / 0.45 = 75.556 → PD 1/(1 + e^(−1.74 + 0.078·75.556)) = 1.55% → C
  assert.equal(r.status, 'scored');
  assert.equal(r.score, 75.6);
  assert.ok(Math.abs((r.weights.payment ?? 0) - 0.35 / 0.45) < 1e-12);
  assert.ok(Math.abs((r.weights.industry ?? 0) - 0.1 / 0.45) < 1e-12);
  assert.equal(r.weights.financials, undefined);
  assert.ok(Math.abs((r.pd ?? 0) - pdForScore(34 / 0.45)) < 1e-5);
  assert.equal(r.grade, 'C');
  const codes = r.reasons.map((x) => x.code);
  for (const c of [
    'CS_PILLAR_MISSING_EXTERNAL',
    'CS_PILLAR_MISSING_FINANCIALS',
    'CS_PILLAR_MISSING_LEGAL',
    'CS_WEIGHTS_RENORMALISED',
    'CS_CALIBRATION_DEFAULT',
  ])
    assert.ok(codes.includes(c), c);
});

test('industry alone is fewer than 2 pillars: insufficient data, no score or grade', () => {
  const r = scoreCustomer(cleanInput({ payment: null, legal: { events: [], checkedOn: null } }), asOf, S);
  assert.equal(r.status, 'insufficient_data');
  assert.equal(r.grade, null);
  assert.equal(r.pd, null);
  assert.equal(r.drivers[0]?.code, 'CS_INSUFFICIENT_DATA');
});

test('the top three negative drivers are ranked by weight × impact', () => {
  const r = scoreCustomer(
    cleanInput({
      industry: 'construction',
      payment: {
        dbtCount: 20,
        weightedDbt: 38,
        shrunkWeightedDbt: 38,
        onTimeShare: 0.1,
        trend: { recentDbt: 50, recentCount: 5, priorDbt: 30, priorCount: 10, change: 20 },
      },
      ratings: [{ customerId: 'C1', agency: 'creditsafe', value: '45', ratedOn: '2026-10-01' }],
    }),
    asOf,
    S,
  );
  // payment: 0.35/0.6·(47.3 − 80) = −19.1; external: 0.15/0.6·(45 − 70) = −6.25; trend 0.35/0.6·−5 = −2.9; industry 0.1/0.6·−10 = −1.7
  assert.deepEqual(
    r.drivers.map((d) => d.code),
    ['CS_PAYS_LATE', 'CS_EXTERNAL_RATING', 'CS_TREND_WORSE'],
  );
});

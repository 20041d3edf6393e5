import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paydexScore, scorePayment } from './payment-pillar.js';
import { DEFAULT_SCORECARD_SETTINGS as S } from './settings.js';

const noTrend = { recentDbt: null, recentCount: 0, priorDbt: null, priorCount: 0, change: null };

test('the PAYDEX anchors: 0 → 80, 15 → 70, 22 → 60, 30 → 50, 60 → 40, 90 → 30, 120 → 20, beyond → 10', () => {
  const pairs: [number, number][] = [
    [0, 80],
    [15, 70],
    [22, 60],
    [30, 50],
    [60, 40],
    [90, 30],
    [120, 20],
    [121, 10],
    [400, 10],
  ];
  for (const [dbt, score] of pairs) assert.equal(paydexScore(dbt, S), score, `dbt ${dbt}`);
  // Linear between anchors: 26 days is halfway from 22 → 60 to 30 → 50.
  assert.equal(paydexScore(26, S), 55);
  assert.ok(Math.abs(paydexScore(45, S) - 45) < 1e-9); // 50 − 10·15/30
});

test('early payment: min(100, 80 + 0.667·daysEarly); 30 days early ≈ PAYDEX 100, 20 days ≈ 90', () => {
  assert.ok(Math.abs(paydexScore(-20, S) - 93.34) < 1e-9);
  assert.ok(Math.abs(paydexScore(-15, S) - 90.005) < 1e-9);
  assert.equal(paydexScore(-40, S), 100);
});

test('38 days late on average and 15 days worse than the prior window: 47.3 − 5, with both reasons', () => {
  const r = scorePayment(
    {
      dbtCount: 12,
      weightedDbt: 40,
      shrunkWeightedDbt: 38,
      onTimeShare: 0.2,
      trend: { recentDbt: 45, recentCount: 4, priorDbt: 30, priorCount: 8, change: 15 },
    },
    S,
  );
  assert.ok(r.ok);
  // 50 − 10·(38 − 30)/30 = 47.333…, minus the 5-point trend modifier.
  assert.ok(Math.abs(r.result.score - (50 - 80 / 30 - 5)) < 1e-9);
  assert.deepEqual(
    r.result.reasons.map((x) => x.code),
    ['CS_PAYS_LATE', 'CS_TREND_WORSE'],
  );
  assert.deepEqual(r.result.reasons[0]?.data, { days: 38 });
  assert.deepEqual(r.result.reasons[1]?.data, { change: 15, recent: 45, prior: 30 });
});

test('an improving trend adds 5; a trend on too few invoices is ignored', () => {
  const better = scorePayment(
    {
      dbtCount: 10,
      weightedDbt: 10,
      shrunkWeightedDbt: 15,
      onTimeShare: 0.5,
      trend: { recentDbt: 5, recentCount: 3, priorDbt: 20, priorCount: 6, change: -15 },
    },
    S,
  );
  assert.ok(better.ok && better.result.score === 75 && better.result.reasons[1]?.code === 'CS_TREND_BETTER');
  const thin = scorePayment(
    {
      dbtCount: 10,
      weightedDbt: 10,
      shrunkWeightedDbt: 15,
      onTimeShare: 0.5,
      trend: { recentDbt: 50, recentCount: 1, priorDbt: 10, priorCount: 6, change: 40 },
    },
    S,
  );
  assert.ok(thin.ok && thin.result.score === 70 && thin.result.reasons.length === 1);
});

test('no settled invoice in the window: the pillar is missing, not zero', () => {
  const r = scorePayment(
    { dbtCount: 0, weightedDbt: null, shrunkWeightedDbt: 3, onTimeShare: null, trend: noTrend },
    S,
  );
  assert.ok(!r.ok);
  assert.equal(r.missing.reason.code, 'CS_PILLAR_MISSING_PAYMENT');
});

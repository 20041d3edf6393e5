import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recommendLimit } from './credit-limit.js';
import { DEFAULT_LIMIT_SETTINGS as S } from './settings.js';
import { limitInput } from './test-support.js';

const weaker = {
  bookEquity: 500_000_000,
  intangibles: 100_000_000,
  currentAssets: 700_000_000,
  currentLiabilities: 400_000_000,
  revenue: 1_000_000_000,
};

test('capacity binds: grade C, min(10%·¥4m TNW, 10%·¥3m WC, 5%·¥10m sales) = ¥300,000 < ¥847,000', () => {
  const r = recommendLimit(limitInput({ grade: 'C', financials: weaker }), S);
  assert.equal(r.capacityMinor, 30_000_000);
  assert.equal(r.internalMinor, 30_000_000);
  assert.equal(r.recommendedMinor, 30_000_000);
  assert.equal(r.binding, 'capacity');
  // Intangibles known: TNW = equity − intangibles, no book-equity caveat.
  assert.ok(!r.reasons.some((x) => x.code === 'CL_TNW_FROM_BOOK_EQUITY'));
});

test('negative working capital counts as 0: capacity 0', () => {
  const r = recommendLimit(limitInput({ financials: { ...weaker, currentAssets: 300_000_000 } }), S);
  assert.equal(r.capacityMinor, 0);
  assert.equal(r.recommendedMinor, 0);
  assert.equal(r.binding, 'capacity');
});

test('grade E has no capacity; an override or an unsecured Creditsafe score below 30 gives 0', () => {
  assert.equal(recommendLimit(limitInput({ grade: 'E' }), S).recommendedMinor, 0);
  const o = recommendLimit(limitInput({ overrides: [{ code: 'CS_OVERRIDE_INSOLVENCY', data: {} }] }), S);
  assert.deepEqual([o.recommendedMinor, o.binding, o.reasons[0]?.code], [0, 'override_zero', 'CL_ZERO_OVERRIDE']);
  const cut = recommendLimit(limitInput({ externalScore: 27 }), S);
  assert.deepEqual([cut.recommendedMinor, cut.reasons[0]?.code], [0, 'CL_ZERO_EXTERNAL_CUTOFF']);
  assert.equal(recommendLimit(limitInput({ externalScore: 27, isSecured: true }), S).recommendedMinor, 84_700_000);
});

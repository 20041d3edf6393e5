import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recommendLimit } from './credit-limit.js';
import { DEFAULT_LIMIT_SETTINGS as S } from './settings.js';
import { limitInput } from './test-support.js';

test('need binds: ¥10,000/day × (60 + 10 + 7) = ¥770,000, × 1.1 = ¥847,000 under a ¥1.2m capacity', () => {
  const r = recommendLimit(limitInput(), S);
  assert.equal(r.needMinor, 77_000_000);
  // grade B: min(15%·¥10m TNW, 15%·¥8m WC, 7%·¥20m sales) = min(1.5m, 1.2m, 1.4m)
  assert.equal(r.capacityMinor, 120_000_000);
  assert.equal(r.internalMinor, 84_700_000);
  assert.equal(r.recommendedMinor, 84_700_000);
  assert.equal(r.binding, 'need');
  const codes = r.reasons.map((x) => x.code);
  assert.ok(codes.includes('CL_TNW_FROM_BOOK_EQUITY') && codes.includes('CL_BINDING_NEED'));
});

test('early payers do not shrink the need: negative DBT counts as 0', () => {
  assert.equal(recommendLimit(limitInput({ expectedDbtDays: -8 }), S).needMinor, 67_000_000);
});

test('without financials the capacity is unknown and said so; the need binds', () => {
  const r = recommendLimit(limitInput({ financials: null }), S);
  assert.equal(r.capacityMinor, null);
  assert.equal(r.binding, 'need');
  assert.equal(r.recommendedMinor, 84_700_000);
  assert.ok(r.reasons.some((x) => x.code === 'CL_CAPACITY_UNKNOWN'));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recommendLimit } from './credit-limit.js';
import { resolveLimitSettings, DEFAULT_LIMIT_SETTINGS as S } from './settings.js';
import { limitInput } from './test-support.js';

test('insurer binds: internal ¥847,000 but the insurer limit is ¥500,000', () => {
  const r = recommendLimit(limitInput({ insurerCapMinor: 50_000_000 }), S);
  assert.equal(r.internalMinor, 84_700_000);
  assert.equal(r.insurerCapMinor, 50_000_000);
  assert.equal(r.recommendedMinor, 50_000_000);
  assert.equal(r.binding, 'insurer');
});

test('an uninsured risk appetite of ¥100,000 sits on top of the insured cap', () => {
  const r = recommendLimit(
    limitInput({ insurerCapMinor: 50_000_000 }),
    resolveLimitSettings({ uninsuredRiskAppetiteMinor: 10_000_000 }),
  );
  assert.deepEqual([r.recommendedMinor, r.binding], [60_000_000, 'insurer']);
});

test('an insurer limit above the internal limit does not bind', () => {
  const r = recommendLimit(limitInput({ insurerCapMinor: 200_000_000 }), S);
  assert.deepEqual([r.recommendedMinor, r.binding], [84_700_000, 'need']);
});

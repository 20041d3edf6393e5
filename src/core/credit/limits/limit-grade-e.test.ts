import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recommendLimit } from './credit-limit.js';
import { DEFAULT_LIMIT_SETTINGS as S } from './settings.js';
import { limitInput } from './test-support.js';

test('grade E gives a limit of 0 whatever else is known, with or without financial statements', () => {
  for (const financials of [null, limitInput().financials]) {
    const r = recommendLimit(limitInput({ grade: 'E', financials }), S);
    assert.equal(r.recommendedMinor, 0);
    assert.equal(r.binding, 'override_zero');
    assert.equal(r.reasons[0]?.code, 'CL_ZERO_GRADE_E');
    // The need is still shown: what the customer would need on credit.
    assert.ok(r.needMinor > 0);
  }
});

test('a hard override lists itself as a reason of the zero limit, in words, not as a code list', () => {
  const override = { code: 'CS_OVERRIDE_INSOLVENCY', data: { on: '2026-11-15' } };
  const r = recommendLimit(limitInput({ overrides: [override] }), S);
  assert.equal(r.recommendedMinor, 0);
  assert.deepEqual(r.reasons.slice(0, 2), [{ code: 'CL_ZERO_OVERRIDE', data: { count: 1 } }, override]);
});

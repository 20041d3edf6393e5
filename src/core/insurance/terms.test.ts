import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_POLICY_TERMS } from '../model/index.js';
import { parsePolicyTerms } from './terms.js';

test('missing terms take the DOMAIN defaults', () => {
  assert.deepEqual(parsePolicyTerms({}), { ok: true, value: DEFAULT_POLICY_TERMS });
});

test('Sinosure mode: the Chinese field names set the same terms', () => {
  const r = parsePolicyTerms({ 赔偿比例: 0.8, 可能损失通知期限: 30, 出运申报期限: 5, maxCreditTermsDays: 120 });
  assert.ok(r.ok);
  assert.equal(r.value.insuredPctCommercial, 0.8);
  assert.equal(r.value.overdueNotifyDays, 30);
  assert.equal(r.value.shipmentDeclarationDays, 5);
  assert.equal(r.value.maxCreditTermsDays, 120);
});

test('a bad or unknown term is an error naming the field', () => {
  const bad = parsePolicyTerms({ 赔偿比例: 1.5 });
  assert.equal(bad.ok, false);
  if (!bad.ok)
    assert.deepEqual(bad.error.details, { field: '赔偿比例', value: '1.5', expected: 'a share from 0 to 1' });
  const unknown = parsePolicyTerms({ __proto__x: 1 });
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.equal(unknown.error.code, 'INS_UNKNOWN_TERM');
  const notObject = parsePolicyTerms('[]');
  assert.equal(notObject.ok, false);
});

test('the maximum liability may be left unset (null)', () => {
  const r = parsePolicyTerms({ maxLiabilityMinor: null, maxLiabilityPremiumMultiple: 25 });
  assert.ok(r.ok);
  assert.equal(r.value.maxLiabilityMinor, null);
  assert.equal(r.value.maxLiabilityPremiumMultiple, 25);
});

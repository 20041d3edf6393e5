import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeCheckChar, validateCreditCode } from './credit-code.js';

test('published codes pass GB 32100-2015 (sample code, Tencent, Huawei, Alibaba)', () => {
  for (const code of ['91350100M000100Y43', '91440300708461136T', '914403001922038216', '91330100799655058B']) {
    assert.deepEqual(validateCreditCode(code), { ok: true, value: code });
  }
  // Hand-worked: Σ value·weight over 91350100M000100Y4 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
  assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
  assert.equal(validateCreditCode(' 91350100m000100y43 ').ok, true);
});

test('a wrong check character, length or character is rejected with its code', () => {
  const wrong = validateCreditCode('91350100M000100Y44');
  assert.ok(!wrong.ok && wrong.error.code === 'CREDIT_CODE_CHECK_DIGIT' && wrong.error.details.expected === '3');
  const short = validateCreditCode('91350100M000100Y4');
  assert.ok(!short.ok && short.error.code === 'CREDIT_CODE_LENGTH');
  // I, O, S, V and Z are not in the character set.
  const letter = validateCreditCode('91350100M00O100Y43');
  assert.ok(!letter.ok && letter.error.code === 'CREDIT_CODE_CHARACTER' && letter.error.details.field === '12');
});

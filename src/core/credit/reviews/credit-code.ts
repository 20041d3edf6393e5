import { fail, ok, type Result } from '../../shared/index.js';

/** GB 32100-2015 character set: digits and capitals without I, O, S, V, Z (31 characters). */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Position weights 3^i mod 31, i = 0..16. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters: C18 = 31 − (Σ value·weight mod 31), 31 → '0'. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] as number);
  }
  return CHARS[(31 - (sum % 31)) % 31] ?? null;
}

/**
 * Validates a 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from the
 * 31-character set, and the 18th is the check character of the first 17. Lower case and spaces are
 * tolerated and normalised.
 *
 * @example
 * validateCreditCode('91350100M000100Y43'); // ok
 * validateCreditCode('91350100M000100Y44'); // CREDIT_CODE_CHECK_DIGIT
 */
export function validateCreditCode(text: string): Result<string> {
  const code = text.replace(/\s+/g, '').toUpperCase();
  if (code.length !== 18) return fail('CREDIT_CODE_LENGTH', { value: text, expected: '18 characters' });
  const bad = [...code].findIndex((c) => !CHARS.includes(c));
  if (bad >= 0) return fail('CREDIT_CODE_CHARACTER', { value: text, field: String(bad + 1), expected: CHARS });
  const check = creditCodeCheckChar(code.slice(0, 17));
  if (check !== code[17]) return fail('CREDIT_CODE_CHECK_DIGIT', { value: text, expected: check ?? '' });
  return ok(code);
}

/**
 * The one grammar of whole numbers written as text (import cells, command-line counts): optional
 * minus, one to nine digits, nothing else (no exponent, no hexadecimal, no decimals, no blanks).
 */
const WHOLE = /^-?\d{1,9}$/;
const DAYS_SUFFIX = /\s*(天|日|days?)$/i;

/**
 * A whole number, or undefined. The text must already be half-width and trimmed (`normaliseText`).
 *
 * @example
 * parseWholeNumber('13') // 13
 * parseWholeNumber('1e1') // undefined
 */
export function parseWholeNumber(text: string): number | undefined {
  return WHOLE.test(text) ? Number(text) : undefined;
}

/**
 * A number of days: a whole number, optionally followed by 天, 日 or days ('30天', '60 days').
 *
 * @example
 * parseDays('60天') // 60
 */
export function parseDays(text: string): number | undefined {
  return parseWholeNumber(text.replace(DAYS_SUFFIX, ''));
}

import { currencyWord, normaliseText, parseAmount, parseDate, parseWholeNumber } from '../../app/import/index.js';
import { isCurrencyCode, minorUnits } from '../../core/money/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { endOfMonth } from '../../core/time/index.js';
import { type Locale, translate } from '../../i18n/index.js';

/**
 * Command-line values read with the importer's grammars (src/import: amounts, dates, whole
 * numbers), so `1,2,3` is refused on the command line as in a file. A refusal is INVALID_ARGUMENT
 * (exit 2) naming the option and saying, in the user's language, what it should hold.
 */
function invalid(field: string, value: string, expected: string, params: Record<string, unknown>, locale: Locale) {
  return new DomainFailure({
    code: 'INVALID_ARGUMENT',
    details: { field, value, expected: translate(expected, params, locale) },
  });
}

/** A currency code or word ('cny', '人民币'): the ISO code, or INVALID_ARGUMENT. */
export function currencyArgument(field: string, text: string, locale: Locale): string {
  const code = currencyWord(normaliseText(text));
  if (!isCurrencyCode(code)) throw invalid(field, text, 'CLI_EXPECT_CURRENCY', {}, locale);
  return code;
}

/**
 * An amount in `currency` as integer minor units: '150,000.00', '¥150,000', '150000元'. `min`
 * says whether 0 is allowed ('zero', a limit of 0 is cash in advance) or not ('positive').
 */
export function amountArgument(
  field: string,
  text: string,
  currency: string,
  min: 'positive' | 'zero',
  locale: Locale,
): number {
  const digits = isCurrencyCode(currency) ? minorUnits(currency) : 2;
  const read = parseAmount(normaliseText(text), digits, '.', currency);
  const params = { currency, digits };
  if (!read.ok)
    throw invalid(field, text, `CLI_EXPECT_AMOUNT_${read.reason.toUpperCase().replace('-', '_')}`, params, locale);
  if (read.minor < 0 || (min === 'positive' && read.minor === 0))
    throw invalid(
      field,
      text,
      min === 'positive' ? 'CLI_EXPECT_AMOUNT_POSITIVE' : 'CLI_EXPECT_AMOUNT_ZERO',
      params,
      locale,
    );
  return read.minor;
}

/**
 * A calendar date in the importer's text forms (2026-11-30, 2026/11/30, 2026年11月30日,
 * 20261130, 30/11/2026 when only one reading is a date), as 'YYYY-MM-DD'. An Excel serial day
 * number is a spreadsheet's way of writing a date, not a person's: refused here.
 */
export function dateArgument(field: string, text: string, locale: Locale): string {
  const t = normaliseText(text);
  const read = /^\d{5,6}$/.test(t) ? ({ ok: false, reason: 'syntax' } as const) : parseDate(t, null);
  if (!read.ok) throw invalid(field, text, `CLI_EXPECT_DATE_${read.reason.toUpperCase()}`, {}, locale);
  return read.date;
}

/** A month-end date (the last day of its month). */
export function monthEndArgument(field: string, text: string, locale: Locale): string {
  const date = dateArgument(field, text, locale);
  if (endOfMonth(date) !== date) throw invalid(field, text, 'CLI_EXPECT_MONTH_END', {}, locale);
  return date;
}

/** `--as-of`: the given date, or today when the option is absent. */
export function asOfArgument(text: string | undefined, today: () => string, locale: Locale): string {
  return text === undefined ? today() : dateArgument('--as-of', text, locale);
}

/** The most a whole number on the command line may be (the grammar's nine digits). */
const MAX_WHOLE = 999_999_999;

/**
 * A whole number from `min` to `max` ('13'; not '1e1', '0x0d', '13.0' or ''). Without `max` only
 * the grammar and `min` are checked here; the command's own rule checks the rest.
 */
export function wholeNumberArgument(field: string, text: string, locale: Locale, min = 0, max = MAX_WHOLE): number {
  const n = parseWholeNumber(normaliseText(text));
  if (n === undefined || n < min || n > max) {
    const code = max === MAX_WHOLE ? 'CLI_EXPECT_WHOLE_NUMBER_MIN' : 'CLI_EXPECT_WHOLE_NUMBER';
    throw invalid(field, text, code, { min, max }, locale);
  }
  return n;
}

const RATE = /^(\d{1,9}(?:\.\d{1,12})?)\s*%?$/;

/** A number of per cent (or points) in the importer's rate grammar with an optional '%': '4.5', '4.5%'; at most `max`. */
export function percentArgument(field: string, text: string, locale: Locale, max = 100): number {
  const m = RATE.exec(normaliseText(text));
  const percent = m ? Number(m[1]) : Number.NaN;
  if (!(percent <= max)) throw invalid(field, text, 'CLI_EXPECT_RATE', {}, locale);
  return percent;
}

/** A yearly rate in per cent ('4.5', '4.5%') as a fraction (0.045); at most `max` per cent. */
export function rateArgument(field: string, text: string, locale: Locale, max = 100): number {
  // Per cent to a fraction without float noise: 4.35 → 0.0435, not 0.043500000000000004.
  return Number((percentArgument(field, text, locale, max) / 100).toPrecision(12));
}

/** A two-letter ISO country code ('de' → 'DE'). */
export function countryArgument(field: string, text: string, locale: Locale): string {
  const t = normaliseText(text);
  if (!/^[A-Za-z]{2}$/.test(t)) throw invalid(field, text, 'CLI_EXPECT_COUNTRY', {}, locale);
  return t.toUpperCase();
}

/** One rate, or dates with the rate in force from each ('2024-01-01=4.5,2024-07-01=4.25'). */
export function rateListArgument(
  field: string,
  text: string,
  locale: Locale,
): number | { from: string; rate: number }[] {
  if (!text.includes('=')) return rateArgument(field, text, locale);
  const list = text.split(',').map((part) => {
    const [date, rate, extra] = part.split('=');
    if (date === undefined || rate === undefined || extra !== undefined)
      throw invalid(field, text, 'CLI_EXPECT_RATE_LIST', {}, locale);
    return { from: dateArgument(field, date.trim(), locale), rate: rateArgument(field, rate.trim(), locale) };
  });
  return list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** One of `choices` (case-insensitive), or INVALID_ARGUMENT saying which are allowed. */
export function choiceArgument<T extends string>(
  field: string,
  text: string,
  choices: readonly T[],
  expected: string,
  locale: Locale,
): T {
  const t = normaliseText(text).toLowerCase();
  const hit = choices.find((c) => c === t);
  if (hit === undefined) throw invalid(field, text, expected, {}, locale);
  return hit;
}

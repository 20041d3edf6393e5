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

/** A per cent above 0 and at most 100 ('10', '7.5'; not '1e1', '-5' or '10%'). */
export function percentArgument(field: string, text: string, locale: Locale): number {
  const trimmed = normaliseText(text);
  const n = /^\d{1,3}(\.\d{1,4})?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(n > 0 && n <= 100)) throw invalid(field, text, 'CLI_EXPECT_PERCENT', {}, locale);
  return n;
}

import { formatMinor, minorUnits, parseMinor, roundWith } from '../../src/core/money/index.js';
import { formatAmount, formatPercent, formatWan } from '../../src/i18n/format.js';
import type { Locale } from './i18n/index.js';

/**
 * Numbers and dates for people, per language. Amounts go through the server's exact formatting
 * (src/i18n/format.ts): digits come from the integer minor units, never a float.
 */
const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: 'US$', EUR: '€', HKD: 'HK$', JPY: 'JP¥', GBP: '£' };

/** '¥1,234.56' (a symbol for common currencies, else 'USD 1,234.56'); `wan` shows 123.46万 in Chinese. */
export function formatMoney(minor: number, currency: string, locale: Locale, wan = false): string {
  const digits = wan ? formatWan(minor, currency, locale) : formatAmount(minor, currency);
  const negative = digits.startsWith('-');
  const body = negative ? digits.slice(1) : digits;
  const symbol = SYMBOLS[currency];
  return `${negative ? '-' : ''}${symbol ?? `${currency} `}${body}`;
}

/** The amount alone, for table cells under a header that names the currency: '1,234.56'. */
export function formatPlain(minor: number, currency: string): string {
  return formatAmount(minor, currency);
}

/**
 * The amount in whole units of its currency, rounded half-even ('11,612,631' for ¥11,612,631.17),
 * for grids that must show many columns at once; never for a sum a person reconciles.
 */
export function formatWhole(minor: number, currency: string): string {
  const whole = roundWith(minor / 10 ** minorUnits(currency), 'halfEven');
  return (whole === 0 ? 0 : whole).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** How many decimals the currency's amounts have (2 for CNY, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return minorUnits(currency);
}

/** An amount to edit in a form: the plain decimal of the minor units, no grouping ('1234.56'). */
export function amountToInput(minor: number, currency: string): string {
  return formatMinor(minor, currency);
}

/**
 * What a person typed as an amount, in minor units: digits with at most the currency's decimals,
 * grouping commas and spaces allowed ('1,234.5' → 123450 for CNY). Null when it is not a
 * non-negative amount of that currency.
 */
export function amountFromInput(text: string, currency: string): number | null {
  const minor = parseMinor(text.replace(/[,\s，]/g, ''), currency);
  return minor === undefined || minor < 0 ? null : minor;
}

/** Short axis labels: '1,235万' / '1.2亿' in Chinese, '12.3M' / '450K' in English (major units). */
export function formatCompact(major: number, locale: Locale): string {
  const abs = Math.abs(major);
  const sign = major < 0 ? '-' : '';
  const fixed = (v: number, d: number) => v.toLocaleString('en-US', { maximumFractionDigits: d });
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${sign}${fixed(abs / 1e8, 2)}亿`;
    if (abs >= 1e4) return `${sign}${fixed(abs / 1e4, abs >= 1e6 ? 0 : 1)}万`;
    return `${sign}${fixed(abs, 0)}`;
  }
  if (abs >= 1e9) return `${sign}${fixed(abs / 1e9, 2)}B`;
  if (abs >= 1e6) return `${sign}${fixed(abs / 1e6, 1)}M`;
  if (abs >= 1e3) return `${sign}${fixed(abs / 1e3, 0)}K`;
  return `${sign}${fixed(abs, 0)}`;
}

/** A share (0.235) as '23.5%'. */
export function formatShare(share: number): string {
  return formatPercent(share);
}

const INTL: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A calendar date 'YYYY-MM-DD': '2026年3月31日' / '31 Mar 2026' (never shifted by the time zone). */
export function formatDate(date: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(INTL[locale], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return f.format(utc(date));
}

/** Day and month only, for week columns: '3月30日' / '30 Mar'. */
export function formatDayMonth(date: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(INTL[locale], { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return f.format(utc(date));
}

/** A month: '2026年3月' / 'Mar 2026'. */
export function formatMonth(date: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(INTL[locale], { year: 'numeric', month: 'short', timeZone: 'UTC' });
  return f.format(utc(date));
}

/** An instant (ISO UTC) as a date and time in China Standard Time: '2026年3月31日 14:05' / '31 Mar 2026, 14:05'. */
export function formatDateTime(instant: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(INTL[locale], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  });
  return f.format(new Date(instant));
}

/** A plain number with grouping and at most `digits` decimals. */
export function formatNumber(value: number, locale: Locale, digits = 1): string {
  return value.toLocaleString(INTL[locale], { maximumFractionDigits: digits });
}

import { formatMinor, minorUnits, roundWith } from '../core/money/index.js';
import type { Locale } from './index.js';

/**
 * Formats minor units for people: grouped digits and the currency's decimals
 * ('1,234.56'), with the currency code after the number. Exact: digits come from the integer,
 * never through a float.
 *
 * @example
 * formatAmount(123456789, 'CNY') // '1,234,567.89'
 */
export function formatAmount(amountMinor: number, currency: string): string {
  const plain = formatMinor(amountMinor, currency);
  const negative = plain.startsWith('-');
  const [intPart = '0', frac] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

export function formatMoney(amountMinor: number, currency: string): string {
  return `${formatAmount(amountMinor, currency)} ${currency}`;
}

/**
 * Amounts in 万 (10,000) for Chinese readers, always with two decimals of 万, so that every amount
 * on a page reads at the same precision (¥1,034.00万, ¥923.76万, ¥0.00万). The hundredths of 万
 * are rounded half-even from the integer minor units. Other languages get the plain amount.
 *
 * @example
 * formatWan(1_234_567_00, 'CNY', 'zh-CN') // '123.46万'
 */
export function formatWan(amountMinor: number, currency: string, locale: Locale): string {
  if (locale !== 'zh-CN') return formatAmount(amountMinor, currency);
  const hundredths = roundWith(amountMinor / 10 ** (minorUnits(currency) + 2), 'halfEven');
  // Hundredths of 万 printed as an amount with two decimals (CNY's), grouped.
  return `${formatAmount(hundredths === 0 ? 0 : hundredths, 'CNY')}万`;
}

/** Share as a percentage with one decimal: 0.2345 → '23.5%'. */
export function formatPercent(share: number): string {
  return `${(roundWith(share * 1000, 'halfUp') / 10).toFixed(1)}%`;
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Any UTF-16 unit from the first wide character (U+1100) on, surrogates included. */
const BEYOND_NARROW = /[\u1100-\uFFFF]/;

/** Columns a text takes in a terminal: CJK and full-width characters count as two. */
export function displayWidth(text: string): number {
  // Text with nothing from U+1100 on (figures, codes, Latin) is one column a character.
  if (!BEYOND_NARROW.test(text)) return text.length;
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Pads text to a display width (for CLI tables). */
export function padDisplay(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return padTo(text, displayWidth(text), width, align);
}

function padTo(text: string, textWidth: number, width: number, align: 'left' | 'right'): string {
  const pad = ' '.repeat(Math.max(0, width - textWidth));
  return align === 'left' ? text + pad : pad + text;
}

/** Renders rows as an aligned text table; the first row is the header. */
export function renderTable(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  // Each cell measured once (a table of ten thousand customers has a hundred thousand cells).
  const cellWidths = rows.map((row) => row.map(displayWidth));
  const widths: number[] = [];
  for (const row of cellWidths) {
    row.forEach((w, i) => {
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  }
  return rows
    .map((row, r) =>
      row
        .map((cell, i) =>
          padTo(cell, cellWidths[r]?.[i] ?? 0, widths[i] ?? 0, rightAligned.includes(i) ? 'right' : 'left'),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

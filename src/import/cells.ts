import { isCurrencyCode } from '../core/money/index.js';
import { currencyWord, parseAmount } from './amounts.js';
import { type ColumnSpec, EXPECTED, type Value } from './columns.js';
import { parseDate } from './dates.js';
import { parseDays } from './numbers.js';
import { normaliseHeader } from './text.js';
import type { ValueStyle } from './types.js';

/** Why the last `parseCell` returned undefined (module scratch: no allocation per bad cell). */
export const cellError = { code: '', expected: '' };

function fail(code: string, expected: string): undefined {
  cellError.code = code;
  cellError.expected = expected;
  return undefined;
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '对', 't', '有']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', '无', 'f', '']);
const COUNTRY_WORDS: ReadonlyMap<string, string> = new Map([
  ['中国', 'CN'],
  ['中国大陆', 'CN'],
  ['香港', 'HK'],
  ['美国', 'US'],
]);
const MAX_TEXT = 500;
let knownCurrency = '';

/** The row's currency as amounts need it: its code (a symbol in a cell must name it) and decimals. */
export interface RowCurrency {
  readonly code: string;
  readonly digits: number;
}

/**
 * Parses one non-empty, normalised cell by its column type; amounts by the row's currency.
 * Returns undefined when the cell is invalid, with `cellError` set.
 */
export function parseCell(col: ColumnSpec, text: string, currency: RowCurrency, style: ValueStyle): Value | undefined {
  if (hasInvisible(text)) return fail('IMPORT_INVISIBLE_CHARACTER', 'visible characters only');
  switch (col.type) {
    case 'text':
      return text.length > MAX_TEXT ? fail('IMPORT_VALUE_TOO_LONG', `≤ ${MAX_TEXT}`) : unguarded(text);
    case 'date':
      return readDate(text, style);
    case 'amount':
      return readAmount(text, currency, style);
    case 'integer':
      return readInteger(text);
    case 'boolean':
      return readBoolean(text);
    case 'currency': {
      const code = text.length === 3 && text === knownCurrency ? text : currencyWord(text);
      if (!isCurrencyCode(code)) return fail('UNKNOWN_CURRENCY', EXPECTED.currency);
      // The same code row after row: the next identical cell skips the word lookup.
      if (code === text) knownCurrency = text;
      return code;
    }
    case 'rate':
      return readRate(text);
    case 'choice':
      return readChoice(col, text);
    case 'list':
      return text
        .split(/[;；,，、|]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    case 'country': {
      const c = COUNTRY_WORDS.get(text) ?? text.toUpperCase();
      return /^[A-Z]{2}$/.test(c) ? c : fail('IMPORT_BAD_COUNTRY', EXPECTED.country);
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? text : fail('IMPORT_BAD_EMAIL', EXPECTED.email);
  }
}

/** An export's formula guard (export.ts: `'=1+1`) removed again, so export then import changes nothing. */
function unguarded(text: string): string {
  return text.charCodeAt(0) === 39 && /^'[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? text.slice(1) : text;
}

/**
 * Characters nobody sees that change a value: a byte-order mark, zero-width spaces and joiners,
 * direction marks and overrides, a soft hyphen, control characters other than tab and line breaks.
 */
function hasInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 && c < 0xad) continue;
    if (c < 32) {
      if (c !== 9 && c !== 10 && c !== 13) return true;
    } else if (
      c === 0xad ||
      c === 0xfeff ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2060 && c <= 0x2069) ||
      (c >= 0xfff9 && c <= 0xfffb)
    )
      return true;
  }
  return false;
}

const DATE_CODES = {
  syntax: 'IMPORT_BAD_DATE',
  ambiguous: 'IMPORT_AMBIGUOUS_DATE',
  time: 'IMPORT_BAD_TIME',
  range: 'IMPORT_DATE_OUT_OF_RANGE',
} as const;

function readDate(text: string, style: ValueStyle): Value | undefined {
  const d = parseDate(text, style.dateOrder);
  if (d.ok) return d.date;
  const expected = d.reason === 'range' ? `${EXPECTED.date}, 1900–2199` : EXPECTED.date;
  return fail(DATE_CODES[d.reason], expected);
}

const AMOUNT_CODES = {
  syntax: 'IMPORT_BAD_AMOUNT',
  decimals: 'IMPORT_TOO_MANY_DECIMALS',
  grouping: 'IMPORT_AMOUNT_GROUPING',
  'double-sign': 'IMPORT_AMOUNT_DOUBLE_SIGN',
  currency: 'IMPORT_AMOUNT_CURRENCY_MISMATCH',
  range: 'IMPORT_BAD_AMOUNT',
} as const;

function readAmount(text: string, currency: RowCurrency, style: ValueStyle): Value | undefined {
  const { digits } = currency;
  const a = parseAmount(text, digits, style.decimal, currency.code);
  if (!a.ok) {
    const expected = a.reason === 'currency' ? currency.code : digits === 0 ? '1234' : `1234.${'567'.slice(0, digits)}`;
    return fail(AMOUNT_CODES[a.reason], expected);
  }
  return a.minor;
}

function readInteger(text: string): Value | undefined {
  return parseDays(text) ?? fail('IMPORT_BAD_INTEGER', EXPECTED.integer);
}

function readBoolean(text: string): Value | undefined {
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return fail('IMPORT_BAD_BOOLEAN', EXPECTED.boolean);
}

function readRate(text: string): Value | undefined {
  if (!/^\d{1,9}(\.\d{1,12})?$/.test(text)) return fail('IMPORT_BAD_NUMBER', EXPECTED.rate);
  return Number(text);
}

/** Choice cells repeat a handful of words ('open', '未结'): remembered per table, up to a bound. */
const choiceMemo = new WeakMap<object, Map<string, string>>();
const MEMO_LIMIT = 256;
const NO_CHOICES: ReadonlyMap<string, string> = new Map();

function readChoice(col: ColumnSpec, text: string): Value | undefined {
  const table = col.choices ?? NO_CHOICES;
  let memo = choiceMemo.get(table);
  const known = memo?.get(text);
  if (known !== undefined) return known;
  const hit = table.get(normaliseHeader(text)) ?? table.get(text);
  if (hit !== undefined) {
    if (!memo) {
      memo = new Map();
      choiceMemo.set(table, memo);
    }
    if (memo.size < MEMO_LIMIT) memo.set(text, hit);
    return hit;
  }
  const stored = [...new Set(table.values())].join('/');
  return fail('IMPORT_BAD_CHOICE', stored);
}

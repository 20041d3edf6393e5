import { isCurrencyCode } from '../core/money/index.js';
import { currencyWord, parseAmount } from './amounts.js';
import { type ColumnSpec, EXPECTED, type Value } from './columns.js';
import { parseDate } from './dates.js';
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
const COUNTRY_WORDS: Readonly<Record<string, string>> = { 中国: 'CN', 中国大陆: 'CN', 香港: 'HK', 美国: 'US' };
const MAX_TEXT = 500;
let knownCurrency = '';

/**
 * Parses one non-empty, normalised cell by its column type. `digits` are the minor units of the
 * row's currency (for amounts). Returns undefined when the cell is invalid, with `cellError` set.
 */
export function parseCell(col: ColumnSpec, text: string, digits: number, style: ValueStyle): Value | undefined {
  switch (col.type) {
    case 'text':
      return text.length > MAX_TEXT ? fail('IMPORT_VALUE_TOO_LONG', `≤ ${MAX_TEXT}`) : text;
    case 'date': {
      const d = parseDate(text, style.dateOrder);
      if (d.ok) return d.date;
      return fail(d.ambiguous ? 'IMPORT_AMBIGUOUS_DATE' : 'IMPORT_BAD_DATE', EXPECTED.date);
    }
    case 'amount':
      return readAmount(col, text, digits, style);
    case 'integer':
      return readInteger(col, text);
    case 'boolean':
      return readBoolean(text);
    case 'currency': {
      const code = text.length === 3 && text === knownCurrency ? text : currencyWord(text);
      if (!isCurrencyCode(code)) return fail('IMPORT_UNKNOWN_CURRENCY', EXPECTED.currency);
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
      const c = COUNTRY_WORDS[text] ?? text.toUpperCase();
      return /^[A-Z]{2}$/.test(c) ? c : fail('IMPORT_BAD_COUNTRY', EXPECTED.country);
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? text : fail('IMPORT_BAD_EMAIL', EXPECTED.email);
  }
}

function readAmount(col: ColumnSpec, text: string, digits: number, style: ValueStyle): Value | undefined {
  const a = parseAmount(text, digits, style.decimal);
  if (!a.ok) {
    const expected = digits === 0 ? '1234' : `1234.${'567'.slice(0, digits)}`;
    return fail(a.tooManyDecimals ? 'IMPORT_TOO_MANY_DECIMALS' : 'IMPORT_BAD_AMOUNT', expected);
  }
  if (col.sign === 'positive' && a.minor <= 0) return fail('IMPORT_NOT_POSITIVE', '> 0');
  if (col.sign === 'nonNegative' && a.minor < 0) return fail('IMPORT_NEGATIVE', '≥ 0');
  return a.minor;
}

function readInteger(col: ColumnSpec, text: string): Value | undefined {
  const t = text.replace(/\s*(天|日|days?)$/i, '');
  if (!/^-?\d{1,9}$/.test(t)) return fail('IMPORT_BAD_INTEGER', EXPECTED.integer);
  const n = Number(t);
  if (col.sign === 'positive' && n <= 0) return fail('IMPORT_NOT_POSITIVE', '> 0');
  if (col.sign === 'nonNegative' && n < 0) return fail('IMPORT_NEGATIVE', '≥ 0');
  return n;
}

function readBoolean(text: string): Value | undefined {
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return fail('IMPORT_BAD_BOOLEAN', EXPECTED.boolean);
}

function readRate(text: string): Value | undefined {
  if (!/^\d{1,9}(\.\d{1,12})?$/.test(text)) return fail('IMPORT_BAD_NUMBER', EXPECTED.rate);
  const n = Number(text);
  return n > 0 ? n : fail('IMPORT_NOT_POSITIVE', '> 0');
}

/** Choice cells repeat a handful of words ('open', '未结'): remembered per table, up to a bound. */
const choiceMemo = new WeakMap<object, Map<string, string>>();
const MEMO_LIMIT = 256;

function readChoice(col: ColumnSpec, text: string): Value | undefined {
  const table = col.choices ?? {};
  let memo = choiceMemo.get(table);
  const known = memo?.get(text);
  if (known !== undefined) return known;
  const hit = table[normaliseHeader(text)] ?? table[text];
  if (hit !== undefined) {
    if (!memo) {
      memo = new Map();
      choiceMemo.set(table, memo);
    }
    if (memo.size < MEMO_LIMIT) memo.set(text, hit);
    return hit;
  }
  const stored = [...new Set(Object.values(table))].join('/');
  return fail('IMPORT_BAD_CHOICE', stored);
}

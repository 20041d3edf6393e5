/**
 * The one grammar of amounts written as text (CSV cells, Excel text cells, command-line amounts).
 * What it reads, on purpose, is listed in docs/import.md ("Values"); everything else is refused
 * with a reason. Tables are `Map`s: no inherited property name is a currency word.
 */

/** Currency words that accounting exports put in currency cells, to their ISO code. */
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['人民币', 'CNY'],
  ['RMB', 'CNY'],
  ['元', 'CNY'],
  ['美元', 'USD'],
  ['欧元', 'EUR'],
  ['港币', 'HKD'],
  ['港元', 'HKD'],
  ['日元', 'JPY'],
  ['英镑', 'GBP'],
]);

const YUAN = ['CNY', 'CNH'] as const;
const DOLLARS = ['USD', 'HKD', 'SGD', 'AUD', 'CAD', 'NZD', 'TWD'] as const;

/** The currencies a symbol or word in an amount cell may stand for; the row's currency must be one. */
const AMOUNT_MARKS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['¥', [...YUAN, 'JPY']],
  ['￥', [...YUAN, 'JPY']],
  ['$', DOLLARS],
  ['US$', ['USD']],
  ['HK$', ['HKD']],
  ['€', ['EUR']],
  ['£', ['GBP']],
  ['元', YUAN],
  ['人民币', YUAN],
  ['RMB', YUAN],
  ['美元', ['USD']],
  ['欧元', ['EUR']],
  ['港币', ['HKD']],
  ['港元', ['HKD']],
  ['日元', ['JPY']],
  ['英镑', ['GBP']],
]);

/** The ISO code for a currency cell ('cny', '人民币', 'RMB' → 'CNY'); validated by the caller. */
export function currencyWord(text: string): string {
  const t = text.trim();
  return CURRENCY_WORDS.get(t) ?? CURRENCY_WORDS.get(t.toUpperCase()) ?? t.toUpperCase();
}

/** Why an amount was refused: each has its own problem code (cells.ts). */
export type AmountRefusal = 'syntax' | 'decimals' | 'grouping' | 'double-sign' | 'currency' | 'range';

export type AmountParse = { ok: true; minor: number } | { ok: false; reason: AmountRefusal };

const refused = {
  syntax: { ok: false, reason: 'syntax' },
  decimals: { ok: false, reason: 'decimals' },
  grouping: { ok: false, reason: 'grouping' },
  'double-sign': { ok: false, reason: 'double-sign' },
  currency: { ok: false, reason: 'currency' },
  range: { ok: false, reason: 'range' },
} as const satisfies Record<AmountRefusal, AmountParse>;

const PREFIX = /^(US\$|HK\$|[¥￥$€£]|[A-Za-z]{3}(?![A-Za-z])|人民币|美元|欧元|港币|港元|日元|英镑)\s*/;
const SUFFIX = /\s*([A-Za-z]{3}|元|人民币|美元|欧元|港币|港元|日元|英镑)$/;

/** The codes a currency mark in an amount cell stands for: a symbol, a word or an ISO code. */
function markCodes(mark: string): readonly string[] {
  return AMOUNT_MARKS.get(mark) ?? AMOUNT_MARKS.get(mark.toUpperCase()) ?? [mark.toUpperCase()];
}

/**
 * Reads an amount cell into integer minor units without floating point. `currency` is the row's
 * currency: a symbol or code in the cell must name it (`$100` on a CNY row is refused). Accepted:
 * `1234.56`, `-1234.56`, `1,234.56`, `1 234.56`, `1'234.56`, `¥1,234.56`, `CNY 1,234.56`,
 * `1234.56元`, `(1,234.56)` (accounting negative), `1 234,56` and `1234,5` (a comma followed by one
 * or two digits is a decimal comma), `1.234,56` when `decimal` is ','. Refused: groups of other
 * than three digits (`1,2,3`), two signs (`(-5)`, `--5`), exponents, more decimals than the
 * currency has unless they are zeros (no silent rounding), amounts past 2^53 minor units.
 * The text must already be half-width and trimmed (see `normaliseText`).
 *
 * @example
 * parseAmount('(1,234.50)', 2, '.', 'CNY') // { ok: true, minor: -123450 }
 * parseAmount('$100', 2, '.', 'CNY') // { ok: false, reason: 'currency' }
 */
export function parseAmount(text: string, digits: number, decimal: '.' | ',', currency: string): AmountParse {
  let t = text;
  let negative = false;
  let signs = 0;
  if (t.length > 1 && t.charCodeAt(0) === 40 && t.charCodeAt(t.length - 1) === 41) {
    negative = true;
    signs++;
    t = t.slice(1, -1).trim();
  }
  const marks: string[] = [];
  for (let pass = 0; pass < 2 && t.length > 0; pass++) {
    const c = t.charCodeAt(0);
    if (c === 45 || c === 43) {
      if (c === 45) negative = !negative;
      signs++;
      t = t.slice(1).trim();
    } else if (!isDigit(c)) {
      const m = PREFIX.exec(t);
      if (!m) return refused.syntax;
      marks.push(m[1] as string);
      t = t.slice(m[0].length);
    }
  }
  if (t.length > 0 && !isDigit(t.charCodeAt(t.length - 1))) {
    const m = SUFFIX.exec(t);
    if (!m) return refused.syntax;
    marks.push(m[1] as string);
    t = t.slice(0, t.length - m[0].length);
  }
  const r = readNumber(t, digits, decimal);
  if (!r.ok) return r;
  if (signs > 1) return refused['double-sign'];
  for (const mark of marks) if (!markCodes(mark).includes(currency)) return refused.currency;
  return { ok: true, minor: negative ? -r.minor || 0 : r.minor };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** The decimal mark of `t`: `decimal`, or a lone comma before one or two final digits when it is '.'. */
function decimalMark(t: string, decimal: '.' | ','): number {
  if (decimal === ',') return 44;
  if (t.indexOf('.') !== -1) return 46;
  const comma = t.indexOf(',');
  if (comma === -1 || comma !== t.lastIndexOf(',')) return 46;
  const after = t.length - comma - 1;
  return after >= 1 && after <= 2 ? 44 : 46;
}

/**
 * The digits of an amount as integer minor units, by character codes: an integer part of plain
 * digits or of groups of three after a first group of one to three, all groups split by the same
 * mark (',' or '.' whichever is not the decimal mark, a space or an apostrophe); then optionally
 * the decimal mark and at least one digit. Past the currency's decimals only zeros are allowed.
 */
function readNumber(t: string, digits: number, decimal: '.' | ','): AmountParse {
  const dot = decimalMark(t, decimal);
  const groupMarks = dot === 46 ? [44, 32, 39] : [46, 32, 39];
  let int = 0;
  let intLen = 0;
  let frac = 0;
  let fracLen = 0;
  let inFrac = false;
  let tooMany = false;
  let group = -1;
  let groupLen = 0;
  let firstGroup = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isDigit(c)) {
      if (inFrac) {
        if (fracLen < digits) frac = frac * 10 + (c - 48);
        else if (c !== 48) tooMany = true;
        fracLen++;
      } else {
        int = int * 10 + (c - 48);
        intLen++;
        groupLen++;
      }
    } else if (c === dot && !inFrac) {
      if (intLen === 0) return refused.syntax;
      if (group !== -1 && groupLen !== 3) return refused.grouping;
      inFrac = true;
    } else if (!inFrac && groupMarks.includes(c)) {
      if (groupLen === 0) return refused.grouping;
      if (group === -1) {
        group = c;
        firstGroup = groupLen;
        if (firstGroup > 3) return refused.grouping;
      } else if (c !== group || groupLen !== 3) return refused.grouping;
      groupLen = 0;
    } else return refused.syntax;
  }
  if (intLen === 0) return refused.syntax;
  if (inFrac && fracLen === 0) return refused.syntax;
  if (!inFrac && group !== -1 && groupLen !== 3) return refused.grouping;
  if (tooMany) return refused.decimals;
  const scale = POW10[digits] ?? 10 ** digits;
  const minor = int * scale + frac * (POW10[digits - Math.min(fracLen, digits)] ?? 1);
  if (!Number.isSafeInteger(minor)) return refused.range;
  return { ok: true, minor };
}

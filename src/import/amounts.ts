/** Currency words that accounting exports put in amount or currency cells. */
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  人民币: 'CNY',
  RMB: 'CNY',
  元: 'CNY',
  美元: 'USD',
  欧元: 'EUR',
  港币: 'HKD',
  港元: 'HKD',
  日元: 'JPY',
  英镑: 'GBP',
};

const SYMBOLS = '¥￥$€£';

/** The ISO code for a currency cell ('cny', '人民币', 'RMB' → 'CNY'); validated by the caller. */
export function currencyWord(text: string): string {
  const t = text.trim();
  return CURRENCY_WORDS[t] ?? CURRENCY_WORDS[t.toUpperCase()] ?? t.toUpperCase();
}

export type AmountParse =
  | { ok: true; minor: number; currency: string | null }
  | { ok: false; tooManyDecimals: boolean };

const BAD: AmountParse = { ok: false, tooManyDecimals: false };

/** Strips a currency prefix or suffix ('CNY 1,234.56', '¥1,234.56', '1234.56元'); returns the rest and the code. */
function stripCurrency(text: string): [string, string | null] {
  let t = text;
  let code: string | null = null;
  const first = t[0] ?? '';
  if (SYMBOLS.includes(first)) {
    t = t.slice(1);
    code = first === '$' ? 'USD' : first === '€' ? 'EUR' : first === '£' ? 'GBP' : 'CNY';
  }
  const lead = /^([A-Za-z]{3}|人民币|美元|欧元|港币|港元|日元|英镑)\s*/.exec(t);
  if (lead) {
    code = currencyWord(lead[1] as string);
    t = t.slice(lead[0].length);
  }
  const tail = /\s*([A-Za-z]{3}|元|人民币|美元|欧元)$/.exec(t);
  if (tail) {
    code = currencyWord(tail[1] as string);
    t = t.slice(0, t.length - tail[0].length);
  }
  return [t.trim(), code];
}

/**
 * Reads an amount cell into integer minor units without floating point: 1234.56, 1,234.56,
 * ¥1,234.56, 'CNY 1,234.56', (1,234.56) as negative, 1.234,56 when `decimal` is ','.
 * More decimals than the currency has are refused unless they are zeros (no silent rounding).
 * The text must already be half-width (see `normaliseText`).
 *
 * @example
 * parseAmount('(1,234.50)', 2, '.') // { ok: true, minor: -123450, currency: null }
 */
export function parseAmount(text: string, digits: number, decimal: '.' | ','): AmountParse {
  let t = text.trim();
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  let code: string | null = null;
  if (t.length > 0 && !isDigit(t.charCodeAt(0))) [t, code] = stripCurrency(t);
  else if (t.length > 0 && !isDigit(t.charCodeAt(t.length - 1))) [t, code] = stripCurrency(t);
  if (t.startsWith('-') && !negative) {
    negative = true;
    t = t.slice(1);
  }
  const r = readDigits(t, digits, decimal);
  if (!r.ok) return r;
  return { ok: true, minor: negative ? -r.minor || 0 : r.minor, currency: code };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * The digits of an amount as integer minor units, by character codes (no substrings): a
 * non-zero digit past the currency's decimals is refused; zeros there are dropped. Past 2^53
 * the value is no longer exact but stays past it, so the safe-integer check still refuses it.
 */
function readDigits(t: string, digits: number, decimal: '.' | ','): AmountParse {
  const dot = decimal.charCodeAt(0);
  const group = decimal === '.' ? 44 : 46;
  let int = 0;
  let intLen = 0;
  let frac = 0;
  let fracLen = 0;
  let inFrac = false;
  let tooMany = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isDigit(c)) {
      if (!inFrac) {
        int = int * 10 + (c - 48);
        intLen++;
      } else {
        if (fracLen < digits) frac = frac * 10 + (c - 48);
        else if (c !== 48) tooMany = true;
        fracLen++;
      }
    } else if (c === dot && !inFrac) inFrac = true;
    else if ((c === group || c === 32 || c === 39) && !inFrac && intLen > 0) continue;
    else return BAD;
  }
  if (intLen === 0 && fracLen === 0) return BAD;
  if (inFrac && fracLen === 0) return BAD;
  if (tooMany) return { ok: false, tooManyDecimals: true };
  const scale = POW10[digits] ?? 10 ** digits;
  const minor = int * scale + frac * (POW10[digits - Math.min(fracLen, digits)] ?? 1);
  if (!Number.isSafeInteger(minor)) return BAD;
  return { ok: true, minor, currency: null };
}

import { readSwiftDetails } from './mt940-details.js';
import {
  BankFileError,
  type BankFormat,
  type ParsedStatement,
  type StatementBalance,
  type StatementLine,
} from './types.js';
import { bankAmountMinor, bankDate, cleanText, swiftDate } from './values.js';

/** One `:tag:value` field, with the line it starts on; continuation lines are part of the value. */
interface Field {
  readonly tag: string;
  value: string;
  readonly line: number;
}

const TAG = /^:(\d{2}[A-Z]?|NS):(.*)$/;
/** Fields that open a statement's header: after a closing balance, one of them starts the next statement. */
const HEADER_TAGS = new Set(['25', '28', '28C', '60F', '60M', '13', '13D']);

/**
 * Splits SWIFT MT940/MT942 text into statements of fields. Whatever comes before the first tag
 * (a text preamble, `{1:…}{2:…}{4:` block headers) and the block trailers (`-}`, `{5:…}`) are not
 * fields; a DOS end-of-file character ends the text.
 */
function readFields(text: string): Field[][] {
  const body = text.replace(/^\uFEFF/, '').split('\x1a')[0] ?? '';
  const statements: Field[][] = [];
  let current: Field[] | null = null;
  let last: Field | null = null;
  const hasClosing = (fields: Field[]) => fields.some((f) => f.tag.startsWith('62'));
  body.split(/\r\n|\r|\n/).forEach((raw, i) => {
    let text = raw;
    const block = /^(?:\{\d:[^}]*\})*\{4:\s*(.*)$/.exec(text);
    if (block) text = block[1] ?? '';
    const tag = TAG.exec(text);
    if (tag) {
      const name = tag[1] as string;
      const startsNew = current === null || name === '20' || (HEADER_TAGS.has(name) && hasClosing(current));
      if (startsNew) {
        if (current !== null && current.length > 0) statements.push(current);
        current = [];
      }
      last = { tag: name, value: tag[2] ?? '', line: i + 1 };
      (current as Field[] | null)?.push(last);
      return;
    }
    const trimmed = text.trim();
    if (trimmed === '-' || trimmed === '-}' || trimmed.startsWith('-}') || /^\{\d:/.test(trimmed)) {
      last = null;
      return;
    }
    if (last !== null && trimmed !== '') last.value += `\n${text}`;
  });
  if (current !== null && (current as Field[]).length > 0) statements.push(current);
  return statements;
}

/**
 * A balance field: mark, date, currency, amount. Some banks leave the currency out of a closing
 * balance (`:62M:C020315105000,00`); when the statement's currency is known from another balance,
 * the digits after the date are the amount in it (python-mt940 would read `105` as the currency).
 */
function balanceOf(field: Field, tagCurrency: { value: string | null }): StatementBalance {
  const v = field.value.trim();
  const where = { line: field.line, field: `:${field.tag}:` };
  const m = /^([DC])(\d{6})([A-Z]{3})([\d,.]*)$/.exec(v);
  const bare = m ? null : /^([DC])(\d{6})(\d[\d,.]*)$/.exec(v);
  if (!m && !(bare && tagCurrency.value !== null)) {
    throw new BankFileError(bare ? 'BANK_NO_CURRENCY' : 'BANK_BAD_BALANCE', { ...where, value: v });
  }
  const parts = (m ?? bare) as RegExpExecArray;
  const currency = m ? (m[3] as string) : (tagCurrency.value as string);
  tagCurrency.value ??= currency;
  const digits = (m ? m[4] : bare?.[3]) as string;
  const amount = digits === '' ? 0 : bankAmountMinor(digits, currency, where);
  return {
    on: swiftDate(parts[2] as string, where),
    amountMinor: parts[1] === 'D' ? -amount || 0 : amount,
    currency,
  };
}

// Value date, [entry date], [R]D/C mark, [funds code], amount, type code, customer reference, [//bank reference], [details].
const LINE_61 =
  /^(\d{6})(\d{4}| {4})?(R?[DC])([A-Z])?[\n ]?([\d,]{1,15})([A-Z][A-Z0-9 ]{3})?((?:(?!\/\/)[^\n]){0,16})(?:\/\/([^\n]{0,23}))?(?:\n?([\s\S]*))?$/;

/** The booking date from `MMDD` and the value date's year, across a year end either way. */
function entryDate(valueOn: string, mmdd: string, line: number): string {
  const year = Number(valueOn.slice(0, 4));
  const valueMonth = Number(valueOn.slice(5, 7));
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  const y = valueMonth === 12 && month === 1 ? year + 1 : valueMonth === 1 && month === 12 ? year - 1 : year;
  return bankDate(y, month, day, { line, field: ':61:', value: mmdd });
}

/**
 * One `:61:` line with its `:86:` details. `currency` is null for a snippet with no balance: the
 * amount is then read with two decimals, and the importer takes the account's currency.
 */
function lineOf(field: Field, details: Field | undefined, currency: string | null): StatementLine {
  const v = field.value.replace(/^\s+/, '');
  const m = LINE_61.exec(v);
  if (!m) throw new BankFileError('BANK_BAD_LINE', { line: field.line, field: ':61:', value: v.split('\n')[0] ?? '' });
  const valueOn = swiftDate(m[1] as string, { line: field.line, field: ':61:' });
  const mark = m[3] as string;
  const amount = bankAmountMinor(m[5] as string, currency ?? 'XXX', { line: field.line, field: ':61:' });
  // D and RC (reversal of a credit) take money out; C and RD put it back.
  const isOut = mark === 'D' || mark === 'RC';
  const info = readSwiftDetails(details?.value ?? '');
  const customerRef = cleanText(m[7]);
  const bankRef = cleanText(m[8]);
  const references = [customerRef, ...info.references].filter(
    (r): r is string => r !== null && r !== undefined && r.toUpperCase() !== 'NONREF',
  );
  const extra = cleanText(m[9]);
  return {
    sourceLine: field.line,
    bookedOn: m[2]?.trim() ? entryDate(valueOn, m[2], field.line) : valueOn,
    valueOn,
    amountMinor: isOut ? -amount || 0 : amount,
    currency,
    counterpartyName: info.name,
    counterpartyAccount: info.account,
    references: [...new Set(references)],
    remittance: [info.text, extra].filter((t) => t).join(' '),
    bankReference: bankRef !== null && bankRef.toUpperCase() !== 'NONREF' ? bankRef : null,
    typeCode: cleanText(m[6]),
  };
}

function statementOf(fields: Field[], kind: BankFormat): ParsedStatement {
  const first = fields[0] as Field;
  const get = (...tags: string[]) => fields.find((f) => tags.includes(f.tag));
  // A statement states each balance once; a file that repeats one means its last.
  const getLast = (...tags: string[]) => fields.findLast((f) => tags.includes(f.tag));
  const account = get('25');
  const currency: { value: string | null } = { value: null };
  const opening = getLast('60F', '60M', '60');
  const closing = getLast('62F', '62M', '62');
  // Every balance that states a currency tells the statement's, so a bare one can borrow it.
  for (const f of fields) {
    const c = /^[DC]\d{6}([A-Z]{3})/.exec(f.value.trim());
    if (c && /^6[0-5][FM]?$/.test(f.tag)) {
      currency.value = c[1] as string;
      break;
    }
  }
  const openingBalance = opening ? balanceOf(opening, currency) : null;
  const closingBalance = closing ? balanceOf(closing, currency) : null;
  // MT942 has no balances: its currency is in the floor limit (:34F:) or the account (:25:).
  const floor = get('34F');
  if (currency.value === null && floor) currency.value = /^([A-Z]{3})/.exec(floor.value.trim())?.[1] ?? null;
  const accountText = cleanText(account?.value.replace(/\n/g, '')) ?? '';
  if (currency.value === null) currency.value = /([A-Z]{3})$/.exec(accountText)?.[1] ?? null;
  const ccy = currency.value;
  const lines: StatementLine[] = [];
  fields.forEach((f, i) => {
    if (f.tag !== '61') return;
    const next = fields[i + 1];
    lines.push(lineOf(f, next?.tag === '86' ? next : undefined, ccy));
  });
  const number = get('28C', '28');
  const ref = get('20');
  const dates = lines
    .map((l) => l.bookedOn ?? l.valueOn)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    format: kind,
    sourceLine: first.line,
    statementId: cleanText([ref?.value, number?.value].filter((x) => x).join('/')),
    account: { number: accountText, currency: ccy, name: null, bankName: null },
    currency: ccy,
    periodFrom: openingBalance?.on ?? dates[0] ?? null,
    periodTo: closingBalance?.on ?? dates.at(-1) ?? null,
    opening: openingBalance,
    closing: closingBalance,
    lines,
  };
}

/**
 * True when the text reads as SWIFT MT940/MT942: a `:20:` or `:25:` field and a balance or a `:61:`
 * line, or a snippet that opens with a `:61:` line (value date, then a debit/credit mark).
 */
export function looksLikeMt940(text: string): boolean {
  if (/^\uFEFF?\s*:61:\d{6}(\d{4})?R?[DC]/.test(text)) return true;
  return /(^|[\n{]|\{4:\s*)(:20:|:25:)/.test(text) && /(^|\n):(60[FM]|62[FM]|61|34F):/.test(text);
}

/**
 * Reads SWIFT MT940 (and MT942 interim) text: every statement of every account in the file.
 *
 * @example
 * parseMt940(':20:REF\n:25:1234\n:28C:1\n:60F:C200101EUR100,\n:61:200102C7,5NTRFNONREF\n:62F:C200102EUR107,5\n-')
 * // [{ account: { number: '1234', … }, opening: { amountMinor: 10000, … }, lines: [{ amountMinor: 750, … }], … }]
 */
export function parseMt940(text: string): ParsedStatement[] {
  return readFields(text)
    .filter((fields) => fields.some((f) => ['25', '60F', '60M', '61', '62F'].includes(f.tag)))
    .map((fields) => statementOf(fields, fields.some((f) => f.tag === '34F') ? 'mt942' : 'mt940'));
}

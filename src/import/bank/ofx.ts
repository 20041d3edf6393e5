import { BankFileError, type ParsedStatement, type StatementBalance, type StatementLine } from './types.js';
import { bankAmountMinor, bankDate, cleanText } from './values.js';

/** An OFX aggregate: its leaf values (first of each name) and child aggregates, with the line it starts on. */
interface Aggregate {
  readonly name: string;
  readonly line: number;
  readonly values: Map<string, { value: string; line: number }>;
  readonly children: Aggregate[];
}

/**
 * Reads OFX 1.x SGML (leaf elements have no end tag) and OFX 2.x XML alike: an element followed
 * by text is a value, one followed by another tag opens an aggregate, which an end tag closes.
 */
function readTree(text: string): Aggregate {
  const root: Aggregate = { name: '#root', line: 1, values: new Map(), children: [] };
  const stack: Aggregate[] = [root];
  const tag = /<(\/?)([A-Za-z0-9.]+)[^>]*>([^<]*)/g;
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(tag)) {
    const index = m.index ?? 0;
    for (let i = last; i < index; i++) if (text.charCodeAt(i) === 10) line++;
    last = index;
    const name = (m[2] as string).toUpperCase();
    const top = stack[stack.length - 1] as Aggregate;
    if (m[1] === '/') {
      const at = stack.map((a) => a.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const value = (m[3] as string).trim();
    if (value !== '') {
      if (!top.values.has(name)) top.values.set(name, { value, line });
      continue;
    }
    // An empty element (`<LANGUAGE></LANGUAGE>`, `<MEMO>` with nothing): a value when its end tag follows.
    const rest = text.slice(index + m[0].length, index + m[0].length + name.length + 3).toUpperCase();
    if (rest === `</${name}>`) continue;
    const child: Aggregate = { name, line, values: new Map(), children: [] };
    top.children.push(child);
    stack.push(child);
  }
  return root;
}

function* walk(a: Aggregate): Generator<Aggregate> {
  yield a;
  for (const c of a.children) yield* walk(c);
}
const child = (a: Aggregate | undefined, name: string) => a?.children.find((c) => c.name === name);

/** OFX date-times: `YYYYMMDD[HHMMSS[.XXX]][[+-]H:TZ]`; the date part as the bank wrote it. */
function ofxDate(v: { value: string; line: number } | undefined, field: string): string | null {
  if (v === undefined) return null;
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(v.value);
  if (!m) throw new BankFileError('BANK_BAD_DATE', { line: v.line, field, value: v.value });
  return bankDate(Number(m[1]), Number(m[2]), Number(m[3]), { line: v.line, field, value: v.value });
}

function amount(v: { value: string; line: number } | undefined, currency: string, field: string, line: number): number {
  if (v === undefined) throw new BankFileError('BANK_BAD_AMOUNT', { line, field, value: '' });
  // OFX writes a plain decimal; some banks write a comma as the decimal mark.
  return bankAmountMinor(v.value.replace(/^\+/, ''), currency, { line: v.line, field });
}

function lineOf(trn: Aggregate, currency: string): StatementLine {
  const v = (k: string) => trn.values.get(k);
  const fitid = cleanText(v('FITID')?.value);
  const payee = child(trn, 'PAYEE');
  const references = [v('REFNUM'), v('CHECKNUM'), v('SRVRTID')]
    .map((x) => cleanText(x?.value))
    .filter((x): x is string => x !== null);
  return {
    sourceLine: trn.line,
    bookedOn:
      ofxDate(v('DTPOSTED'), 'DTPOSTED') ??
      (() => {
        throw new BankFileError('BANK_NO_DATE', { line: trn.line, field: 'DTPOSTED' });
      })(),
    valueOn: ofxDate(v('DTAVAIL'), 'DTAVAIL') ?? ofxDate(v('DTUSER'), 'DTUSER'),
    amountMinor: amount(v('TRNAMT'), currency, 'TRNAMT', trn.line),
    currency,
    counterpartyName: cleanText(v('NAME')?.value ?? payee?.values.get('NAME')?.value),
    counterpartyAccount: cleanText(child(trn, 'BANKACCTTO')?.values.get('ACCTID')?.value),
    references: [...new Set(references)],
    remittance: cleanText(v('MEMO')?.value) ?? '',
    bankReference: fitid,
    typeCode: cleanText(v('TRNTYPE')?.value),
  };
}

/** True when the text is OFX: an SGML header or an `<OFX>` element. */
export function looksLikeOfx(head: string): boolean {
  return /^\s*OFXHEADER\s*:/m.test(head) || /<\?OFX\s/i.test(head) || /<OFX>/i.test(head);
}

/**
 * Reads the bank and credit-card statements of an OFX file (1.x SGML or 2.x XML). OFX gives the
 * ledger balance at a date, not an opening balance: `opening` is null and the closing balance is
 * LEDGERBAL. Investment statements carry no bank lines and are not read.
 *
 * @example
 * parseOfx(text) // [{ format: 'ofx', account: { number: '192639749', … }, closing: { amountMinor: 0, … }, lines: […] }]
 */
export function parseOfx(text: string): ParsedStatement[] {
  const tree = readTree(text);
  const out: ParsedStatement[] = [];
  for (const a of walk(tree)) {
    if (a.name !== 'STMTRS' && a.name !== 'CCSTMTRS') continue;
    // Some banks leave CURDEF empty and name the currency on each line.
    const firstLine = child(child(a, 'BANKTRANLIST'), 'STMTTRN');
    const curdef = (
      cleanText(a.values.get('CURDEF')?.value) ?? cleanText(child(firstLine, 'CURRENCY')?.values.get('CURSYM')?.value)
    )?.toUpperCase();
    if (!curdef) throw new BankFileError('BANK_NO_CURRENCY', { line: a.line, field: 'CURDEF' });
    const from = child(a, 'BANKACCTFROM') ?? child(a, 'CCACCTFROM');
    const number = cleanText(from?.values.get('ACCTID')?.value);
    if (number === null) throw new BankFileError('BANK_NO_ACCOUNT', { line: a.line, field: 'ACCTID' });
    const list = child(a, 'BANKTRANLIST');
    const lines = (list?.children ?? []).filter((c) => c.name === 'STMTTRN').map((t) => lineOf(t, curdef));
    const ledger = child(a, 'LEDGERBAL');
    let closing: StatementBalance | null = null;
    const balamt = ledger?.values.get('BALAMT');
    // An empty BALAMT (some exports write the element with nothing in it) is no balance.
    if (ledger !== undefined && balamt !== undefined) {
      closing = {
        on: ofxDate(ledger.values.get('DTASOF'), 'DTASOF'),
        amountMinor: amount(balamt, curdef, 'BALAMT', ledger.line),
        currency: curdef,
      };
    }
    out.push({
      format: 'ofx',
      sourceLine: a.line,
      statementId: null,
      account: { number, currency: curdef, name: null, bankName: cleanText(from?.values.get('BANKID')?.value) },
      currency: curdef,
      periodFrom: ofxDate(list?.values.get('DTSTART'), 'DTSTART'),
      periodTo: ofxDate(list?.values.get('DTEND'), 'DTEND'),
      opening: null,
      closing,
      lines,
    });
  }
  return out;
}

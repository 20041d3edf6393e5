import { XMLParser } from 'fast-xml-parser';
import {
  BankFileError,
  type BankFormat,
  type ParsedStatement,
  type StatementBalance,
  type StatementLine,
} from './types.js';
import { bankAmountMinor, cleanText, isoDatePart } from './values.js';

/** An XML element as fast-xml-parser gives it: text, or an object of children and `@_` attributes. */
type Node = string | { readonly [key: string]: unknown };

const LISTS = new Set([
  'Stmt',
  'Rpt',
  'Ntfctn',
  'Ntry',
  'Bal',
  'TxDtls',
  'Ustrd',
  'AdrLine',
  'Strd',
  'RfrdDocInf',
  'Prtry',
  'NtryDtls',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => LISTS.has(name),
});

/** The child at `path`; the first element where the schema allows several. */
function at(node: unknown, ...path: string[]): unknown {
  let n: unknown = node;
  for (const key of path) {
    if (Array.isArray(n)) n = n[0];
    if (n === null || typeof n !== 'object') return undefined;
    n = (n as Record<string, unknown>)[key];
  }
  return Array.isArray(n) ? n[0] : n;
}
const list = (node: unknown, key: string): unknown[] => {
  const v = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
};
function text(node: unknown, ...path: string[]): string | null {
  const n = at(node, ...path);
  if (typeof n === 'string') return cleanText(n);
  if (n && typeof n === 'object' && '#text' in n) return cleanText(String((n as Record<string, unknown>)['#text']));
  return null;
}

interface Where {
  readonly line: number;
}

function amountOf(node: unknown, where: Where, field: string): { minor: number; currency: string } | null {
  const amt = at(node, 'Amt') as Node | undefined;
  if (amt === undefined) return null;
  const value = typeof amt === 'string' ? amt : String((amt as Record<string, unknown>)['#text'] ?? '');
  const currency = typeof amt === 'string' ? null : ((amt as Record<string, unknown>)['@_Ccy'] as string | undefined);
  if (!currency) throw new BankFileError('BANK_NO_CURRENCY', { line: where.line, field });
  const minor = bankAmountMinor(value, currency, { line: where.line, field });
  const sign = text(node, 'CdtDbtInd') === 'DBIT' ? -1 : 1;
  return { minor: sign * minor || 0, currency };
}

function dateOf(node: unknown, where: Where, field: string): string | null {
  const d = text(node, 'Dt') ?? text(node, 'DtTm');
  return d === null ? null : isoDatePart(d, { line: where.line, field });
}

const OPENING = ['OPBD', 'PRCD'];

function balances(
  stmt: unknown,
  kind: BankFormat,
  where: Where,
): { opening: StatementBalance | null; closing: StatementBalance | null } {
  const byCode = new Map<string, StatementBalance>();
  for (const bal of list(stmt, 'Bal')) {
    const code = text(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? text(bal, 'Tp', 'CdOrPrtry', 'Prtry');
    const amount = amountOf(bal, where, 'Bal/Amt');
    if (code === null || amount === null) continue;
    // The last balance of a code wins: an intraday report lists its interim balances in time order.
    byCode.set(code, {
      on: dateOf(at(bal, 'Dt'), where, 'Bal/Dt'),
      amountMinor: amount.minor,
      currency: amount.currency,
    });
  }
  const opening = OPENING.map((c) => byCode.get(c)).find((b) => b !== undefined) ?? null;
  const closing = byCode.get('CLBD') ?? (kind === 'camt.052' ? (byCode.get('ITBD') ?? null) : null);
  return { opening, closing };
}

function partyAccount(node: unknown): string | null {
  return (
    text(node, 'Id', 'IBAN') ??
    text(node, 'Id', 'Othr', 'Id') ??
    text(node, 'Id', 'PrtryAcct', 'Id') ??
    text(node, 'Id', 'BBAN')
  );
}

function lineOf(entry: unknown, index: number, stmtCurrency: string | null): StatementLine {
  const where = { line: index };
  const amount = amountOf(entry, where, 'Ntry/Amt');
  if (amount === null) throw new BankFileError('BANK_BAD_AMOUNT', { line: index, field: 'Ntry/Amt', value: '' });
  const isCredit = amount.minor >= 0 && text(entry, 'CdtDbtInd') !== 'DBIT';
  const details = list(entry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
  const tx = details[0];
  const parties = at(tx, 'RltdPties');
  // The counterparty is who paid us on a credit and whom we paid on a debit; v8 wraps it in <Pty>.
  const side = isCredit ? 'Dbtr' : 'Cdtr';
  const name = text(parties, side, 'Nm') ?? text(parties, side, 'Pty', 'Nm') ?? text(parties, `Ultmt${side}`, 'Nm');
  const account = partyAccount(at(parties, `${side}Acct`));
  const references: string[] = [];
  const remittance: string[] = [];
  for (const d of details) {
    for (const ref of [text(d, 'Refs', 'EndToEndId'), text(d, 'Refs', 'PmtInfId'), text(d, 'Refs', 'InstrId')]) {
      if (ref !== null && ref.toUpperCase() !== 'NOTPROVIDED') references.push(ref);
    }
    for (const strd of list(at(d, 'RmtInf'), 'Strd')) {
      const cref = text(strd, 'CdtrRefInf', 'Ref');
      if (cref !== null) references.push(cref);
      for (const doc of list(strd, 'RfrdDocInf')) {
        const nb = text(doc, 'Nb');
        if (nb !== null) references.push(nb);
      }
    }
    for (const u of list(at(d, 'RmtInf'), 'Ustrd')) {
      const t = cleanText(typeof u === 'string' ? u : String((u as Record<string, unknown>)['#text'] ?? ''));
      if (t !== null) remittance.push(t);
    }
    const info = text(d, 'AddtlTxInf');
    if (info !== null) remittance.push(info);
  }
  const entryInfo = text(entry, 'AddtlNtryInf');
  if (entryInfo !== null && !remittance.includes(entryInfo)) remittance.push(entryInfo);
  const domain = [
    text(entry, 'BkTxCd', 'Domn', 'Cd'),
    text(entry, 'BkTxCd', 'Domn', 'Fmly', 'Cd'),
    text(entry, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd'),
  ];
  return {
    sourceLine: index,
    bookedOn: dateOf(at(entry, 'BookgDt'), where, 'Ntry/BookgDt'),
    valueOn: dateOf(at(entry, 'ValDt'), where, 'Ntry/ValDt'),
    amountMinor: amount.minor,
    currency: amount.currency ?? stmtCurrency,
    counterpartyName: name,
    counterpartyAccount: account,
    references: [...new Set(references)],
    remittance: remittance.join(' '),
    bankReference: text(entry, 'AcctSvcrRef') ?? text(tx, 'Refs', 'AcctSvcrRef') ?? text(entry, 'NtryRef'),
    typeCode: domain.every((d) => d !== null) ? domain.join('/') : text(entry, 'BkTxCd', 'Prtry', 'Cd'),
  };
}

const ROOTS: ReadonlyArray<readonly [string, string, BankFormat]> = [
  ['BkToCstmrStmt', 'Stmt', 'camt.053'],
  ['BkToCstmrAcctRpt', 'Rpt', 'camt.052'],
  ['BkToCstmrDbtCdtNtfctn', 'Ntfctn', 'camt.054'],
];

/** True when the text is an ISO 20022 bank-to-customer message (camt.052, .053 or .054). */
export function looksLikeCamt(head: string): boolean {
  return /<(\w+:)?(BkToCstmrStmt|BkToCstmrAcctRpt|BkToCstmrDbtCdtNtfctn)(V\d+)?[\s>]/.test(head);
}

/**
 * Reads ISO 20022 camt.053 statements, camt.052 intraday reports (opening balance may be PRCD,
 * the previous closing) and camt.054 notifications (no balances). Lines are entries, numbered from
 * 1 in each statement; a line's `sourceLine` is that number.
 *
 * @example
 * parseCamt(xml) // [{ format: 'camt.053', account: { number: 'NL26VAYB8060476890', … }, lines: [{ amountMinor: 885, … }] }]
 */
export function parseCamt(xml: string): ParsedStatement[] {
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (error) {
    const m = /Line (\d+)/i.exec(String((error as Error).message));
    throw new BankFileError('BANK_BAD_XML', {
      line: m ? Number(m[1]) : 0,
      value: String((error as Error).message).slice(0, 120),
    });
  }
  const document = at(doc, 'Document');
  for (const [root, child, kind] of ROOTS) {
    // Version 1 messages name the version in the root (BkToCstmrAcctRptV01).
    const key =
      document && typeof document === 'object'
        ? Object.keys(document).find((k) => k === root || k.startsWith(`${root}V`))
        : undefined;
    const message = key === undefined ? undefined : at(document, key);
    if (message === undefined) continue;
    const records = list(message, child);
    if (records.length === 0) throw new BankFileError('BANK_NO_STATEMENT', { field: `${root}/${child}` });
    return records.map((stmt, i) => {
      const where = { line: i + 1 };
      const acct = at(stmt, 'Acct');
      const number = partyAccount(acct);
      if (number === null) throw new BankFileError('BANK_NO_ACCOUNT', { line: i + 1, field: `${child}/Acct/Id` });
      const { opening, closing } = balances(stmt, kind, where);
      const declared = text(acct, 'Ccy');
      const entries = list(stmt, 'Ntry');
      const firstCcy = entries.length > 0 ? (amountOf(entries[0], where, 'Ntry/Amt')?.currency ?? null) : null;
      const currency = declared ?? opening?.currency ?? closing?.currency ?? firstCcy;
      const lines = entries.map((e, n) => lineOf(e, n + 1, currency));
      const from = text(stmt, 'FrToDt', 'FrDtTm') ?? text(stmt, 'FrToDt', 'FrDt');
      const to = text(stmt, 'FrToDt', 'ToDtTm') ?? text(stmt, 'FrToDt', 'ToDt');
      const dates = lines
        .map((l) => l.bookedOn ?? l.valueOn)
        .filter((d): d is string => d !== null)
        .sort();
      return {
        format: kind,
        sourceLine: i + 1,
        statementId: text(stmt, 'Id'),
        account: {
          number,
          currency: declared,
          name: text(acct, 'Nm') ?? text(acct, 'Ownr', 'Nm'),
          bankName:
            text(acct, 'Svcr', 'FinInstnId', 'Nm') ??
            text(acct, 'Svcr', 'FinInstnId', 'BIC') ??
            text(acct, 'Svcr', 'FinInstnId', 'BICFI'),
        },
        currency,
        periodFrom: from ? isoDatePart(from, { ...where, field: 'FrToDt' }) : (opening?.on ?? dates[0] ?? null),
        periodTo: to ? isoDatePart(to, { ...where, field: 'FrToDt' }) : (closing?.on ?? dates.at(-1) ?? null),
        opening,
        closing,
        lines,
      };
    });
  }
  throw new BankFileError('BANK_UNKNOWN_FORMAT', { field: 'Document' });
}

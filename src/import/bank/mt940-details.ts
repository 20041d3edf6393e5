import { cleanText } from './values.js';

/** What the `:86:` information to the account owner says about a line. */
export interface SwiftDetails {
  readonly name: string | null;
  readonly account: string | null;
  readonly references: readonly string[];
  readonly text: string;
}

/** SEPA keys banks put in `?2x` remittance lines (German Verwendungszweck layout). */
const SEPA_KEYS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC)\+/g;

/** `?00` posting text, `?20`–`?29` and `?60`–`?63` remittance, `?30` bank code, `?31` account, `?32`–`?33` name. */
function readQuestionMarkFields(flat: string): SwiftDetails {
  const parts = flat.split(/\?(\d{2})/);
  const byCode = new Map<string, string[]>();
  for (let i = 1; i < parts.length; i += 2) {
    const code = parts[i] as string;
    byCode.set(code, [...(byCode.get(code) ?? []), parts[i + 1] ?? '']);
  }
  const remittanceCodes = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '61', '62', '63'];
  const remittance = remittanceCodes.flatMap((c) => byCode.get(c) ?? []).join('');
  const references: string[] = [];
  let text = remittance;
  const sepa = [...remittance.matchAll(SEPA_KEYS)];
  if (sepa.length > 0) {
    const values = new Map<string, string>();
    sepa.forEach((m, i) => {
      const start = (m.index ?? 0) + m[0].length;
      const end = sepa[i + 1]?.index ?? remittance.length;
      values.set(m[1] as string, remittance.slice(start, end).trim());
    });
    for (const key of ['EREF', 'KREF', 'MREF']) {
      const v = values.get(key);
      if (v && v.toUpperCase() !== 'NOTPROVIDED') references.push(v);
    }
    text = values.get('SVWZ') ?? remittance.slice(0, sepa[0]?.index ?? 0);
  }
  const account = cleanText((byCode.get('31') ?? []).join(''));
  return {
    name: cleanText([...(byCode.get('32') ?? []), ...(byCode.get('33') ?? [])].join('')),
    account,
    references,
    text: cleanText(text) ?? cleanText((byCode.get('00') ?? []).join('')) ?? '',
  };
}

const SLASH_KEYS =
  /\/(TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|CNTP|ORDP|BENM|ADDR|RTRN|PREF|ISDT|ULTC|ULTD|ULTB|PURP|CHGS|IREF|OCMT|ORIG|ID|SVWZ|ABWA|KREF)\//g;

/** `/TRTP/…/IBAN/…/NAME/…/REMI/…/EREF/…` (Dutch banks' SEPA layout). */
function readSlashFields(flat: string): SwiftDetails {
  const found = [...flat.matchAll(SLASH_KEYS)];
  const values = new Map<string, string>();
  found.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = found[i + 1]?.index ?? flat.length;
    if (!values.has(m[1] as string)) values.set(m[1] as string, flat.slice(start, end).replace(/\/+$/, ''));
  });
  const party = (values.get('CNTP') ?? values.get('ORDP') ?? values.get('BENM') ?? '').split('/');
  let remi = values.get('REMI') ?? '';
  // Structured remittance: /REMI/USTD//text/ or /REMI/STRD/CUR/ref/.
  remi = remi.replace(/^(USTD|STRD)\/+/, '').replace(/^CUR\//, '');
  const references = ['EREF', 'KREF', 'MARF', 'PREF', 'IREF']
    .map((k) => cleanText(values.get(k)))
    .filter((v): v is string => v !== null && v.toUpperCase() !== 'NOTPROVIDED');
  return {
    name: cleanText(values.get('NAME') ?? party[2] ?? null),
    account: cleanText(values.get('IBAN') ?? party[0] ?? null),
    references,
    text: cleanText(remi.replace(/\//g, ' ')) ?? '',
  };
}

/**
 * Reads an `:86:` field: the `?nn` layout of German and Polish banks, the `/KEY/value` layout of
 * Dutch banks, or free text. Structured fields wrap anywhere, so their lines join without a space.
 */
export function readSwiftDetails(value: string): SwiftDetails {
  const lines = value.split('\n');
  const flat = lines.join('');
  if (/^\s*\d{3}\s*\?\d{2}/.test(flat) || /^\s*\?\d{2}/.test(flat) || (flat.match(/\?\d{2}/g) ?? []).length >= 2) {
    return readQuestionMarkFields(flat);
  }
  if ((flat.match(SLASH_KEYS) ?? []).length >= 2) return readSlashFields(flat);
  return { name: null, account: null, references: [], text: cleanText(lines.join(' ')) ?? '' };
}

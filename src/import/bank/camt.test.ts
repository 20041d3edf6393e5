import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHARED_DATA_MISSING, sharedDataPath } from '../../app/shared-data.js';
import { parseCamt } from './camt.js';
import { BankFileError } from './types.js';

const ROOT = sharedDataPath('bank-statements/camt-genkgo/') ?? '';
/** The public fixtures sit in ../shared/data beside the checkout; without them these tests skip. */
const skip = ROOT === '' && SHARED_DATA_MISSING;

interface GenkgoEntry {
  getAmount: { getAmount: string; getCurrency: { getCode: string } };
  getBookingDate: { 0: string } | null;
  getValueDate: { 0: string } | null;
  getAccountServicerReference: string | null;
  getRecord:
    | {
        getAccount?: { getIdentification?: string };
        getBalances?: Array<{ getType: string; getAmount: { getAmount: string } }>;
      }
    | string;
}

const files = () => (ROOT === '' ? [] : readdirSync(ROOT)).filter((f) => f.endsWith('.xml')).sort();

test('the camt fixture folder is there', { skip }, () => {
  assert.ok(files().length >= 25);
});

for (const name of files()) {
  test(`camt ${name} parses to its expected result`, () => {
    const xml = readFileSync(join(ROOT, name), 'utf8');
    const json = join(ROOT, name.replace(/\.xml$/, '.json'));
    if (!existsSync(json)) {
      // camt053.v2.wrong.xml: a message with no statement in it.
      assert.throws(
        () => parseCamt(xml),
        (e: unknown) => e instanceof BankFileError && e.code === 'BANK_NO_STATEMENT',
      );
      return;
    }
    const expected = JSON.parse(readFileSync(json, 'utf8')) as { getEntries: GenkgoEntry[]; getRecords: unknown[] };
    const statements = parseCamt(xml);
    assert.equal(statements.length, expected.getRecords.length, 'statements');
    const lines = statements.flatMap((s) => s.lines);
    // genkgo's Message::getEntries lists the last record's entries only: each must be one of ours.
    if (statements.length === 1) assert.equal(lines.length, expected.getEntries.length, 'entries');
    else assert.equal(statements.at(-1)?.lines.length, expected.getEntries.length, 'entries of the last statement');
    const ours = statements.length === 1 ? lines : (statements.at(-1)?.lines ?? []);
    expected.getEntries.forEach((e, i) => {
      const l = ours[i];
      assert.ok(l);
      assert.equal(l.amountMinor, Number(e.getAmount.getAmount), `amount of entry ${i + 1}`);
      assert.equal(l.currency, e.getAmount.getCurrency.getCode);
      assert.equal(l.bookedOn, e.getBookingDate ? e.getBookingDate[0].slice(0, 10) : null);
      assert.equal(l.valueOn, e.getValueDate ? e.getValueDate[0].slice(0, 10) : null);
      if (e.getAccountServicerReference !== null) assert.equal(l.bankReference, e.getAccountServicerReference);
      if (typeof e.getRecord === 'object') {
        const s = statements.find((st) => st.lines.includes(l));
        if (e.getRecord.getAccount?.getIdentification)
          assert.equal(s?.account.number, e.getRecord.getAccount.getIdentification);
        const bal = (type: string) =>
          e.getRecord && typeof e.getRecord === 'object'
            ? e.getRecord.getBalances?.find((b) => b.getType === type)
            : undefined;
        // The expected parse lists every balance; opening is OPBD (else PRCD), closing CLBD (intraday: the interim).
        const opening = bal('opening');
        const closing = bal('closing') ?? (s?.format === 'camt.052' ? bal('interim') : undefined);
        if (opening) assert.equal(s?.opening?.amountMinor, Number(opening.getAmount.getAmount), 'opening');
        if (closing) assert.equal(s?.closing?.amountMinor, Number(closing.getAmount.getAmount), 'closing');
      }
    });
  });
}

test('camt.052 with a PRCD opening balance; camt.054 without balances; a statement without entries', () => {
  const doc = (body: string, root = 'BkToCstmrAcctRpt', ns = 'camt.052.001.02') =>
    `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:${ns}"><${root}><GrpHdr><MsgId>1</MsgId></GrpHdr>${body}</${root}></Document>`;
  const bal = (code: string, amt: string, ind: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">${amt}</Amt><CdtDbtInd>${ind}</CdtDbtInd><Dt><Dt>2026-12-01</Dt></Dt></Bal>`;
  const entry = `<Ntry><Amt Ccy="CNY">100.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>杭州甲方科技有限公司</Nm></Dbtr></RltdPties><RmtInf><Ustrd>INV-7</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
  const [report] = parseCamt(
    doc(
      `<Rpt><Id>R</Id><Acct><Id><Othr><Id>1234</Id></Othr></Id><Ccy>CNY</Ccy></Acct>${bal('PRCD', '10.00', 'DBIT')}${bal('ITBD', '90.50', 'CRDT')}${entry}</Rpt>`,
    ),
  );
  assert.equal(report?.opening?.amountMinor, -1000);
  assert.equal(report?.closing?.amountMinor, 9050);
  assert.equal(report?.lines[0]?.counterpartyName, '杭州甲方科技有限公司');
  assert.equal(report?.lines[0]?.remittance, 'INV-7');
  const [note] = parseCamt(
    doc(
      `<Ntfctn><Id>N</Id><Acct><Id><IBAN>DE1</IBAN></Id></Acct>${entry}</Ntfctn>`,
      'BkToCstmrDbtCdtNtfctn',
      'camt.054.001.02',
    ),
  );
  assert.equal(note?.format, 'camt.054');
  assert.equal(note?.opening, null);
  assert.equal(note?.currency, 'CNY');
  const [empty] = parseCamt(
    doc(
      `<Stmt><Id>S</Id><Acct><Id><IBAN>DE1</IBAN></Id><Ccy>EUR</Ccy></Acct>${bal('OPBD', '5', 'CRDT').replace(/CNY/, 'EUR')}${bal('CLBD', '5', 'CRDT').replace(/CNY/, 'EUR')}</Stmt>`,
      'BkToCstmrStmt',
      'camt.053.001.02',
    ),
  );
  assert.equal(empty?.lines.length, 0);
  assert.equal(empty?.closing?.amountMinor, 500);
});

test('a broken camt file is refused with the reason', () => {
  assert.throws(
    () => parseCamt('<Document><BkToCstmrStmt><Stmt>'),
    (e: unknown) => e instanceof BankFileError && e.code === 'BANK_BAD_XML',
  );
});

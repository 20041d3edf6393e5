import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHARED_DATA_MISSING, sharedDataPath } from '../../app/shared-data.js';
import { parseOfx } from './ofx.js';
import { BankFileError } from './types.js';

const ROOT = sharedDataPath('bank-statements/ofx-ofxparse/') ?? '';
/** The public fixtures sit in ../shared/data beside the checkout; without them these tests skip. */
const skip = ROOT === '' && SHARED_DATA_MISSING;
const read = (name: string) => readFileSync(join(ROOT, name), 'latin1');

/** What ofxparse's own tests expect of these files (tests/test_parse.py at the same commit). */
test('OFX bank statements: account, currency, ledger balance and lines', { skip }, () => {
  const [medium] = parseOfx(read('bank_medium.ofx'));
  assert.equal(medium?.account.number, '12300 000012345678');
  assert.equal(medium?.currency, 'CAD');
  assert.equal(medium?.closing?.amountMinor, 38234);
  assert.equal(medium?.lines.length, 3);
  assert.equal(medium?.lines[0]?.amountMinor, -660);
  assert.equal(medium?.lines[0]?.bookedOn, '2009-04-01');
  assert.equal(medium?.lines[0]?.bankReference, '0000123456782009040100001');
  const [checking] = parseOfx(read('checking.ofx'));
  assert.equal(checking?.account.number, '1452687~7');
  assert.equal(checking?.closing?.amountMinor, 10099);
  const accounts = parseOfx(read('multiple_accounts2.ofx'));
  assert.deepEqual(
    accounts.map((s) => [s.account.number, s.closing?.amountMinor]),
    [
      ['9100', 11100],
      ['9200', 22200],
    ],
  );
  const [card] = parseOfx(read('anzcc.ofx'));
  assert.equal(card?.closing?.amountMinor, -12345);
  const [empty] = parseOfx(read('ofx-v102-empty-tags.ofx'));
  assert.equal(empty?.currency, 'AUD');
  assert.equal(empty?.lines[0]?.amountMinor, 1234);
});

test('every OFX fixture reads or is refused with a reason naming the line', { skip }, () => {
  const names = [
    ...readdirSync(ROOT).filter((f) => f.endsWith('.ofx')),
    ...readdirSync(join(ROOT, 'fail_nice')).map((f) => `fail_nice/${f}`),
  ];
  assert.ok(names.length >= 20);
  const refused = new Map([
    ['fail_nice/date_missing.ofx', 'BANK_NO_DATE'],
    ['fail_nice/decimal_error.ofx', 'BANK_BAD_DATE'],
  ]);
  for (const name of names) {
    const code = refused.get(name);
    if (code) {
      assert.throws(
        () => parseOfx(read(name)),
        (e: unknown) => e instanceof BankFileError && e.code === code && (e.details.line ?? 0) > 0,
        name,
      );
      continue;
    }
    for (const s of parseOfx(read(name))) {
      assert.ok(s.account.number !== '' && s.currency !== null, name);
      for (const l of s.lines) assert.ok(l.bookedOn !== null && Number.isSafeInteger(l.amountMinor), name);
    }
  }
  // Investment statements (fidelity, vanguard, td_ameritrade) carry no bank lines.
  assert.deepEqual(parseOfx(read('fidelity.ofx')), []);
});

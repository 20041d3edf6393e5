import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { SHARED_DATA_MISSING, sharedDataPath } from '../../app/shared-data.js';
import { checkBalances } from './balance-check.js';
import { readStatementFile } from './read-statement-file.js';
import { BankFileError } from './types.js';

const SHARED = sharedDataPath('bank-statements/') ?? '';
/** The public fixtures sit in ../shared/data beside the checkout; without them these tests skip. */
const skip = SHARED === '' && SHARED_DATA_MISSING;
const OURS = new URL('../../../fixtures/bank-statements/', import.meta.url).pathname;

test('the format is recognised by content, whatever the name says', { skip }, async () => {
  assert.equal((await readStatementFile(readFileSync(`${SHARED}mt940-wolph/jejik/generic.sta`)))[0]?.format, 'mt940');
  assert.equal((await readStatementFile(readFileSync(`${SHARED}camt-genkgo/camt052.v4.xml`)))[0]?.format, 'camt.052');
  assert.equal((await readStatementFile(readFileSync(`${SHARED}ofx-ofxparse/bank_medium.ofx`)))[0]?.format, 'ofx');
  assert.equal((await readStatementFile(readFileSync(`${OURS}icbc-style.gbk.csv`)))[0]?.format, 'cn-bank');
  assert.equal((await readStatementFile(readFileSync(`${OURS}ccb-style.xlsx`)))[0]?.format, 'cn-bank');
});

test('工行-style GBK CSV: title block, 借方/贷方 columns, 对方户名/对方账号/摘要/附言, the 合计 row left out', async () => {
  const [s] = await readStatementFile(readFileSync(`${OURS}icbc-style.gbk.csv`));
  assert.equal(s?.account.number, '1202020209000012345');
  assert.equal(s?.account.name, '上海示例贸易有限公司');
  assert.equal(s?.currency, 'CNY');
  assert.equal(s?.lines.length, 4);
  assert.deepEqual(
    s?.lines.map((l) => [l.sourceLine, l.amountMinor, l.counterpartyName, l.bankReference]),
    [
      [5, 1200000, '杭州甲方科技有限责任公司', 'ICBC20261102001'],
      [6, -1500, null, 'ICBC20261105002'],
      [7, 3000000, '苏州乙方制造有限公司（苏州分公司）', 'ICBC20261110003'],
      [8, -800000, '宁波丙方材料有限公司', 'ICBC20261120004'],
    ],
  );
  assert.equal(s?.lines[2]?.remittance, '货款 发票号 INV-2026-0102 INV-2026-0103');
  assert.equal(s?.lines[2]?.counterpartyAccount, '6222000033334444');
  assert.equal(s?.opening?.amountMinor, 10000000);
  assert.equal(s?.closing?.amountMinor, 13398500);
  assert.deepEqual(checkBalances(s ? [s] : []), []);
});

test('招行-style CSV: one signed 交易金额, newest first, put in date order', async () => {
  const [s] = await readStatementFile(readFileSync(`${OURS}cmb-style.csv`));
  assert.equal(s?.account.number, '755912345610801');
  assert.deepEqual(
    s?.lines.map((l) => [l.bookedOn, l.amountMinor]),
    [
      ['2026-11-03', -5000000],
      ['2026-11-08', 1000000],
      ['2026-11-15', -250000],
    ],
  );
  assert.equal(s?.opening?.amountMinor, 10000000);
  assert.equal(s?.closing?.amountMinor, 5750000);
});

test('建行-style workbook: merged title row, 币种 美元, 交易时间 with a time', async () => {
  const [s] = await readStatementFile(readFileSync(`${OURS}ccb-style.xlsx`));
  assert.equal(s?.currency, 'USD');
  assert.equal(s?.account.number, '31050161393600001234');
  assert.deepEqual(
    s?.lines.map((l) => [l.bookedOn, l.amountMinor, l.counterpartyAccount]),
    [
      ['2026-11-03', 500000, 'GB33BUKB20201555555555'],
      ['2026-11-04', -2500, null],
    ],
  );
});

test('a running balance that does not follow is reported at its line', async () => {
  const text = iconv.decode(readFileSync(`${OURS}icbc-style.gbk.csv`), 'gbk').replace('"111,985.00"', '"111,995.00"');
  const statements = await readStatementFile(iconv.encode(text, 'gbk'));
  const findings = checkBalances(statements);
  // The check goes on from the stated balance: a wrong cell shows at its line and the next.
  assert.deepEqual(
    findings.map((f) => [f.code, f.line, f.expected, f.actual]),
    [
      ['BANK_LINE_BALANCE_MISMATCH', 6, '111985.00', '111995.00'],
      ['BANK_LINE_BALANCE_MISMATCH', 7, '141995.00', '141985.00'],
    ],
  );
});

test('a file that is no statement, or an empty one, is refused with the reason', { skip }, async () => {
  const refused = async (data: Buffer, code: string) =>
    assert.rejects(readStatementFile(data), (e: unknown) => e instanceof BankFileError && e.code === code);
  await refused(Buffer.from(''), 'BANK_EMPTY_FILE');
  await refused(Buffer.from('hello,world\n1,2\n'), 'BANK_UNKNOWN_FORMAT');
  await refused(readFileSync(`${SHARED}mt940-wolph/self-provided/invalid_statement.sta`), 'BANK_UNKNOWN_FORMAT');
  await refused(
    Buffer.from(':20:X\n:25:123\n:60F:C200101EUR1,00\n:61:2001XXC7,5\n:62F:C200102EUR8,50\n'),
    'BANK_BAD_LINE',
  );
});

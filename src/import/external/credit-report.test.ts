import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSheets } from '../../app/external-data/import.js';
import { readBureauFile } from './bureau.js';
import { readCreditReport } from './credit-report.js';
import { SAMPLE_CODE, sampleReport, writeWorkbook } from './test-workbooks.js';
import { cellAmount, cellDate } from './values.js';

test('amounts with 万 and 亿 and a currency word read exactly; text dates in the three forms', () => {
  assert.deepEqual(cellAmount('1000万人民币', 'CNY'), { minor: 1_000_000_000, currency: 'CNY' });
  assert.deepEqual(cellAmount('500万美元', 'CNY'), { minor: 500_000_000, currency: 'USD' });
  assert.deepEqual(cellAmount('86.5万元', 'CNY'), { minor: 86_500_000, currency: 'CNY' });
  assert.deepEqual(cellAmount('1.2345亿', 'CNY'), { minor: 12_345_000_000, currency: 'CNY' });
  assert.deepEqual(cellAmount('1,200,000.50元', 'CNY'), { minor: 120_000_050, currency: 'CNY' });
  assert.deepEqual(cellAmount(865000, 'CNY'), { minor: 86_500_000, currency: 'CNY' });
  assert.equal(cellAmount('-', 'CNY'), null);
  assert.equal(cellAmount('约八十万', 'CNY'), undefined);
  assert.equal(cellDate('2024-03-05'), '2024-03-05');
  assert.equal(cellDate('2024年3月5日'), '2024-03-05');
  assert.equal(cellDate('2024/3/5'), '2024-03-05');
  assert.equal(cellDate('2024/13/5'), undefined);
  assert.equal(cellDate('--'), null);
});

test('a 企查查 export: title and notes above each header, sections by sheet, plaintiff cases left out', async () => {
  const sheets = await readSheets('丙方-企查查.xlsx', await writeWorkbook(sampleReport()));
  const r = readCreditReport(sheets, '丙方-企查查.xlsx');
  assert.deepEqual(r.problems, []);
  assert.equal(r.source, '企查查');
  assert.equal(r.reportedOn, '2026-12-01');
  assert.deepEqual(r.registration, {
    creditCode: SAMPLE_CODE,
    name: '上海丙方商贸有限公司',
    legalRepresentative: '张三',
    foundedOn: '2015-06-18',
    capitalMinor: 1_000_000_000,
    capitalCurrency: 'CNY',
    status: 'active',
    statusText: '存续(在营、开业、在册)',
  });
  assert.equal(r.shareholders, 2);
  assert.deepEqual(
    r.events.map((e) => [e.type, e.occurredOn, e.reference, e.amountMinor, e.resolvedOn, e.row]),
    [
      // 失信: the publication date (发布日期), not the filing date.
      ['dishonest_debtor', '2026-10-12', '(2026)沪0115执12345号', 86_500_000, null, 4],
      ['enforcement', '2026-08-03', '(2026)沪0115执12345号', 86_500_000, null, 3],
      ['lawsuit_defendant', '2026-05-20', '(2026)沪0115民初2001号', 86_500_000, null, 3],
      ['abnormal_operations', '2024-03-05', '', null, '2024-09-10', 3],
      ['administrative_penalty', '2025-07-01', '沪市监浦处〔2025〕152号', 5_000_000, null, 3],
    ],
  );
  // Five event rows kept, and the plaintiff case read but left out.
  assert.equal(r.rowsRead, 6);
});

test('a bad cell is a problem naming the sheet, row and field', async () => {
  const sheets = sampleReport();
  const bad = sheets.map((s) =>
    s.name === '被执行人' ? { ...s, rows: [[1, '(2026)沪0115执12345号', '2026年13月3日', 865000, '法院']] } : s,
  );
  const r = readCreditReport(await readSheets('x.xlsx', await writeWorkbook(bad)), 'x.xlsx');
  assert.deepEqual(r.problems, [
    { sheet: '被执行人', row: 3, field: '立案日期', value: '2026年13月3日', code: 'EXT_BAD_DATE' },
  ]);
});

test('bureau files: Creditsafe scores, D&B PAYDEX and failure scores (UK percentile or US class)', async () => {
  const cs = readBureauFile(
    await readSheets(
      'cs.csv',
      Buffer.from(
        'Company Number,Company Name,Credit Score,International Score,Credit Limit,Currency,Date\n' +
          'CN123,上海丙方商贸有限公司,72,A,500000,cny,2026-06-01\n' +
          'CN123,上海丙方商贸有限公司,41,C,100000,CNY,2026-11-02\n',
      ),
    ),
  );
  assert.equal(cs.bureau, 'creditsafe');
  assert.deepEqual(
    cs.rows.map((r) => [r.companyId, r.ratedOn, r.ratings, r.international, r.limit]),
    [
      ['CN123', '2026-06-01', [{ agency: 'creditsafe', value: '72' }], 'A', '500000 CNY'],
      ['CN123', '2026-11-02', [{ agency: 'creditsafe', value: '41' }], 'C', '100000 CNY'],
    ],
  );
  const dnb = readBureauFile(
    await readSheets(
      'dnb.csv',
      Buffer.from(
        'DUNS,Business Name,PAYDEX,Failure Score,Failure Class,Delinquency Score,Date\n' +
          '65-432-1987,ACME GmbH,78,62,,480,2026-09-30\n' +
          '123456789,ACME Inc,70,1450,4,400,2026-09-30\n' +
          '123456789,ACME Inc,70,1450,,400,2026-10-30\n',
      ),
    ),
  );
  assert.equal(dnb.bureau, 'dnb');
  assert.deepEqual(
    dnb.rows.map((r) => [r.companyId, r.ratings.map((x) => `${x.agency}=${x.value}`)]),
    [
      ['654321987', ['dnb_paydex=78', 'dnb_failure=62']],
      ['123456789', ['dnb_paydex=70', 'dnb_failure=class:4']],
    ],
  );
  assert.deepEqual(dnb.problems, [
    { sheet: 'dnb.csv', row: 4, field: 'Failure Class', value: '', code: 'EXT_NEEDS_FAILURE_CLASS' },
  ]);
});

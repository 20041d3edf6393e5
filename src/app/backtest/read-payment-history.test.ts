import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePaymentHistory } from './read-payment-history.js';

const IBM =
  'countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate\n' +
  '406,8976-AMJEO,3/3/2012,0007900770,1/26/2013,2/25/2013,61.74,Yes,3/3/2013,Electronic,36,6\n' +
  '818,6627-ELFBK,11/26/2012,0015752855,10/25/2012,11/24/2012,72.27,No,11/28/2012,Paper,34,4\n';

test('IBM layout: M/D/YYYY dates, Yes/No, channel, invoice numbers kept with leading zeros', () => {
  const r = parsePaymentHistory(IBM, 'ibm.csv');
  assert.ok(r.ok);
  assert.equal(r.value.layout, 'ibm');
  assert.deepEqual(r.value.invoices[0], {
    invoiceNumber: '0007900770',
    customerId: '8976-AMJEO',
    issuedOn: '2013-01-26',
    dueOn: '2013-02-25',
    settledOn: '2013-03-03',
    amount: 61.74,
    isDisputed: true,
    channel: 'electronic',
  });
  assert.equal(r.value.invoices[1]?.channel, 'paper');
});

test('project layout with Chinese headers; an empty settled date is an open row', () => {
  const csv =
    '发票号码,客户编码,开票日期,到期日,金额,币种,结清日期,是否争议\nF001,C1,2025-01-02,2025-02-01,1000.50,CNY,2025-02-10,否\nF002,C1,2025-03-01,2025-03-31,20,CNY,,是\n';
  const r = parsePaymentHistory(csv, 'zh.csv');
  assert.ok(r.ok);
  assert.equal(r.value.layout, 'project');
  assert.equal(r.value.invoices.length, 1);
  assert.equal(r.value.openRows, 1);
  assert.equal(r.value.invoices[0]?.settledOn, '2025-02-10');
  assert.equal(r.value.invoices[0]?.isDisputed, false);
});

test('a bad date names the file, row and field', () => {
  const bad = IBM.replace('1/26/2013', '13/26/2013');
  const r = parsePaymentHistory(bad, 'ibm.csv');
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'HISTORY_BAD_DATE');
  assert.deepEqual(
    {
      file: r.error.details.file,
      row: r.error.details.row,
      field: r.error.details.field,
      value: r.error.details.value,
    },
    { file: 'ibm.csv', row: 2, field: 'InvoiceDate', value: '13/26/2013' },
  );
});

test('an unknown header is refused', () => {
  const r = parsePaymentHistory('a,b,c\n1,2,3\n', 'x.csv');
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'HISTORY_UNKNOWN_LAYOUT');
});

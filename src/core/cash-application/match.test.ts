import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withinOneEdit } from './invoice-refs.js';
import { CashApplication, type IncomingPayment, type OpenInvoice, type Payer } from './match.js';
import {
  cashApplicationSettings,
  payableCashApplicationSettings,
  DEFAULT_CASH_APPLICATION_SETTINGS as S,
} from './settings.js';

const inv = (
  number: string,
  customerId: string,
  openMinor: number,
  dueOn = '2026-11-30',
  currency = 'CNY',
): OpenInvoice => ({
  invoiceId: `id-${number}`,
  number,
  customerId,
  currency,
  openMinor,
  issuedOn: '2026-10-01',
  dueOn,
});
const PAYERS: Payer[] = [
  { id: 'c1', code: 'C1', name: '杭州甲方科技有限公司', accounts: ['6222000011112222'] },
  { id: 'c2', code: 'C2', name: '苏州乙方制造有限公司', accounts: [] },
  { id: 'c3', code: 'C3', name: 'ACME Trading Ltd', accounts: [] },
];
const pay = (over: Partial<IncomingPayment>): IncomingPayment => ({
  id: 'p',
  amountMinor: 0,
  currency: 'CNY',
  receivedOn: '2026-11-15',
  payerName: null,
  payerAccount: null,
  text: '',
  ...over,
});
const book = (invoices: OpenInvoice[]) => new CashApplication(invoices, PAYERS, S);

test('invoice number in the text and the exact amount: applied, with the reasons', () => {
  const m = book([inv('INV-2026-0101', 'c1', 12_000_00), inv('INV-2026-0102', 'c1', 5_000_00)]).match(
    pay({ amountMinor: 12_000_00, text: '货款 INV-2026-0101', payerName: '杭州甲方科技有限责任公司' }),
  );
  assert.equal(m.decision, 'apply');
  assert.equal(m.customerId, 'c1');
  assert.deepEqual(m.allocations, [{ invoiceId: 'id-INV-2026-0101', number: 'INV-2026-0101', amountMinor: 12_000_00 }]);
  assert.deepEqual(
    m.reasons.map((r) => r.code),
    ['MATCH_REASON_INVOICE_NUMBER', 'MATCH_REASON_PAYER_NAME_VARIANT', 'MATCH_REASON_AMOUNT_EXACT'],
  );
});

test('a part payment is allocated exactly what was paid; the next payment sees what is left', () => {
  const app = book([inv('INV-7001', 'c2', 10_000_00)]);
  const first = app.match(pay({ amountMinor: 4_000_00, text: 'INV-7001 part', payerName: '苏州乙方制造有限公司' }));
  assert.equal(first.decision, 'apply');
  assert.deepEqual(
    first.allocations.map((a) => a.amountMinor),
    [4_000_00],
  );
  assert.equal(app.openOf('id-INV-7001'), 6_000_00);
  const rest = app.match(pay({ amountMinor: 6_000_00, text: 'INV-7001 rest', payerName: '苏州乙方制造有限公司' }));
  assert.deepEqual(
    rest.allocations.map((a) => a.amountMinor),
    [6_000_00],
  );
  assert.equal(app.openOf('id-INV-7001'), 0);
});

test('short by a bank charge within tolerance: settled, the difference a charge; beyond it, a part payment', () => {
  const m = book([inv('INV-8001', 'c3', 5_000_00, '2026-11-30', 'USD')]).match(
    pay({ amountMinor: 4_975_00, currency: 'USD', text: 'INV-8001', payerName: 'ACME TRADING LIMITED' }),
  );
  assert.equal(m.decision, 'apply');
  assert.equal(m.chargeMinor, 25_00);
  assert.deepEqual(
    m.allocations.map((a) => a.amountMinor),
    [4_975_00],
  );
  const beyond = book([inv('INV-8001', 'c3', 5_000_00, '2026-11-30', 'USD')]).match(
    pay({ amountMinor: 4_500_00, currency: 'USD', text: 'INV-8001', payerName: 'ACME Trading Ltd' }),
  );
  assert.equal(beyond.chargeMinor, 0);
  assert.ok(beyond.reasons.some((r) => r.code === 'MATCH_REASON_PARTIAL'));
});

test('one payment for several invoices, by numbers or by the payer and a unique combination', () => {
  const invoices = [
    inv('INV-2026-0102', 'c2', 10_000_00, '2026-11-10'),
    inv('INV-2026-0103', 'c2', 20_000_00, '2026-11-20'),
    inv('INV-2026-0104', 'c2', 7_000_00, '2026-11-25'),
  ];
  const named = book(invoices).match(
    pay({
      amountMinor: 30_000_00,
      text: '发票号 INV-2026-0102 INV-2026-0103',
      payerName: '苏州乙方制造有限公司（苏州分公司）',
    }),
  );
  assert.equal(named.decision, 'apply');
  assert.deepEqual(
    named.allocations.map((a) => a.number),
    ['INV-2026-0102', 'INV-2026-0103'],
  );
  const combined = book(invoices).match(
    pay({ amountMinor: 27_000_00, text: '货款', payerName: '苏州乙方制造有限公司' }),
  );
  assert.deepEqual(
    combined.allocations.map((a) => a.number),
    ['INV-2026-0103', 'INV-2026-0104'],
  );
  assert.equal(combined.decision, 'review');
});

test('a known payer account and a unique open amount: applied without any number', () => {
  const m = book([inv('A-1', 'c1', 3_000_00), inv('A-2', 'c1', 4_000_00)]).match(
    pay({ amountMinor: 4_000_00, payerAccount: '6222 0000 1111 2222' }),
  );
  assert.equal(m.decision, 'apply');
  assert.deepEqual(
    m.allocations.map((a) => a.number),
    ['A-2'],
  );
  assert.equal(m.reasons[0]?.code, 'MATCH_REASON_PAYER_ACCOUNT');
});

test('doubt goes to review: a number one character off, two invoices of the same amount, another customer’s number', () => {
  const typo = book([inv('INV-20260042', 'c1', 1_000_00)]).match(pay({ amountMinor: 1_000_00, text: 'INV-20260043' }));
  assert.equal(typo.decision, 'review');
  assert.equal(typo.reasons[0]?.code, 'MATCH_REASON_INVOICE_NUMBER_FUZZY');
  const twins = book([inv('B-1', 'c1', 500_00, '2026-11-01'), inv('B-2', 'c1', 500_00, '2026-11-05')]).match(
    pay({ amountMinor: 500_00, payerName: '杭州甲方科技有限公司' }),
  );
  assert.equal(twins.decision, 'review');
  assert.deepEqual(
    twins.allocations.map((a) => a.number),
    ['B-1'],
  );
  const other = book([inv('C-123456', 'c2', 800_00)]).match(
    pay({ amountMinor: 800_00, text: 'C-123456', payerName: '杭州甲方科技有限公司' }),
  );
  assert.notEqual(other.decision, 'apply');
  const nothing = book([inv('D-1', 'c1', 100_00)]).match(pay({ amountMinor: 999_00, text: 'salary' }));
  assert.equal(nothing.decision, 'none');
});

test('settings: an organisation’s values are checked, bad ones keep the default', () => {
  const s = cashApplicationSettings({ autoApplyConfidence: 0.95, chargeToleranceMinor: -1, nameSimilarity: 'x' });
  assert.equal(s.autoApplyConfidence, 0.95);
  assert.equal(s.chargeToleranceMinor, S.chargeToleranceMinor);
  assert.equal(s.nameSimilarity, S.nameSimilarity);
  assert.ok(withinOneEdit('INV2026042', 'INV2026024'));
  assert.ok(!withinOneEdit('INV2026042', 'INV2027024'));
});

test('paid more than the named invoice: the payer’s unnamed invoice that makes up the rest joins the match; else review', () => {
  const invoices = [inv('E-100001', 'c1', 1_000_00, '2026-11-01'), inv('E-100002', 'c1', 250_00, '2026-11-02')];
  const joined = book(invoices).match(
    pay({ amountMinor: 1_250_00, text: 'E-100001', payerName: '杭州甲方科技有限公司' }),
  );
  assert.equal(joined.decision, 'apply');
  assert.deepEqual(
    joined.allocations.map((a) => a.number),
    ['E-100001', 'E-100002'],
  );
  const over = book(invoices).match(
    pay({ amountMinor: 1_300_00, text: 'E-100001', payerName: '杭州甲方科技有限公司' }),
  );
  assert.equal(over.decision, 'review');
  assert.ok(over.reasons.some((r) => r.code === 'MATCH_REASON_OVERPAID'));
});

test('the same engine on the payable side: a bill paid 15.00 short is a part payment, never a charge', () => {
  const suppliers: Payer[] = [{ id: 's1', code: 'S1', name: '宁波丙方材料有限公司', accounts: [] }];
  const bills = [inv('PO-88', 's1', 8_000_00)];
  const p = pay({ amountMinor: 7_985_00, payerName: '宁波丙方材料有限公司', text: '采购 PO-88' });
  // Receivable settings would take the 15.00 as a bank charge and settle the document.
  const asInvoice = new CashApplication(bills, suppliers, S).match(p);
  assert.equal(asInvoice.chargeMinor, 15_00);
  const asBill = new CashApplication(bills, suppliers, payableCashApplicationSettings(S)).match(p);
  assert.equal(asBill.chargeMinor, 0);
  assert.deepEqual(
    asBill.allocations.map((a) => [a.number, a.amountMinor]),
    [['PO-88', 7_985_00]],
  );
  assert.deepEqual(
    asBill.reasons.map((r) => r.code),
    ['MATCH_REASON_INVOICE_NUMBER', 'MATCH_REASON_PAYER_NAME', 'MATCH_REASON_PARTIAL'],
  );
  // 0.6 + 0.3 + 0.05 = 0.95: a part payment naming its bill and payee is applied.
  assert.equal(asBill.confidence, 0.95);
  assert.equal(asBill.decision, 'apply');
});

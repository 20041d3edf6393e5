import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { computeOpenBills } from '../../core/position/index.js';
import type { Db } from '../../db/connection.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { loadPayablesLedger } from '../../db/stores/receivables.js';
import { describeEachDialect } from '../../db/test-support.js';
import { fixedClock } from '../clock.js';
import {
  decideProposal,
  listReviewQueue,
  loadOpenBillsToMatch,
  loadOpenInvoices,
  runCashApplication,
} from './cash-application.js';
import { importBankStatement } from './import-statement.js';

const OURS = new URL('../../../fixtures/bank-statements/', import.meta.url).pathname;
const clock = fixedClock('2026-12-01T10:00:00Z');

async function seed(db: Db) {
  await createOrganisation(db, { id: 'o1', name: 'o1', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await db.kysely
    .insertInto('customers')
    .values([
      {
        org_id: 'o1',
        id: 'c1',
        code: 'C1',
        name: '杭州甲方科技有限公司',
        registration_no: null,
        industry: null,
        size_class: null,
        currency: null,
        email: null,
        since_on: null,
      },
      {
        org_id: 'o1',
        id: 'c2',
        code: 'C2',
        name: '苏州乙方制造有限公司',
        registration_no: null,
        industry: null,
        size_class: null,
        currency: null,
        email: null,
        since_on: null,
      },
    ])
    .execute();
  const invoice = (id: string, customer: string, number: string, amount: number, due: string) => ({
    org_id: 'o1',
    id,
    customer_id: customer,
    number,
    issued_on: '2026-10-01',
    due_on: due,
    currency: 'CNY',
    amount_minor: amount,
    external_id: null,
    channel: null,
  });
  await db.kysely
    .insertInto('invoices')
    .values([
      invoice('i1', 'c1', 'INV-2026-0101', 12_000_00, '2026-10-31'),
      invoice('i2', 'c2', 'INV-2026-0102', 10_000_00, '2026-11-04'),
      invoice('i3', 'c2', 'INV-2026-0103', 20_000_00, '2026-11-05'),
      invoice('i4', 'c2', 'INV-2026-0104', 7_777_00, '2026-11-30'),
    ])
    .execute();
}

const open = async (db: Db) =>
  new Map((await loadOpenInvoices(db, 'o1', '2026-11-30')).map((i) => [i.number, i.openMinor]));

describeEachDialect('cash application', (openDb) => {
  test('statement lines become receipts with the bank reference; sure matches are applied in one go; running again changes nothing', async () => {
    const db = await openDb();
    try {
      await seed(db);
      await importBankStatement(db, {
        orgId: 'o1',
        data: readFileSync(`${OURS}icbc-style.gbk.csv`),
        fileName: 'icbc.csv',
        clock,
      });
      const dry = await runCashApplication(db, { orgId: 'o1', asOf: '2026-11-30', dryRun: true });
      assert.equal(dry.applied.length, 2);
      assert.equal(
        (await db.kysely.selectFrom('receipts').selectAll().execute()).length,
        0,
        'a dry run writes nothing',
      );
      const r = await runCashApplication(db, { orgId: 'o1', asOf: '2026-11-30' });
      assert.equal(r.lines, 2, 'outgoing lines are never matched to receivables');
      assert.deepEqual(
        r.applied.map((p) => [p.bankReference, p.invoices.map((i) => i.number)]),
        [
          ['ICBC20261102001', ['INV-2026-0101']],
          ['ICBC20261110003', ['INV-2026-0102', 'INV-2026-0103']],
        ],
      );
      const receipts = await db.kysely
        .selectFrom('receipts')
        .select(['reference', 'customer_id', 'amount_minor'])
        .orderBy('reference')
        .execute();
      assert.deepEqual(
        receipts.map((x) => [x.reference, x.customer_id, Number(x.amount_minor)]),
        [
          ['ICBC20261102001', 'c1', 12_000_00],
          ['ICBC20261110003', 'c2', 30_000_00],
        ],
      );
      assert.deepEqual([...(await open(db)).entries()], [['INV-2026-0104', 7_777_00]]);
      const known = await db.kysely
        .selectFrom('customer_bank_accounts')
        .select(['customer_id', 'account_no'])
        .orderBy('customer_id')
        .execute();
      assert.deepEqual(
        known.map((k) => [k.customer_id, k.account_no]),
        [
          ['c1', '6222000011112222'],
          ['c2', '6222000033334444'],
        ],
      );
      const again = await runCashApplication(db, { orgId: 'o1', asOf: '2026-11-30' });
      assert.equal(again.lines, 0);
    } finally {
      await db.close();
    }
  });

  test('the review queue: a doubtful payment is proposed, then accepted, split or rejected', async () => {
    const db = await openDb();
    try {
      await seed(db);
      // From a known payer, no invoice number, two combinations … a part payment of 5,000.00 from 乙方.
      const csv = [
        '账号：,1202020209000099999',
        '交易日期,摘要,借方发生额,贷方发生额,余额,对方户名,对方账号,交易流水号',
        '2026-11-21,货款,,"5,000.00","5,000.00",苏州乙方制造有限公司,6222000033334444,R-1',
        '2026-11-22,货款,,"12,000.00","17,000.00",某某贸易商行,6222999900001111,R-2',
        '2026-11-23,退款,,"1.00","17,001.00",,,R-3',
      ].join('\n');
      await importBankStatement(db, { orgId: 'o1', data: Buffer.from(csv), fileName: 'x.csv', clock });
      const r = await runCashApplication(db, { orgId: 'o1', asOf: '2026-11-30' });
      assert.deepEqual(
        r.review.map((p) => [p.bankReference, p.invoices.map((i) => `${i.number}=${i.amount}`)]),
        [
          ['R-1', ['INV-2026-0102=5000.00']],
          ['R-2', ['INV-2026-0101=12000.00']],
        ],
      );
      assert.deepEqual(
        r.unmatched.map((p) => p.bankReference),
        ['R-3'],
      );
      const queue = await listReviewQueue(db, { orgId: 'o1' });
      assert.equal(queue.length, 2);
      const [first, second] = queue;
      const split = await decideProposal(db, {
        orgId: 'o1',
        proposalId: first?.proposalId as string,
        decision: 'split',
        split: [{ number: 'INV-2026-0104', amountMinor: 5_000_00 }],
        by: 't',
        clock,
      });
      assert.deepEqual(
        split.invoices.map((i) => i.number),
        ['INV-2026-0104'],
      );
      await decideProposal(db, {
        orgId: 'o1',
        proposalId: second?.proposalId as string,
        decision: 'reject',
        by: 't',
        clock,
      });
      const left = await open(db);
      assert.equal(left.get('INV-2026-0104'), 2_777_00);
      assert.equal(left.get('INV-2026-0101'), 12_000_00);
      assert.equal((await listReviewQueue(db, { orgId: 'o1' })).length, 0);
      await assert.rejects(
        decideProposal(db, {
          orgId: 'o1',
          proposalId: second?.proposalId as string,
          decision: 'accept',
          by: 't',
          clock,
        }),
        /MATCH_PROPOSAL_NOT_FOUND/,
      );
      assert.equal(
        (await runCashApplication(db, { orgId: 'o1', asOf: '2026-11-30' })).review.length,
        0,
        'a rejected line is not proposed again',
      );
    } finally {
      await db.close();
    }
  });

  test('a payment short by a bank charge settles the invoice; the charge is a credit note', async () => {
    const db = await openDb();
    try {
      await seed(db);
      const csv = [
        '账号：,1202020209000011111',
        '交易日期,摘要,借方发生额,贷方发生额,对方户名,交易流水号',
        '2026-11-25,INV-2026-0104,,"7,762.00",苏州乙方制造有限公司,R-9',
      ].join('\n');
      await importBankStatement(db, { orgId: 'o1', data: Buffer.from(csv), fileName: 'y.csv', clock });
      const r = await runCashApplication(db, { orgId: 'o1', asOf: '2026-11-30' });
      assert.equal(r.applied[0]?.charge, '15.00');
      assert.equal((await open(db)).get('INV-2026-0104'), undefined, 'settled');
      const notes = await db.kysely
        .selectFrom('credit_notes')
        .select(['invoice_id', 'amount_minor', 'reason'])
        .execute();
      assert.deepEqual(
        notes.map((n) => [n.invoice_id, Number(n.amount_minor), n.reason]),
        [['i4', 15_00, 'bank charge']],
      );
    } finally {
      await db.close();
    }
  });

  test('outgoing lines become payments and settle bills like receipts settle invoices; never an invoice', async () => {
    const db = await openDb();
    try {
      await seed(db);
      const supplier = (id: string, name: string) => ({
        org_id: 'o1',
        id,
        code: id.toUpperCase(),
        name,
        registration_no: null,
        currency: null,
      });
      await db.kysely
        .insertInto('suppliers')
        .values([supplier('s1', '宁波丙方材料有限公司'), supplier('s2', '无锡丁方包装有限公司')])
        .execute();
      const bill = (id: string, supplierId: string, number: string, amount: number, due: string) => ({
        org_id: 'o1',
        id,
        supplier_id: supplierId,
        number,
        issued_on: '2026-10-15',
        due_on: due,
        currency: 'CNY',
        amount_minor: amount,
        external_id: null,
      });
      await db.kysely
        .insertInto('bills')
        .values([
          bill('b1', 's1', 'PO-88', 8_000_00, '2026-11-25'),
          bill('b2', 's1', 'PO-90', 3_500_00, '2026-12-10'),
          bill('b3', 's2', 'WX-7', 1_200_00, '2026-11-30'),
          bill('b4', 's2', 'WX-8', 1_200_00, '2026-12-05'),
        ])
        .execute();
      // The ICBC export pays 8,000.00 to 宁波丙方 for "采购 PO-88" and a 15.00 fee to nobody.
      await importBankStatement(db, {
        orgId: 'o1',
        data: readFileSync(`${OURS}icbc-style.gbk.csv`),
        fileName: 'icbc.csv',
        clock,
      });
      const csv = [
        '账号：,1202020209000012345',
        '交易日期,摘要,借方发生额,贷方发生额,对方户名,交易流水号',
        '2026-11-26,付包装款,"1,200.00",,无锡丁方包装有限公司,P-2',
      ].join('\n');
      await importBankStatement(db, { orgId: 'o1', data: Buffer.from(csv), fileName: 'p.csv', clock });
      const r = await runCashApplication(db, { orgId: 'o1', asOf: '2026-11-30' });
      assert.equal(r.lines, 2);
      assert.equal(r.outgoingLines, 3);
      const bills = r.applied.filter((p) => p.side === 'payable');
      assert.deepEqual(
        bills.map((p) => [p.bankReference, p.supplierId, p.amount, p.bills.map((b) => `${b.number}=${b.amount}`)]),
        [['ICBC20261120004', 's1', '8000.00', ['PO-88=8000.00']]],
      );
      // The reasons speak of the bill and the supplier paid.
      assert.deepEqual(
        bills[0]?.reasons.map((x) => x.code),
        ['MATCH_REASON_BILL_NUMBER', 'MATCH_REASON_PAYEE_NAME', 'MATCH_REASON_BILL_AMOUNT_EXACT'],
      );
      assert.deepEqual(
        r.applied.filter((p) => p.side === 'receivable').map((p) => [p.bankReference, p.bills.length]),
        [
          ['ICBC20261102001', 0],
          ['ICBC20261110003', 0],
        ],
      );
      // 1,200.00 to 丁方, who has two bills of 1,200.00: a person chooses.
      assert.deepEqual(
        r.review.map((p) => [p.side, p.bankReference, p.supplierId, p.bills.map((b) => b.number)]),
        [['payable', 'P-2', 's2', ['WX-7']]],
      );
      assert.deepEqual(
        r.unmatched.map((p) => [p.side, p.bankReference]),
        [['payable', 'ICBC20261105002']],
      );
      const payments = await db.kysely
        .selectFrom('payments')
        .select(['reference', 'supplier_id', 'amount_minor', 'paid_on'])
        .orderBy('reference')
        .execute();
      assert.deepEqual(
        payments.map((x) => [x.reference, x.supplier_id, Number(x.amount_minor), x.paid_on]),
        [
          ['ICBC20261105002', null, 15_00, '2026-11-05'],
          ['ICBC20261120004', 's1', 8_000_00, '2026-11-20'],
          ['P-2', null, 1_200_00, '2026-11-26'],
        ],
      );
      // The split is checked to the fen: 600.01 + 600.00 is more than the 1,200.00 paid.
      const [proposal] = await listReviewQueue(db, { orgId: 'o1' });
      assert.equal(proposal?.side, 'payable');
      await assert.rejects(
        decideProposal(db, {
          orgId: 'o1',
          proposalId: proposal?.proposalId as string,
          decision: 'split',
          split: [
            { number: 'WX-7', amountMinor: 600_01 },
            { number: 'WX-8', amountMinor: 600_00 },
          ],
          by: 't',
          clock,
        }),
        /ALLOCATIONS_EXCEED_AMOUNT/,
      );
      const split = await decideProposal(db, {
        orgId: 'o1',
        proposalId: proposal?.proposalId as string,
        decision: 'split',
        split: [
          { number: 'WX-7', amountMinor: 600_00 },
          { number: 'WX-8', amountMinor: 600_00 },
        ],
        by: 't',
        clock,
      });
      assert.deepEqual(
        split.bills.map((b) => `${b.number}=${b.amount}`),
        ['WX-7=600.00', 'WX-8=600.00'],
      );
      // What is still payable, by the one definition the position and forecast read.
      const openBills = computeOpenBills(await loadPayablesLedger(db, { orgId: 'o1' }), '2026-11-30');
      assert.deepEqual(openBills.map((b) => [b.number, b.openMinor]).sort(), [
        ['PO-90', 3_500_00],
        ['WX-7', 600_00],
        ['WX-8', 600_00],
      ]);
      assert.equal((await loadOpenBillsToMatch(db, 'o1', '2026-11-30')).length, 3);
      // Outgoing money settled no invoice: only the two receipts did.
      assert.deepEqual([...(await open(db)).entries()], [['INV-2026-0104', 7_777_00]]);
      const again = await runCashApplication(db, { orgId: 'o1', asOf: '2026-11-30' });
      assert.deepEqual([again.outgoingLines, again.applied.length, again.review.length], [1, 0, 0]);
      assert.equal((await db.kysely.selectFrom('payments').selectAll().execute()).length, 3, 'no payment twice');
    } finally {
      await db.close();
    }
  });
});

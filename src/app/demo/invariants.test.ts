import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays } from '../../core/time/index.js';
import { demoCalendar } from './calendar.js';
import { generateDemoCompany } from './company.js';
import { recurringOutflowsOn } from './recurring.js';

const { records, options } = generateDemoCompany({ asOf: '2026-03-31', seed: 21, customers: 40, invoices: 3000 });

const sumBy = <T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => number) => {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + value(r));
  return out;
};

describe('demo generator invariants', () => {
  test('receipts and payments never exceed their documents, and none lies after asOf', () => {
    const paid = sumBy(
      records.receiptAllocations,
      (a) => a.invoiceId,
      (a) => a.amountMinor,
    );
    const credited = sumBy(
      records.creditNotes,
      (c) => c.invoiceId ?? '',
      (c) => c.amountMinor,
    );
    for (const i of records.invoices) {
      const open = i.amountMinor - (paid.get(i.id) ?? 0) - (credited.get(i.id) ?? 0);
      assert.ok(open >= 0, `${i.id} over-settled by ${-open}`);
      assert.equal(i.status === 'paid', open === 0, `${i.id} status ${i.status} with ${open} open`);
      assert.ok(i.dueOn >= i.issuedOn && i.issuedOn <= options.asOf);
      if (i.instalments.length > 0) {
        assert.equal(
          i.instalments.reduce((s, p) => s + p.amountMinor, 0),
          i.amountMinor,
        );
        assert.equal(i.instalments.at(-1)?.dueOn, i.dueOn);
      }
    }
    const allocated = sumBy(
      records.receiptAllocations,
      (a) => a.receiptId,
      (a) => a.amountMinor,
    );
    for (const r of records.receipts) {
      assert.ok(r.receivedOn <= options.asOf && r.amountMinor > 0);
      if (r.customerId !== null) assert.equal(allocated.get(r.id), r.amountMinor);
    }
    const billPaid = sumBy(
      records.paymentAllocations,
      (a) => a.billId,
      (a) => a.amountMinor,
    );
    for (const b of records.bills) {
      assert.ok(b.dueOn >= b.issuedOn && (billPaid.get(b.id) ?? 0) <= b.amountMinor);
      assert.equal(b.status === 'paid', billPaid.get(b.id) === b.amountMinor);
    }
    for (const p of records.payments) assert.ok(p.paidOn <= options.asOf);
    assert.ok(records.invoices.some((i) => i.status === 'open') && records.bills.some((b) => b.status === 'open'));
  });

  test('bank balances are positive and follow the cash movements', () => {
    for (const b of records.bankBalances) assert.ok(b.amountMinor > 0, `${b.bankAccountId} ${b.on} ${b.amountMinor}`);
    const cny = sumBy(
      records.bankBalances.filter((b) => /basic|general/.test(b.bankAccountId)),
      (b) => b.on,
      (b) => b.amountMinor,
    );
    const dates = [...cny.keys()].sort();
    const recurring = recurringOutflowsOn(records.recurringItems, options.start, options.asOf, demoCalendar());
    const flow = (from: string, to: string) => {
      const inRange = (d: string) => d > from && d <= to;
      let net = 0;
      for (const r of records.receipts) if (r.currency === 'CNY' && inRange(r.receivedOn)) net += r.amountMinor;
      for (const p of records.payments) if (inRange(p.paidOn)) net -= p.amountMinor;
      for (const [on, amount] of recurring) if (inRange(on)) net -= amount;
      for (const c of records.fxConversions) if (inRange(c.on)) net += c.cnyMinor;
      return net;
    };
    for (let k = 1; k < dates.length; k++) {
      const [a, b] = [dates[k - 1] as string, dates[k] as string];
      assert.equal((cny.get(b) as number) - (cny.get(a) as number), flow(a, b), `CNY change ${a}..${b}`);
    }
    assert.equal(dates[0], addDays(options.start, -1));
    assert.equal(dates.at(-1), options.asOf);
  });

  test('statements balance, limits and policies are coherent', () => {
    for (const s of records.financialStatements) {
      assert.equal(
        s.totalLiabilities !== null && s.bookEquity !== null && s.totalLiabilities + s.bookEquity,
        s.totalAssets,
      );
      assert.ok((s.currentAssets ?? 0) <= (s.totalAssets ?? 0));
    }
    assert.equal(records.insurancePolicies.length, 1);
    assert.equal(records.insuredBuyerLimits.filter((l) => l.cancelledOn !== null).length, 1);
    for (const l of records.creditLimits) assert.ok(['manual', 'need', 'override_zero'].includes(l.binding), l.binding);
    // Every limit was approved at a recorded review, by the reviewer.
    const reviewed = new Set(records.creditReviews.map((r) => `${r.customerId}|${r.reviewedOn}|${r.reviewer}`));
    for (const l of records.creditLimits.filter((x) => x.binding !== 'override_zero'))
      assert.ok(reviewed.has(`${l.customerId}|${l.effectiveFrom}|${l.approvedBy}`), l.id);
    const line = records.creditLines[0];
    assert.ok(
      line && line.renewalOn !== null && line.renewalOn > options.asOf && line.renewalOn <= addDays(options.asOf, 122),
    );
    assert.ok(line.drawnMinor > 0 && line.drawnMinor < line.limitMinor);
    for (const b of records.acceptanceBills) {
      assert.ok(b.maturesOn > options.asOf && b.maturesOn <= addDays(b.issuedOn, 184));
    }
    assert.deepEqual([...new Set(records.acceptanceBills.map((b) => b.kind))].sort(), ['bank', 'commercial']);
  });
});

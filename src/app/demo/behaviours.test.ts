import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, addMonths, diffDays } from '../../core/time/index.js';
import { CHINESE_NEW_YEAR } from './calendar.js';
import { generateDemoCompany } from './company.js';
import { lastPaidOn, mean, paidDelays, salesByMonth } from './test-helpers.js';

const { records, named, options } = generateDemoCompany({ asOf: '2026-03-31', seed: 8, customers: 60, invoices: 8000 });

describe('demo generator: the named behaviours show', () => {
  test('the top customer has 15–35% of three years of sales', () => {
    const rate: Record<string, number> = { CNY: 1, USD: 7.1, EUR: 7.8 };
    let total = 0;
    let top = 0;
    for (const i of records.invoices) {
      const v = i.amountMinor * (rate[i.currency] ?? 1);
      total += v;
      if (i.customerId === named.top) top += v;
    }
    assert.ok(top / total > 0.15 && top / total < 0.35, `top share ${top / total}`);
  });

  test('the habitual late payer pays clearly later than the prompt payer', () => {
    const late = mean(paidDelays(records, named.late).map((d) => d.delay));
    const prompt = mean(paidDelays(records, named.prompt).map((d) => d.delay));
    assert.ok(prompt < 5, `prompt payer ${prompt}`);
    assert.ok(late > prompt + 20, `late ${late} vs prompt ${prompt}`);
  });

  test('the deteriorating customer pays later in its last four months', () => {
    const cut = addMonths(options.asOf, -4);
    const delays = paidDelays(records, named.deteriorating);
    const recent = mean(delays.filter((d) => d.paidOn > cut).map((d) => d.delay));
    const earlier = mean(delays.filter((d) => d.paidOn <= cut).map((d) => d.delay));
    assert.ok(recent > earlier + 10, `recent ${recent} vs earlier ${earlier}`);
  });

  test('the insolvent customer leaves overdue invoices and has an insolvency event', () => {
    const overdue = records.invoices.filter(
      (i) => i.customerId === named.insolvent && i.status === 'open' && diffDays(i.dueOn, options.asOf) > 60,
    );
    assert.ok(overdue.length >= 3, `${overdue.length} overdue invoices`);
    const events = records.legalEvents.filter((e) => e.customerId === named.insolvent).map((e) => e.type);
    assert.ok(events.includes('insolvency') && events.includes('dishonest_debtor'));
    const paid = lastPaidOn(records);
    const lastPayment = [...paid.entries()]
      .filter(([id]) => records.invoices.find((i) => i.id === id)?.customerId === named.insolvent)
      .map(([, on]) => on)
      .sort()
      .at(-1);
    assert.ok(lastPayment !== undefined && lastPayment < addDays(options.asOf, -60), `last paid ${lastPayment}`);
  });

  test('sales dip in the Chinese New Year month against the months around it', () => {
    const byMonth = salesByMonth(records);
    for (const year of [2024, 2025, 2026]) {
      const cnyMonth = (CHINESE_NEW_YEAR[year] as string).slice(0, 10);
      const m = (k: number) => byMonth.get(addMonths(cnyMonth, k).slice(0, 7)) ?? 0;
      assert.ok(m(0) < (m(-1) + m(1)) / 2, `${year}: ${m(-1)} ${m(0)} ${m(1)}`);
    }
  });

  test('the seasonal customer pays later around Chinese New Year', () => {
    const paid = lastPaidOn(records);
    const near: number[] = [];
    const away: number[] = [];
    for (const i of records.invoices) {
      const on = paid.get(i.id);
      if (i.customerId !== named.seasonal || i.status !== 'paid' || on === undefined) continue;
      const isNear = Object.values(CHINESE_NEW_YEAR).some((c) => Math.abs(diffDays(c, on)) <= 45);
      (isNear ? near : away).push(diffDays(i.dueOn, on));
    }
    assert.ok(mean(near) > mean(away) + 10, `near CNY ${mean(near)} vs away ${mean(away)}`);
  });

  test('some receipts pay several invoices, some invoices are paid in parts, the one dispute stays open', () => {
    const perReceipt = new Map<string, number>();
    const perInvoice = new Map<string, number>();
    for (const a of records.receiptAllocations) {
      perReceipt.set(a.receiptId, (perReceipt.get(a.receiptId) ?? 0) + 1);
      perInvoice.set(a.invoiceId, (perInvoice.get(a.invoiceId) ?? 0) + 1);
    }
    assert.ok([...perReceipt.values()].some((n) => n > 1));
    assert.ok([...perInvoice.values()].some((n) => n > 1));
    const disputed = records.invoices.filter((i) => i.isDisputed);
    assert.deepEqual(
      disputed.map((i) => [i.customerId, i.status]),
      [[named.disputing, 'open']],
    );
    assert.equal(records.creditNotes.filter((c) => c.invoiceId === disputed[0]?.id).length, 0, 'no credit note yet');
    const electronic = records.invoices.filter((i) => i.channel === 'electronic').length / records.invoices.length;
    assert.ok(electronic > 0.5 && electronic < 0.7, `electronic share ${electronic}`);
    assert.ok(records.creditNotes.length > 0);
  });
});

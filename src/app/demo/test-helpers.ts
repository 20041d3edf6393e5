import type { Invoice } from '../../core/model/index.js';
import { diffDays } from '../../core/time/index.js';
import type { DemoRecords } from './types.js';

/** Day each invoice was last paid (its latest receipt), for invoices with any receipt. */
export function lastPaidOn(records: DemoRecords): Map<string, string> {
  const receivedOn = new Map(records.receipts.map((r) => [r.id, r.receivedOn]));
  const out = new Map<string, string>();
  for (const a of records.receiptAllocations) {
    const on = receivedOn.get(a.receiptId) as string;
    const prev = out.get(a.invoiceId);
    if (prev === undefined || on > prev) out.set(a.invoiceId, on);
  }
  return out;
}

/** Days beyond terms of each fully paid invoice of a customer, with the day it was paid. */
export function paidDelays(records: DemoRecords, customerId: string): { paidOn: string; delay: number }[] {
  const paid = lastPaidOn(records);
  return records.invoices
    .filter((i: Invoice) => i.customerId === customerId && i.status === 'paid' && paid.has(i.id))
    .map((i) => ({ paidOn: paid.get(i.id) as string, delay: diffDays(i.dueOn, paid.get(i.id) as string) }));
}

export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Gross sales by 'YYYY-MM' in CNY, at a fixed indicative rate for foreign invoices. */
export function salesByMonth(records: DemoRecords): Map<string, number> {
  const rate: Record<string, number> = { CNY: 1, USD: 7.1, EUR: 7.8 };
  const out = new Map<string, number>();
  for (const i of records.invoices) {
    const m = i.issuedOn.slice(0, 7);
    out.set(m, (out.get(m) ?? 0) + i.amountMinor * (rate[i.currency] ?? 1));
  }
  return out;
}

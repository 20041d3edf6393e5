import type { LadderInvoice } from './ladder.js';

/** An open invoice for ladder tests: ¥10,000 of customer C1, due 2026-03-31, nothing recorded. */
export function invoice(over: Partial<LadderInvoice> = {}): LadderInvoice {
  return {
    invoiceId: 'I1',
    customerId: 'C1',
    number: 'INV-1',
    currency: 'CNY',
    dueOn: '2026-03-31',
    openMinor: 10_000_00,
    isDisputed: false,
    lastStage: null,
    ...over,
  };
}

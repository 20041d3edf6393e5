import type { LedgerInvoice, LedgerSettlement } from './ledger.js';

/**
 * Builders for receivables test ledgers: an open CNY invoice of customer 'c1' unless told otherwise.
 * Used by the scenario tests only.
 */
export function invoice(fields: Partial<LedgerInvoice> & Pick<LedgerInvoice, 'id'>): LedgerInvoice {
  return {
    customerId: 'c1',
    number: fields.id.toUpperCase(),
    issuedOn: '2026-01-01',
    dueOn: '2026-01-31',
    currency: 'CNY',
    amountMinor: 10_000,
    status: 'open',
    isDisputed: false,
    instalments: [],
    channel: null,
    ...fields,
  };
}

export function receipt(invoiceId: string, on: string, amountMinor: number): LedgerSettlement {
  return { invoiceId, on, amountMinor, kind: 'receipt' };
}

export function creditNote(invoiceId: string, on: string, amountMinor: number): LedgerSettlement {
  return { invoiceId, on, amountMinor, kind: 'credit_note' };
}

export function writeOff(invoiceId: string, on: string, amountMinor: number): LedgerSettlement {
  return { invoiceId, on, amountMinor, kind: 'write_off' };
}

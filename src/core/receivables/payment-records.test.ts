import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FxTable } from '../money/index.js';
import type { LedgerInvoice, ReceivablesLedger } from './ledger.js';
import { ledgerToPaymentRecords } from './payment-records.js';

const inv = (
  id: string,
  currency: string,
  amountMinor: number,
  status: LedgerInvoice['status'] = 'open',
): LedgerInvoice => ({
  id,
  customerId: 'c1',
  number: id,
  issuedOn: '2026-01-01',
  dueOn: '2026-01-31',
  currency,
  amountMinor,
  status,
  isDisputed: false,
  instalments: [],
  channel: null,
});

test('an invoice is settled when its settlements first cover it; partial payments leave it open', () => {
  const ledger: ReceivablesLedger = {
    invoices: [inv('i1', 'CNY', 1000), inv('i2', 'CNY', 500), inv('i3', 'CNY', 700, 'void'), inv('i4', 'USD', 100)],
    settlements: [
      { invoiceId: 'i1', on: '2026-02-10', amountMinor: 600, kind: 'receipt' },
      { invoiceId: 'i1', on: '2026-02-03', amountMinor: 400, kind: 'credit_note' },
      { invoiceId: 'i2', on: '2026-02-01', amountMinor: 200, kind: 'receipt' },
    ],
  };
  const fx = new FxTable([{ on: '2025-12-31', base: 'USD', quote: 'CNY', rate: 7 }]);
  const records = ledgerToPaymentRecords(ledger, { table: fx, base: 'CNY' });
  assert.deepEqual(
    records.map((r) => [r.settledOn, r.amount]),
    [
      ['2026-02-10', 1000],
      [null, 500],
      [null, 700],
    ],
  );
});

test('the typed-array path gives the same columns as records → columns', async () => {
  const { toPaymentColumns } = await import('./behaviour/index.js');
  const { ledgerToPaymentColumns } = await import('./payment-records.js');
  const ledger: ReceivablesLedger = {
    invoices: [inv('i1', 'CNY', 1000), inv('i2', 'USD', 500), inv('i3', 'CNY', 700, 'void'), inv('i4', 'CNY', 300)],
    settlements: [
      { invoiceId: 'i1', on: '2026-02-03', amountMinor: 400, kind: 'receipt' },
      { invoiceId: 'i1', on: '2026-02-10', amountMinor: 600, kind: 'receipt' },
      { invoiceId: 'i2', on: '2026-02-01', amountMinor: 500, kind: 'receipt' },
      { invoiceId: 'i4', on: '2026-03-01', amountMinor: 100, kind: 'receipt' },
    ],
  };
  const fx = { table: new FxTable([{ on: '2025-12-31', base: 'USD', quote: 'CNY', rate: 7 }]), base: 'CNY' };
  const direct = ledgerToPaymentColumns(ledger, fx);
  const viaRecords = toPaymentColumns(ledgerToPaymentRecords(ledger, fx));
  assert.deepEqual({ ...direct }, { ...viaRecords });
  assert.equal(direct.length, 3);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BILL_STATUSES, INVOICE_STATUSES } from '../../core/model/index.js';
import {
  computeAging,
  computeOpenItems,
  type LedgerInvoice,
  type LedgerSettlement,
  ledgerColumns,
  type PayablesLedger,
  type ReceivablesLedger,
} from '../../core/receivables/index.js';
import { fromEpochDay } from '../../core/time/index.js';
import { decodeBooks, encodeBooks } from './ledger-snapshot.js';
import { NO_INSTALMENTS } from './shared-strings.js';

const day = fc.integer({ min: 19_000, max: 21_000 });

/** A ledger shaped as the loader returns one: invoices by id, each one's settlements after it in order. */
const ledgerArb: fc.Arbitrary<ReceivablesLedger> = fc
  .array(
    fc.record({
      customer: fc.constantFrom('c1', 'c2', 'KH-客户-3'),
      number: fc.string({ maxLength: 12 }),
      issued: day,
      terms: fc.integer({ min: 0, max: 120 }),
      currency: fc.constantFrom('CNY', 'USD'),
      // Amounts past 32 bits as well, which the columns keep as 64-bit floats.
      amount: fc.oneof(fc.integer({ min: -5_000, max: 2_000_000 }), fc.integer({ min: 2 ** 31, max: 2 ** 40 })),
      status: fc.constantFrom(...INVOICE_STATUSES),
      isDisputed: fc.boolean(),
      channel: fc.constantFrom(null, 'paper', 'electronic'),
      parts: fc.integer({ min: 0, max: 3 }),
      settlements: fc.array(
        fc.record({
          after: fc.integer({ min: -5, max: 200 }),
          amount: fc.integer({ min: 1, max: 1_000_000 }),
          kind: fc.constantFrom('receipt', 'credit_note', 'write_off'),
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 40 },
  )
  .map((rows) => {
    const invoices: LedgerInvoice[] = [];
    const settlements: LedgerSettlement[] = [];
    rows.forEach((r, i) => {
      const id = `inv-${String(i).padStart(4, '0')}`;
      invoices.push({
        id,
        customerId: r.customer,
        number: r.number,
        issuedOn: fromEpochDay(r.issued),
        dueOn: fromEpochDay(r.issued + r.terms),
        currency: r.currency,
        amountMinor: r.amount,
        status: r.status,
        isDisputed: r.isDisputed,
        instalments:
          r.parts === 0
            ? NO_INSTALMENTS
            : Array.from({ length: r.parts }, (_, p) => ({
                dueOn: fromEpochDay(r.issued + 30 * (p + 1)),
                amountMinor: Math.trunc(r.amount / r.parts) || 0, // as stored: never -0
              })),
        channel: r.channel,
      });
      for (const s of r.settlements) {
        settlements.push({ invoiceId: id, on: fromEpochDay(r.issued + s.after), amountMinor: s.amount, kind: s.kind });
      }
    });
    return { invoices, settlements };
  });

/** Payables as the loader returns them: bills by id, payments by bill (some of bills not among them). */
const payablesArb: fc.Arbitrary<PayablesLedger> = fc
  .array(
    fc.record({
      supplier: fc.constantFrom('s1', '供应商-2'),
      number: fc.string({ maxLength: 8 }),
      issued: day,
      terms: fc.integer({ min: 0, max: 90 }),
      currency: fc.constantFrom('CNY', 'EUR'),
      amount: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 2 ** 31, max: 2 ** 42 })),
      status: fc.constantFrom(...BILL_STATUSES),
      payments: fc.array(
        fc.record({
          after: fc.integer({ min: 0, max: 120 }),
          amount: fc.integer({ min: 1, max: 9_999 }),
          isOther: fc.boolean(),
        }),
        {
          maxLength: 2,
        },
      ),
    }),
    { maxLength: 20 },
  )
  .map((rows) => ({
    bills: rows.map((r, i) => ({
      id: `bill-${i}`,
      supplierId: r.supplier,
      number: r.number,
      issuedOn: fromEpochDay(r.issued),
      dueOn: fromEpochDay(r.issued + r.terms),
      currency: r.currency,
      amountMinor: r.amount,
      status: r.status,
    })),
    payments: rows.flatMap((r, i) =>
      r.payments.map((p) => ({
        billId: p.isOther ? `elsewhere-${i}` : `bill-${i}`,
        on: fromEpochDay(r.issued + p.after),
        amountMinor: p.amount,
      })),
    ),
  }));

const none: PayablesLedger = { bills: [], payments: [] };

test('books read back from their snapshot have the same invoices, settlements, columns, bills and payments', () => {
  fc.assert(
    fc.property(ledgerArb, payablesArb, (ledger, payables) => {
      const books = decodeBooks(encodeBooks({ receivables: ledger, payables }));
      assert.deepEqual(books.payables.bills, payables.bills);
      assert.deepEqual(books.payables.payments, payables.payments);
      const back = books.receivables;
      assert.deepEqual(back.invoices, ledger.invoices);
      assert.deepEqual(back.settlements, ledger.settlements);
      const a = ledgerColumns(ledger);
      const b = ledgerColumns(back);
      for (const key of Object.keys(a) as (keyof typeof a)[]) {
        const [x, y] = [a[key], b[key]];
        assert.deepEqual(
          ArrayBuffer.isView(x) ? Array.from(x as Int32Array) : x,
          ArrayBuffer.isView(y) ? Array.from(y as Int32Array) : y,
          key,
        );
      }
    }),
    { numRuns: 200 },
  );
});

test('the reports of a ledger held in columns equal those of the loaded ledger', () => {
  fc.assert(
    fc.property(ledgerArb, day, (ledger, asOfDay) => {
      const asOf = fromEpochDay(asOfDay);
      const back = decodeBooks(encodeBooks({ receivables: ledger, payables: none })).receivables;
      // Reports first, before anything asks the columnar ledger for its invoice array.
      assert.deepEqual(computeOpenItems(back, asOf), computeOpenItems(ledger, asOf));
      assert.deepEqual(computeAging(back, { asOf }), computeAging(ledger, { asOf }));
    }),
    { numRuns: 200 },
  );
});

test('bytes that are not a snapshot of this format are refused', () => {
  const empty = { receivables: { invoices: [], settlements: [] }, payables: none };
  const bytes = encodeBooks(empty);
  bytes[3] = 99;
  assert.throws(() => decodeBooks(bytes), /not a snapshot of this format/);
  assert.deepEqual(decodeBooks(encodeBooks(empty)).receivables.invoices, []);
});

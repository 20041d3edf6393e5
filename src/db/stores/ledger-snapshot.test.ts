import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { INVOICE_STATUSES } from '../../core/model/index.js';
import {
  computeAging,
  computeOpenItems,
  type LedgerInvoice,
  type LedgerSettlement,
  ledgerColumns,
  type ReceivablesLedger,
} from '../../core/receivables/index.js';
import { fromEpochDay } from '../../core/time/index.js';
import { decodeLedger, encodeLedger } from './ledger-snapshot.js';
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

test('a ledger read back from its snapshot has the same invoices, settlements and columns', () => {
  fc.assert(
    fc.property(ledgerArb, (ledger) => {
      const back = decodeLedger(encodeLedger(ledger));
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
      const back = decodeLedger(encodeLedger(ledger));
      // Reports first, before anything asks the columnar ledger for its invoice array.
      assert.deepEqual(computeOpenItems(back, asOf), computeOpenItems(ledger, asOf));
      assert.deepEqual(computeAging(back, { asOf }), computeAging(ledger, { asOf }));
    }),
    { numRuns: 200 },
  );
});

test('bytes that are not a snapshot of this format are refused', () => {
  const bytes = encodeLedger({ invoices: [], settlements: [] });
  bytes[3] = 99;
  assert.throws(() => decodeLedger(bytes), /not a ledger snapshot/);
  assert.deepEqual(decodeLedger(encodeLedger({ invoices: [], settlements: [] })).invoices, []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { INVOICE_STATUSES } from '../../core/model/index.js';
import {
  applyUnlinkedCredits,
  computeAging,
  computeOpenItems,
  type LedgerInvoice,
  type LedgerSettlement,
  NO_INSTALMENTS,
  type ReceivablesLedger,
} from '../../core/receivables/index.js';
import { fromEpochDay } from '../../core/time/index.js';
import { insertRows } from '../bulk.js';
import type { Db } from '../connection.js';
import { describeEachDialect } from '../test-support.js';
import { readReceivablesColumns } from './ledger-reader.js';
import { createOrganisation } from './organisations.js';

const day = fc.integer({ min: 20_000, max: 20_400 });

const bookArb = fc.record({
  invoices: fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-f0-9]{6}$/),
      customer: fc.constantFrom('c1', 'c2', 'c3'),
      currency: fc.constantFrom('CNY', 'USD'),
      issued: day,
      terms: fc.integer({ min: 0, max: 90 }),
      amount: fc.integer({ min: 1, max: 100_000 }),
      status: fc.constantFrom(...INVOICE_STATUSES),
      writtenOff: fc.option(day, { nil: null }),
      isDisputed: fc.boolean(),
      channel: fc.constantFrom(null, 'paper', 'electronic'),
      parts: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 25, selector: (i) => i.id },
  ),
  receipts: fc.array(fc.record({ invoice: fc.nat(), on: day, amount: fc.integer({ min: 1, max: 60_000 }) }), {
    maxLength: 25,
  }),
  credits: fc.array(
    fc.record({
      invoice: fc.option(fc.nat(), { nil: null }),
      customer: fc.constantFrom('c1', 'c2', 'c3'),
      currency: fc.constantFrom('CNY', 'USD'),
      on: day,
      amount: fc.integer({ min: 1, max: 30_000 }),
    }),
    { maxLength: 8 },
  ),
});
type Book = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

async function write(db: Db, book: Book): Promise<void> {
  await createOrganisation(db, { id: 'o1', name: 'Org', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  await insertRows(
    db,
    'customers',
    ['c1', 'c2', 'c3'].map((id) => ({ org_id: 'o1', id, code: id.toUpperCase(), name: id })),
  );
  await insertRows(
    db,
    'invoices',
    book.invoices.map((i, k) => ({
      ...{ org_id: 'o1', id: i.id, customer_id: i.customer, number: `N${k}`, currency: i.currency },
      ...{ issued_on: fromEpochDay(i.issued), due_on: fromEpochDay(i.issued + i.terms), amount_minor: i.amount },
      ...{ status: i.status, is_disputed: i.isDisputed ? 1 : 0, channel: i.channel, tax_minor: 0, external_id: null },
      written_off_on: i.writtenOff === null ? null : fromEpochDay(i.writtenOff),
      instalments: JSON.stringify(
        Array.from({ length: i.parts }, (_, p) => ({
          dueOn: fromEpochDay(i.issued + 30 * (p + 1)),
          amountMinor: Math.floor(i.amount / i.parts),
        })),
      ),
    })),
  );
  const n = book.invoices.length;
  if (book.receipts.length > 0) {
    await insertRows(
      db,
      'receipts',
      book.receipts.map((r, k) => ({
        ...{ org_id: 'o1', id: `r${k}`, number: `R${k}`, customer_id: null, received_on: fromEpochDay(r.on) },
        ...{ currency: 'CNY', amount_minor: r.amount, reference: null, bank_account_id: null, external_id: null },
      })),
    );
    await insertRows(
      db,
      'receipt_allocations',
      book.receipts.map((r, k) => ({
        ...{ org_id: 'o1', receipt_id: `r${k}`, invoice_id: (book.invoices[r.invoice % n] as { id: string }).id },
        amount_minor: r.amount,
      })),
    );
  }
  if (book.credits.length > 0) {
    await insertRows(
      db,
      'credit_notes',
      book.credits.map((c, k) => {
        const linked = c.invoice === null ? null : (book.invoices[c.invoice % n] as Book['invoices'][number]);
        return {
          ...{ org_id: 'o1', id: `cn${String(k).padStart(2, '0')}`, number: `CN${k}`, reason: null },
          ...{ customer_id: linked?.customer ?? c.customer, currency: linked?.currency ?? c.currency },
          ...{ issued_on: fromEpochDay(c.on), amount_minor: c.amount, invoice_id: linked?.id ?? null },
        };
      }),
    );
  }
}

/** The ledger the rules make of the book, over objects: the specification the column reader must meet. */
function expected(book: Book): ReceivablesLedger {
  const n = book.invoices.length;
  const invoices: LedgerInvoice[] = book.invoices
    .map((i, k) => ({
      id: i.id,
      customerId: i.customer,
      number: `N${k}`,
      issuedOn: fromEpochDay(i.issued),
      dueOn: fromEpochDay(i.issued + i.terms),
      currency: i.currency,
      amountMinor: i.amount,
      status: i.status,
      isDisputed: i.isDisputed,
      instalments:
        i.parts === 0
          ? NO_INSTALMENTS
          : Array.from({ length: i.parts }, (_, p) => ({
              dueOn: fromEpochDay(i.issued + 30 * (p + 1)),
              amountMinor: Math.floor(i.amount / i.parts),
            })),
      channel: i.channel,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const idOf = (k: number) => (book.invoices[k % n] as { id: string }).id;
  const settlements: LedgerSettlement[] = book.receipts.map((r) => ({
    invoiceId: idOf(r.invoice),
    on: fromEpochDay(r.on),
    amountMinor: r.amount,
    kind: 'receipt',
  }));
  const credits = book.credits.map((c, k) => ({ ...c, k })).sort((a, b) => a.on - b.on || a.k - b.k);
  for (const c of credits) {
    if (c.invoice !== null) {
      settlements.push({
        invoiceId: idOf(c.invoice),
        on: fromEpochDay(c.on),
        amountMinor: c.amount,
        kind: 'credit_note',
      });
    }
  }
  const unlinked = credits
    .filter((c) => c.invoice === null)
    .map((c) => ({ customerId: c.customer, currency: c.currency, on: fromEpochDay(c.on), amountMinor: c.amount }));
  settlements.push(...applyUnlinkedCredits(invoices, settlements, unlinked).settlements);
  for (const inv of invoices) {
    const source = book.invoices.find((i) => i.id === inv.id);
    if (inv.status !== 'written_off' || !source) continue;
    const own = settlements.filter((s) => s.invoiceId === inv.id);
    const open = inv.amountMinor - own.reduce((t, s) => t + s.amountMinor, 0);
    let last = inv.dueOn;
    for (const s of own) if (s.on > last) last = s.on;
    const on = source.writtenOff === null ? last : fromEpochDay(source.writtenOff);
    if (open > 0) settlements.push({ invoiceId: inv.id, on, amountMinor: open, kind: 'write_off' });
  }
  return { invoices, settlements };
}

/** Each invoice's settlements, in a fixed order (the order among one invoice's is not a figure). */
function byInvoice(ledger: ReceivablesLedger): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const s of ledger.settlements) {
    const list = out.get(s.invoiceId) ?? [];
    list.push(`${s.kind} ${s.on} ${s.amountMinor}`);
    out.set(s.invoiceId, list);
  }
  return [...out].map(([id, list]) => [id, list.sort()] as [string, string[]]).sort(([a], [b]) => (a < b ? -1 : 1));
}

describeEachDialect('reading the ledger into columns', (open) => {
  test('gives the invoices, settlements and reports the rules make of the book', async () => {
    const runs = process.env.DATABASE_URL ? 6 : 20;
    await fc.assert(
      fc.asyncProperty(bookArb, day, async (book, asOfDay) => {
        const db = await open();
        try {
          await write(db, book);
          const read = await readReceivablesColumns(db, { orgId: 'o1' });
          const want = expected(book);
          const asOf = fromEpochDay(asOfDay);
          // Reports before the objects: they read the columns only.
          assert.deepEqual(computeAging(read, { asOf }), computeAging(want, { asOf }));
          assert.deepEqual(computeOpenItems(read, asOf), computeOpenItems(want, asOf));
          assert.deepEqual(read.invoices, want.invoices);
          assert.deepEqual(byInvoice(read), byInvoice(want));
          const customer = await readReceivablesColumns(db, { orgId: 'o1', customerId: 'c2' });
          assert.deepEqual(
            customer.invoices,
            want.invoices.filter((i) => i.customerId === 'c2'),
          );
        } finally {
          await db.close();
        }
      }),
      { numRuns: runs },
    );
  });
});

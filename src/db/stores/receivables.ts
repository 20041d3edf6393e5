import { BILL_STATUSES } from '../../core/model/index.js';
import type { FxRate } from '../../core/money/index.js';
import type {
  LedgerBill,
  LedgerBillPayment,
  PayablesLedger,
  ReceivablesLedger,
  UnreadableRow,
} from '../../core/receivables/index.js';
import type { Db } from '../connection.js';
import { forEachRow } from '../select-rows.js';
import { loadBooks } from './book-ledger.js';
import { readReceivablesColumns } from './ledger-reader.js';
import type { Books } from './ledger-snapshot.js';
import { SharedStrings } from './shared-strings.js';

/**
 * Loads the receivables ledger of an organisation (or one customer) in three queries: invoices,
 * receipt allocations dated by their receipt's `received_on`, and credit notes dated by `issued_on`.
 *
 * - A credit note linked to an invoice settles that invoice. One linked to none is applied to the
 *   customer's invoices in its currency, oldest due first (`applyUnlinkedCredits`), so the
 *   customer's balance is right; with no invoice of that currency it is left out.
 * - An invoice with status 'written_off' gets a write-off settlement of what its receipts and
 *   credits leave open, dated `written_off_on`; where that is empty (invoices written off before
 *   the column existed, or imported without it), on the later of the due date and the last
 *   settlement (see docs/domain/receivables-metrics.md).
 * - Invoices come ordered by id and settlements grouped under their invoice, in columns
 *   (`columnarLedger`, read by `readReceivablesColumns` with no object per row).
 * - A whole book comes from memory or its stored snapshot while no write changed it, from the
 *   tables otherwise (`loadBooks`).
 *
 * @example
 * const ledger = await loadReceivablesLedger(db, { orgId: 'demo' });
 */
export async function loadReceivablesLedger(
  db: Db,
  params: { orgId: string; customerId?: string },
): Promise<ReceivablesLedger> {
  // A whole book is read from the tables only when they changed since it was last read (its
  // snapshot, docs/adr/0015); inside a transaction, whose own writes no snapshot shows, always.
  if (params.customerId !== undefined || db.kysely.isTransaction) return readLedgerTables(db, params);
  return (await loadBooks(db, params.orgId, () => readBookTables(db, params.orgId))).receivables;
}

/** Both ledgers of a whole book as the tables hold them now (what a snapshot stores). */
async function readBookTables(db: Db, orgId: string): Promise<Books> {
  const [receivables, payables] = await Promise.all([
    readLedgerTables(db, { orgId }),
    readPayablesTables(db, { orgId }),
  ]);
  return { receivables, payables };
}

/** The ledger as the tables hold it now (what `loadReceivablesLedger` returns, read afresh). */
export function readLedgerTables(db: Db, params: { orgId: string; customerId?: string }): Promise<ReceivablesLedger> {
  return readReceivablesColumns(db, params);
}

/**
 * Loads bills and payment allocations (dated by the payment's `paid_on`) in two queries, streamed
 * as values (`forEachRow`) with one string per distinct date, supplier and currency. Bills come by
 * id, payments by bill and date; the bills are joined only to pick one supplier's payments.
 *
 * @example
 * const payables = await loadPayablesLedger(db, { orgId: 'demo' });
 */
export async function loadPayablesLedger(
  db: Db,
  params: { orgId: string; supplierId?: string },
): Promise<PayablesLedger> {
  // A whole book as the receivables ledger is: kept with it, read from the tables only after a write.
  if (params.supplierId !== undefined || db.kysely.isTransaction) return readPayablesTables(db, params);
  return (await loadBooks(db, params.orgId, () => readBookTables(db, params.orgId))).payables;
}

/** The payables ledger as the tables hold it now (what `loadPayablesLedger` returns, read afresh). */
export async function readPayablesTables(
  db: Db,
  params: { orgId: string; supplierId?: string },
): Promise<PayablesLedger> {
  let bills = db.kysely
    .selectFrom('bills')
    .select(['id', 'supplier_id', 'number', 'issued_on', 'due_on', 'currency', 'amount_minor', 'status'])
    .where('org_id', '=', params.orgId);
  const allocations = db.kysely
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select(['a.bill_id', 'p.paid_on', 'a.amount_minor'])
    .where('a.org_id', '=', params.orgId);
  if (params.supplierId !== undefined) bills = bills.where('supplier_id', '=', params.supplierId);
  const one =
    params.supplierId === undefined
      ? allocations
      : allocations.innerJoin('bills as b', 'b.id', 'a.bill_id').where('b.supplier_id', '=', params.supplierId);
  const strings = new SharedStrings();
  const out: { bills: LedgerBill[]; payments: LedgerBillPayment[]; unreadable: UnreadableRow[] } = {
    bills: [],
    payments: [],
    unreadable: [],
  };
  await forEachRow(db, bills.orderBy('id'), (row) => {
    const [id, supplierId, number, issuedOn, dueOn, currency, amountMinor, status] = row as BillValues;
    // A bill whose stored status no write rule allows is left out and named, never fails the report.
    if (!(BILL_STATUSES as readonly string[]).includes(status)) {
      out.unreadable.push({ table: 'bills', id, reason: `unknown status ${status}` });
      return;
    }
    out.bills.push({
      id,
      supplierId: strings.share(supplierId),
      number,
      issuedOn: strings.share(issuedOn),
      dueOn: strings.share(dueOn),
      currency: strings.share(currency),
      amountMinor,
      status: strings.share(status) as LedgerBill['status'],
    });
  });
  await forEachRow(db, one.orderBy('a.bill_id').orderBy('p.paid_on'), (row) => {
    const [billId, on, amountMinor] = row as AllocationValues;
    out.payments.push({ billId, on: strings.share(on), amountMinor });
  });
  const known = new Set(out.bills.map((b) => b.id));
  // Payments of a bill left out go with it.
  const payments = out.payments.filter((p) => known.has(p.billId) || out.unreadable.length === 0);
  return out.unreadable.length > 0
    ? { bills: out.bills, payments, unreadable: out.unreadable }
    : { bills: out.bills, payments: out.payments };
}

type BillValues = readonly [string, string, string, string, string, string, number, string];
type AllocationValues = readonly [string, string, number];

/**
 * Every FX rate of the organisation, for an `FxTable`.
 *
 * @example
 * const fx = new FxTable(await loadFxRates(db, { orgId: 'demo' }));
 */
export async function loadFxRates(db: Db, params: { orgId: string }): Promise<FxRate[]> {
  const rows = await db.kysely
    .selectFrom('fx_rates')
    .select(['rate_on', 'base', 'quote', 'rate'])
    .where('org_id', '=', params.orgId)
    .orderBy('rate_on')
    .execute();
  return rows.map((r) => ({ on: r.rate_on, base: r.base, quote: r.quote, rate: Number(r.rate) }));
}

import { sql } from 'kysely';
import type { Instalment, InvoiceStatus } from '../../core/model/index.js';
import { BILL_STATUSES, INVOICE_STATUSES } from '../../core/model/index.js';
import type { FxRate } from '../../core/money/index.js';
import {
  applyUnlinkedCredits,
  type LedgerBill,
  type LedgerBillPayment,
  type LedgerInvoice,
  type LedgerSettlement,
  type PayablesLedger,
  type ReceivablesLedger,
  type UnlinkedCredit,
} from '../../core/receivables/index.js';
import { InvariantError } from '../../core/shared/index.js';
import type { Db } from '../connection.js';
import { forEachRow } from '../select-rows.js';
import { loadBooks } from './book-ledger.js';
import type { Books } from './ledger-snapshot.js';
import { NO_INSTALMENTS, SharedStrings } from './shared-strings.js';

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
 * - Invoices come ordered by id and settlements in invoice order, so the analytics match them
 *   without hashing (`indexSettlements`).
 * - A whole book comes held in columns (`columnarLedger`): from memory or its stored snapshot
 *   while no write changed it, from the tables otherwise (`loadBooks`).
 *
 * @example
 * const ledger = await loadReceivablesLedger(db, { orgId: 'demo' });
 */
export async function loadReceivablesLedger(
  db: Db,
  params: { orgId: string; customerId?: string },
): Promise<ReceivablesLedger> {
  // A whole book is read from the tables only when they changed since it was last read (its
  // snapshot, docs/adr/0012); inside a transaction, whose own writes no snapshot shows, always.
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
export async function readLedgerTables(
  db: Db,
  params: { orgId: string; customerId?: string },
): Promise<ReceivablesLedger> {
  const strings = new SharedStrings();
  const invoices: LedgerInvoice[] = [];
  const writtenOffOn = new Map<string, string>();
  await forEachRow(db, selectInvoices(db, params), (row) => {
    const values = row as InvoiceValues;
    invoices.push(toLedgerInvoice(values, strings));
    if (values[11] !== null && values[7] === 'written_off') writtenOffOn.set(values[0], values[11]);
  });
  sortById(invoices);
  const settlements: LedgerSettlement[] = [];
  const settle = receiptSettler(invoices, strings);
  await forEachRow(db, selectAllocations(db, params), (row) => {
    settlements.push(settle(row as AllocationValues));
  });
  const creditRows = await selectCreditNotes(db, params);
  const unlinked: UnlinkedCredit[] = [];
  for (const c of creditRows) {
    if (c.invoice_id !== null) {
      settlements.push({ invoiceId: c.invoice_id, on: c.issued_on, amountMinor: c.amount_minor, kind: 'credit_note' });
    } else {
      unlinked.push({ customerId: c.customer_id, currency: c.currency, on: c.issued_on, amountMinor: c.amount_minor });
    }
  }
  for (const s of applyUnlinkedCredits(invoices, settlements, unlinked).settlements) settlements.push(s);
  for (const s of writeOffs(invoices, settlements, writtenOffOn)) settlements.push(s);
  return { invoices, settlements: inInvoiceOrder(invoices, settlements) };
}

/**
 * The columns the ledger reads, in this order (`InvoiceValues`); ordered by id, except a whole book
 * on SQLite, which comes in storage order and is sorted by `sortById`. There SQLite read the
 * organisation's rows through its due-date index and sorted them all by id in a temporary B-tree:
 * for 1M invoices 2.9 s of the ledger's 6.2 s, against 1.3 s for a scan of the table, whose order
 * already is (or nearly is) id order, ids being made in time order. `+org_id` keeps the planner off
 * the org_id indexes; rows of other organisations are skipped inside SQLite.
 */
function selectInvoices(db: Db, params: { orgId: string; customerId?: string }) {
  const q = db.kysely
    .selectFrom('invoices')
    .select(['id', 'customer_id', 'number', 'issued_on', 'due_on', 'currency', 'amount_minor', 'status'])
    .select(['is_disputed', 'instalments', 'channel', 'written_off_on']);
  if (params.customerId !== undefined) {
    return q.where('org_id', '=', params.orgId).where('customer_id', '=', params.customerId).orderBy('id');
  }
  if (db.dialect === 'sqlite') return q.where(sql<string>`+${sql.ref('org_id')}`, '=', params.orgId);
  return q.where('org_id', '=', params.orgId).orderBy('id');
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sorts the invoices by id unless they already are (the sort is adaptive: nearly sorted costs little). */
function sortById(invoices: LedgerInvoice[]): void {
  for (let i = 1; i < invoices.length; i++) {
    if ((invoices[i - 1] as LedgerInvoice).id > (invoices[i] as LedgerInvoice).id) {
      invoices.sort(byId);
      return;
    }
  }
}

type InvoiceValues = readonly [
  ...[string, string, string, string, string, string, number, string],
  ...[number, string, string | null, string | null],
];
type AllocationValues = readonly [string, string, number];

/** Allocations in invoice id order; the invoices are joined only to pick one customer's. */
function selectAllocations(db: Db, params: { orgId: string; customerId?: string }) {
  const q = db.kysely
    .selectFrom('receipt_allocations as a')
    .innerJoin('receipts as r', 'r.id', 'a.receipt_id')
    .select(['a.invoice_id', 'r.received_on', 'a.amount_minor'])
    .where('a.org_id', '=', params.orgId);
  const one =
    params.customerId === undefined
      ? q
      : q.innerJoin('invoices as i', 'i.id', 'a.invoice_id').where('i.customer_id', '=', params.customerId);
  return one.orderBy('a.invoice_id').orderBy('r.received_on');
}

function selectCreditNotes(db: Db, params: { orgId: string; customerId?: string }) {
  let q = db.kysely
    .selectFrom('credit_notes')
    .select(['customer_id', 'invoice_id', 'issued_on', 'currency', 'amount_minor'])
    .where('org_id', '=', params.orgId);
  if (params.customerId !== undefined) q = q.where('customer_id', '=', params.customerId);
  return q.orderBy('issued_on').orderBy('id').execute();
}

function toLedgerInvoice(row: InvoiceValues, strings: SharedStrings): LedgerInvoice {
  const [id, customerId, number, issuedOn, dueOn, currency, amountMinor, status, isDisputed, instalments, channel] =
    row;
  return {
    id,
    customerId: strings.share(customerId),
    number,
    issuedOn: strings.share(issuedOn),
    dueOn: strings.share(dueOn),
    currency: strings.share(currency),
    amountMinor,
    status: checkStatus(strings.share(status), INVOICE_STATUSES, id) as InvoiceStatus,
    isDisputed: Number(isDisputed) === 1,
    instalments: instalments === '[]' ? NO_INSTALMENTS : parseInstalments(instalments, id),
    channel: channel === 'paper' || channel === 'electronic' ? channel : null,
  };
}

function checkStatus(status: string, allowed: readonly string[], id: string): string {
  if (!allowed.includes(status)) throw new InvariantError(`document ${id} has unknown status ${status}`);
  return status;
}

/** The `instalments` column: JSON `[{ "dueOn": "YYYY-MM-DD", "amountMinor": 123 }, …]`, '[]' for none. */
function parseInstalments(text: string, id: string): Instalment[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new InvariantError(`invoice ${id}: instalments is not a JSON array`);
  return parsed.map((p: unknown) => {
    const item = p as { dueOn?: unknown; amountMinor?: unknown };
    if (typeof item.dueOn !== 'string' || !Number.isSafeInteger(item.amountMinor)) {
      throw new InvariantError(`invoice ${id}: instalment ${JSON.stringify(p)} is malformed`);
    }
    return { dueOn: item.dueOn, amountMinor: item.amountMinor as number };
  });
}

/**
 * Turns receipt allocations into settlements. Allocations and invoices both come ordered by invoice
 * id, so a merge walk gives each settlement its invoice's own id string (no second copy of it).
 */
function receiptSettler(
  invoices: readonly LedgerInvoice[],
  strings: SharedStrings,
): (row: AllocationValues) => LedgerSettlement {
  let i = 0;
  return ([invoiceId, receivedOn, amountMinor]) => {
    while (i < invoices.length && (invoices[i] as LedgerInvoice).id < invoiceId) i++;
    const invoice = invoices[i];
    return {
      invoiceId: invoice !== undefined && invoice.id === invoiceId ? invoice.id : invoiceId,
      on: strings.share(receivedOn),
      amountMinor,
      kind: 'receipt',
    };
  };
}

/** Write-offs of what 'written_off' invoices still have open, dated as the header comment says. */
function writeOffs(
  invoices: readonly LedgerInvoice[],
  settlements: readonly LedgerSettlement[],
  writtenOffOn: ReadonlyMap<string, string>,
): LedgerSettlement[] {
  const written = new Map<string, { open: number; on: string; isDated: boolean }>();
  for (const inv of invoices) {
    if (inv.status !== 'written_off') continue;
    const on = writtenOffOn.get(inv.id);
    written.set(inv.id, { open: inv.amountMinor, on: on ?? inv.dueOn, isDated: on !== undefined });
  }
  if (written.size === 0) return [];
  for (const s of settlements) {
    const w = written.get(s.invoiceId);
    if (!w) continue;
    w.open -= s.amountMinor;
    if (!w.isDated && s.on > w.on) w.on = s.on;
  }
  const out: LedgerSettlement[] = [];
  for (const [invoiceId, w] of written) {
    if (w.open > 0) out.push({ invoiceId, on: w.on, amountMinor: w.open, kind: 'write_off' });
  }
  return out;
}

/**
 * Stable counting sort of settlements by their invoice's position; unknown invoices are dropped.
 * The invoices are sorted by id (`sortById`), so each position is found by search rather than in a
 * map of every id (for a million invoices that map cost more than a second): from the previous
 * settlement's position when its id is not smaller (receipts come in invoice order), else anew.
 */
function inInvoiceOrder(invoices: readonly LedgerInvoice[], items: readonly LedgerSettlement[]): LedgerSettlement[] {
  const n = invoices.length;
  const slots = new Int32Array(items.length);
  let at = 0;
  for (let k = 0; k < items.length; k++) {
    const id = (items[k] as LedgerSettlement).invoiceId;
    at = positionOf(invoices, id, at < n && (invoices[at] as LedgerInvoice).id <= id ? at : 0);
    slots[k] = at < n && (invoices[at] as LedgerInvoice).id === id ? at : -1;
  }
  const start = new Int32Array(n + 1);
  for (const p of slots) if (p >= 0) start[p + 1] = (start[p + 1] as number) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const out = new Array<LedgerSettlement>(start[n] as number);
  slots.forEach((p, k) => {
    if (p < 0) return;
    out[start[p] as number] = items[k] as LedgerSettlement;
    start[p] = (start[p] as number) + 1;
  });
  return out;
}

/** The first position from `from` on whose id is not less than `id`: a few steps, then bisection. */
function positionOf(invoices: readonly LedgerInvoice[], id: string, from: number): number {
  let lo = from;
  for (let step = 0; step < 8; step++, lo++) {
    if (lo >= invoices.length || (invoices[lo] as LedgerInvoice).id >= id) return lo;
  }
  let hi = invoices.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((invoices[mid] as LedgerInvoice).id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  const out: { bills: LedgerBill[]; payments: LedgerBillPayment[] } = { bills: [], payments: [] };
  await forEachRow(db, bills.orderBy('id'), (row) => {
    const [id, supplierId, number, issuedOn, dueOn, currency, amountMinor, status] = row as BillValues;
    out.bills.push({
      id,
      supplierId: strings.share(supplierId),
      number,
      issuedOn: strings.share(issuedOn),
      dueOn: strings.share(dueOn),
      currency: strings.share(currency),
      amountMinor,
      status: checkStatus(strings.share(status), BILL_STATUSES, id) as LedgerBill['status'],
    });
  });
  await forEachRow(db, one.orderBy('a.bill_id').orderBy('p.paid_on'), (row) => {
    const [billId, on, amountMinor] = row as AllocationValues;
    out.payments.push({ billId, on: strings.share(on), amountMinor });
  });
  return out;
}

type BillValues = readonly [string, string, string, string, string, string, number, string];

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

import { sql } from 'kysely';
import { INVOICE_STATUSES, type Instalment, type InvoiceStatus } from '../../core/model/index.js';
import {
  applyUnlinkedCredits,
  columnarLedger,
  LEDGER_DISPUTED,
  LEDGER_INSTALMENTS,
  LEDGER_PAPER,
  LEDGER_VOID,
  type LedgerColumns,
  type LedgerInvoice,
  type LedgerInvoiceDetails,
  type LedgerSettlement,
  NO_INSTALMENTS,
  type ReceivablesLedger,
  SETTLEMENT_KINDS,
  type UnlinkedCredit,
  type UnreadableRow,
} from '../../core/receivables/index.js';
import { epochDayUnchecked, fromEpochDay, isLocalDate, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../connection.js';
import { forEachRow } from '../select-rows.js';

/**
 * Reads the receivables ledger from its tables straight into the columns of `ledgerColumns`
 * (docs/adr/0015), with no object per invoice or settlement: ids and numbers are kept as the
 * strings the driver returns, every other cell goes into a column (dates as epoch days, customers
 * and currencies as slots). Invoices are ordered by id, settlements grouped under their invoice in
 * the order they are found (receipts by date, credit notes, then unlinked credits as applied, then
 * the write-off), as every ledger is. The result is a ledger held in columns.
 *
 * - A credit note linked to an invoice settles that invoice; one linked to none is applied by
 *   `applyUnlinkedCredits` (the invoices of its customer and currency are made into objects for it).
 * - A 'written_off' invoice gets a write-off settlement of what its settlements leave open, dated
 *   `written_off_on`, or, when that is empty, on the later of its due date and its last settlement.
 */
export async function readReceivablesColumns(
  db: Db,
  params: { orgId: string; customerId?: string },
): Promise<ReceivablesLedger> {
  const rows = new InvoiceRows();
  await forEachRow(db, selectInvoices(db, params), (row) => rows.add(row as InvoiceValues));
  const book = rows.inIdOrder();
  const settlements = new Settlements();
  let at = 0;
  await forEachRow(db, selectAllocations(db, params), (row) => {
    const [invoiceId, receivedOn, amountMinor] = row as AllocationValues;
    at = book.positionOf(invoiceId, at);
    settlements.add(at, epochDayUnchecked(receivedOn), amountMinor, RECEIPT);
  });
  const unlinked: UnlinkedCredit[] = [];
  for (const c of await selectCreditNotes(db, params)) {
    if (c.invoice_id === null) {
      unlinked.push({ customerId: c.customer_id, currency: c.currency, on: c.issued_on, amountMinor: c.amount_minor });
    } else {
      at = book.positionOf(c.invoice_id, at);
      settlements.add(at, epochDayUnchecked(c.issued_on), c.amount_minor, CREDIT_NOTE);
    }
  }
  if (unlinked.length > 0) applyCredits(book, settlements, unlinked);
  addWriteOffs(book, settlements);
  return book.ledger(settlements);
}

const RECEIPT = SETTLEMENT_KINDS.indexOf('receipt');
const CREDIT_NOTE = SETTLEMENT_KINDS.indexOf('credit_note');
const WRITE_OFF = SETTLEMENT_KINDS.indexOf('write_off');
const CHANNELS = [null, 'paper', 'electronic'] as const;

type InvoiceValues = readonly [
  ...[string, string, string, string, string, string, number, string],
  ...[number, string | null, number, string | null],
];
type AllocationValues = readonly [string, string, number];

/** Invoices as read, in storage order: a list per column. */
class InvoiceRows {
  readonly ids: string[] = [];
  readonly numbers: string[] = [];
  readonly customers: string[] = [];
  readonly currencies: string[] = [];
  readonly issued: number[] = [];
  readonly due: number[] = [];
  readonly amounts: number[] = [];
  /** Status index, channel index << 4, disputed << 6. */
  readonly codes: number[] = [];
  readonly instalments = new Map<number, Instalment[]>();
  readonly writtenOffOn = new Map<number, number>();
  /** Rows left out because a value in them cannot be read (one bad row never fails a report). */
  readonly unreadable: UnreadableRow[] = [];
  private readonly strings = new Map<string, string>();

  add(row: InvoiceValues): void {
    const [id, customerId, number, issuedOn, dueOn, currency, amount, status, disputed, schedule, channel, writtenOff] =
      row;
    const i = this.ids.length;
    const statusCode = INVOICE_STATUSES.indexOf(status as InvoiceStatus);
    const parts = schedule === null ? null : parseInstalments(schedule);
    if (statusCode < 0 || typeof parts === 'string') {
      const reason = statusCode < 0 ? `unknown status ${status}` : (parts as string);
      this.unreadable.push({ table: 'invoices', id, reason });
      return;
    }
    this.ids.push(id);
    this.numbers.push(number);
    this.customers.push(this.share(customerId));
    this.currencies.push(this.share(currency));
    this.issued.push(epochDayUnchecked(issuedOn));
    this.due.push(epochDayUnchecked(dueOn));
    this.amounts.push(amount);
    this.codes.push(statusCode | (Number(channel) << 4) | (Number(disputed) === 1 ? 64 : 0));
    if (parts !== null) this.instalments.set(i, parts);
    if (writtenOff !== null && status === 'written_off') this.writtenOffOn.set(i, epochDayUnchecked(writtenOff));
  }

  /** One string per distinct customer and currency, as the columns number them. */
  private share(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** The invoices ordered by id (sorted only when they are not: ids made in time order usually are). */
  inIdOrder(): InvoiceBook {
    const ids = this.ids;
    let isSorted = true;
    for (let i = 1; i < ids.length && isSorted; i++) isSorted = (ids[i - 1] as string) < (ids[i] as string);
    if (isSorted) return new InvoiceBook(this, null);
    const order = Array.from(ids.keys());
    order.sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
    return new InvoiceBook(this, order);
  }
}

/** The invoices in id order: row r of the ledger is row `order[r]` as read. */
class InvoiceBook {
  readonly length: number;
  readonly ids: string[];

  constructor(
    private readonly rows: InvoiceRows,
    private readonly order: number[] | null,
  ) {
    this.length = rows.ids.length;
    this.ids = order ? order.map((k) => rows.ids[k] as string) : rows.ids;
  }

  /** The row as read of ledger row `r`. */
  source(r: number): number {
    return this.order ? (this.order[r] as number) : r;
  }

  code(r: number): number {
    return this.rows.codes[this.source(r)] as number;
  }

  status(r: number): InvoiceStatus {
    return INVOICE_STATUSES[this.code(r) & 15] as InvoiceStatus;
  }

  customer(r: number): string {
    return this.rows.customers[this.source(r)] as string;
  }

  currency(r: number): string {
    return this.rows.currencies[this.source(r)] as string;
  }

  amount(r: number): number {
    return this.rows.amounts[this.source(r)] as number;
  }

  issued(r: number): number {
    return this.rows.issued[this.source(r)] as number;
  }

  due(r: number): number {
    return this.rows.due[this.source(r)] as number;
  }

  instalments(r: number): readonly Instalment[] {
    return this.rows.instalments.get(this.source(r)) ?? NO_INSTALMENTS;
  }

  writtenOffOn(r: number): number | undefined {
    return this.rows.writtenOffOn.get(this.source(r));
  }

  /**
   * The row of invoice `id`, or -1. Searched from `from` when `id` is not before its id (receipts
   * come in invoice order, so most are a few rows on), else by bisection of the whole book.
   */
  positionOf(id: string, from: number): number {
    const ids = this.ids;
    let lo = from < ids.length && (ids[from] as string) <= id ? from : 0;
    let hi = ids.length;
    for (let step = 0; step < 8 && lo < hi && (ids[lo] as string) < id; step++) lo++;
    while (lo < hi && (ids[lo] as string) < id) {
      const mid = (lo + hi) >>> 1;
      if ((ids[mid] as string) < id) lo = mid + 1;
      else hi = mid;
    }
    return ids[lo] === id ? lo : -1;
  }

  /** Invoice `r` as an object (for the rules written over objects). */
  invoice(r: number): LedgerInvoice {
    const code = this.code(r);
    const k = this.source(r);
    return {
      id: this.ids[r] as string,
      customerId: this.customer(r),
      number: this.rows.numbers[k] as string,
      issuedOn: fromEpochDay(this.issued(r)),
      dueOn: fromEpochDay(this.due(r)),
      currency: this.currency(r),
      amountMinor: this.amount(r),
      status: this.status(r),
      isDisputed: (code & 64) !== 0,
      instalments: this.instalments(r),
      channel: CHANNELS[(code >> 4) & 3] ?? null,
    };
  }

  /** The ledger held in columns, its settlements grouped under their invoices (stable). */
  ledger(settlements: Settlements): ReceivablesLedger {
    const n = this.length;
    const customers = new Slots();
    const currencies = new Slots();
    const customer = new Int32Array(n);
    const currency = new Uint16Array(n);
    const issued = new Int32Array(n);
    const due = new Int32Array(n);
    const amount = new Array<number>(n);
    const month = new Uint8Array(n);
    const flags = new Uint8Array(n);
    const details = new Uint8Array(n);
    const numbers = new Array<string>(n);
    const instalments = new Map<number, readonly Instalment[]>();
    const months = new Map<number, number>();
    for (let r = 0; r < n; r++) {
      const k = this.source(r);
      const code = this.rows.codes[k] as number;
      customer[r] = customers.slotOf(this.rows.customers[k] as string);
      currency[r] = currencies.slotOf(this.rows.currencies[k] as string);
      issued[r] = this.rows.issued[k] as number;
      due[r] = this.rows.due[k] as number;
      amount[r] = this.rows.amounts[k] as number;
      month[r] = monthOf(months, issued[r] as number);
      const schedule = this.rows.instalments.get(k);
      if (schedule) instalments.set(r, schedule);
      flags[r] =
        (code & 64 ? LEDGER_DISPUTED : 0) |
        (((code >> 4) & 3) === 1 ? LEDGER_PAPER : 0) |
        (INVOICE_STATUSES[code & 15] === 'void' ? LEDGER_VOID : 0) |
        (schedule && schedule.length > 0 ? LEDGER_INSTALMENTS : 0);
      details[r] = code & 63;
      numbers[r] = this.rows.numbers[k] as string;
    }
    const grouped = settlements.grouped(n);
    const columns: LedgerColumns = {
      length: n,
      customerIds: customers.ids,
      customerIndex: customers.index,
      currencies: currencies.ids,
      customer,
      currency: currencies.ids.length <= 256 ? Uint8Array.from(currency) : currency,
      issued,
      due,
      amount: minorArray(amount),
      month,
      flags,
      ...grouped,
    };
    return columnarLedger(columns, new ReadDetails(this.ids, numbers, details, instalments), this.rows.unreadable);
  }
}

/** The calendar month (1-12) of an epoch day, remembered per day (a book has a few thousand). */
function monthOf(months: Map<number, number>, day: number): number {
  let month = months.get(day);
  if (month === undefined) {
    month = Number(fromEpochDay(day).slice(5, 7));
    months.set(day, month);
  }
  return month;
}

/** Settlements as found: the invoice row, day, amount and kind of each. */
class Settlements {
  readonly rows: number[] = [];
  readonly days: number[] = [];
  readonly amounts: number[] = [];
  readonly kinds: number[] = [];

  add(row: number, day: number, amount: number, kind: number): void {
    // A settlement of an invoice not in the ledger is left out, as every calculator would.
    if (row < 0) return;
    this.rows.push(row);
    this.days.push(day);
    this.amounts.push(amount);
    this.kinds.push(kind);
  }

  /** Grouped under their invoice by a stable counting sort: `settlementStart` and the columns. */
  grouped(n: number) {
    const settlementStart = new Int32Array(n + 1);
    for (const r of this.rows) settlementStart[r + 1] = (settlementStart[r + 1] as number) + 1;
    for (let r = 0; r < n; r++)
      settlementStart[r + 1] = (settlementStart[r + 1] as number) + (settlementStart[r] as number);
    const next = settlementStart.slice(0, n);
    const m = this.rows.length;
    const settlementDay = new Int32Array(m);
    const amounts = new Array<number>(m);
    const settlementKind = new Uint8Array(m);
    for (let k = 0; k < m; k++) {
      const r = this.rows[k] as number;
      const slot = next[r] as number;
      next[r] = slot + 1;
      settlementDay[slot] = this.days[k] as number;
      amounts[slot] = this.amounts[k] as number;
      settlementKind[slot] = this.kinds[k] as number;
    }
    return { settlementStart, settlementDay, settlementAmount: minorArray(amounts), settlementKind };
  }
}

/** Minor amounts in 32-bit integers while every one fits, else 64-bit floats (as `ledgerColumns` keeps them). */
function minorArray(amounts: readonly number[]): Int32Array | Float64Array {
  for (const a of amounts) if ((a | 0) !== a) return Float64Array.from(amounts);
  return Int32Array.from(amounts);
}

/** Numbers distinct strings in order of first appearance. */
class Slots {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();

  slotOf(id: string): number {
    let slot = this.index.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.index.set(id, slot);
      this.ids.push(id);
    }
    return slot;
  }
}

class ReadDetails implements LedgerInvoiceDetails {
  constructor(
    private readonly ids: readonly string[],
    private readonly numbers: readonly string[],
    private readonly codes: Uint8Array,
    private readonly schedules: ReadonlyMap<number, readonly Instalment[]>,
  ) {}

  id(i: number): string {
    return this.ids[i] as string;
  }

  number(i: number): string {
    return this.numbers[i] as string;
  }

  status(i: number): InvoiceStatus {
    return INVOICE_STATUSES[(this.codes[i] as number) & 15] as InvoiceStatus;
  }

  channel(i: number): LedgerInvoice['channel'] {
    return CHANNELS[((this.codes[i] as number) >> 4) & 3] ?? null;
  }

  instalments(i: number): readonly Instalment[] {
    return this.schedules.get(i) ?? NO_INSTALMENTS;
  }
}

/**
 * Unlinked credit notes, applied by `applyUnlinkedCredits` to the invoices of their customers and
 * currencies (made into objects for it, with the settlements found so far) and added as settlements.
 */
function applyCredits(book: InvoiceBook, settlements: Settlements, credits: readonly UnlinkedCredit[]): void {
  const wanted = new Set(credits.map((c) => `${c.customerId}\u0000${c.currency}`));
  const rows: number[] = [];
  for (let r = 0; r < book.length; r++) if (wanted.has(`${book.customer(r)}\u0000${book.currency(r)}`)) rows.push(r);
  const rowOf = new Map(rows.map((r) => [book.ids[r] as string, r]));
  const invoices = rows.map((r) => book.invoice(r));
  const known: LedgerSettlement[] = [];
  settlements.rows.forEach((r, k) => {
    const id = book.ids[r] as string;
    if (!rowOf.has(id)) return;
    known.push({
      invoiceId: id,
      on: fromEpochDay(settlements.days[k] as number),
      amountMinor: settlements.amounts[k] as number,
      kind: SETTLEMENT_KINDS[settlements.kinds[k] as number] as LedgerSettlement['kind'],
    });
  });
  for (const s of applyUnlinkedCredits(invoices, known, credits).settlements) {
    settlements.add(rowOf.get(s.invoiceId) ?? -1, epochDayUnchecked(s.on), s.amountMinor, CREDIT_NOTE);
  }
}

/** Write-offs of what 'written_off' invoices still have open, dated as the header comment says. */
function addWriteOffs(book: InvoiceBook, settlements: Settlements): void {
  const written = new Map<number, { open: number; day: number; isDated: boolean }>();
  for (let r = 0; r < book.length; r++) {
    if (book.status(r) !== 'written_off') continue;
    const on = book.writtenOffOn(r);
    written.set(r, { open: book.amount(r), day: on ?? book.due(r), isDated: on !== undefined });
  }
  if (written.size === 0) return;
  settlements.rows.forEach((r, k) => {
    const w = written.get(r);
    if (!w) return;
    w.open -= settlements.amounts[k] as number;
    if (!w.isDated && (settlements.days[k] as number) > w.day) w.day = settlements.days[k] as number;
  });
  for (const [r, w] of written) if (w.open > 0) settlements.add(r, w.day, w.open, WRITE_OFF);
}

/**
 * The columns the ledger reads, in this order (`InvoiceValues`); ordered by id, except a whole book
 * on SQLite, which comes in storage order and is sorted by id in JavaScript only when it is not
 * already. There SQLite read the organisation's rows through its due-date index and sorted them all
 * by id in a temporary B-tree: for 1M invoices 2.9 s, against 1.3 s for a scan of the table, whose
 * order already is (or nearly is) id order, ids being made in time order. `+org_id` keeps the
 * planner off the org_id indexes; rows of other organisations are skipped inside SQLite.
 */
function selectInvoices(db: Db, params: { orgId: string; customerId?: string }) {
  // Fewer strings for the driver to make (each cell costs): no schedule is NULL, the channel a number.
  const q = db.kysely
    .selectFrom('invoices')
    .select(['id', 'customer_id', 'number', 'issued_on', 'due_on', 'currency', 'amount_minor', 'status'])
    .select(['is_disputed'])
    .select(sql<string | null>`nullif(instalments, '[]')`.as('instalments'))
    .select(sql<number>`case channel when 'paper' then 1 when 'electronic' then 2 else 0 end`.as('channel'))
    .select('written_off_on');
  if (params.customerId !== undefined) {
    return q.where('org_id', '=', params.orgId).where('customer_id', '=', params.customerId).orderBy('id');
  }
  if (db.dialect === 'sqlite') return q.where(sql<string>`+${sql.ref('org_id')}`, '=', params.orgId);
  return q.where('org_id', '=', params.orgId).orderBy('id');
}

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

/**
 * The `instalments` column: JSON `[{ "dueOn": "YYYY-MM-DD", "amountMinor": 123 }, …]`, '[]' for none;
 * else why it cannot be read (the row is then left out and named).
 */
function parseInstalments(text: string): Instalment[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'instalments are not JSON';
  }
  if (!Array.isArray(parsed)) return 'instalments are not a list';
  const out: Instalment[] = [];
  for (const p of parsed as unknown[]) {
    const item = (typeof p === 'object' && p !== null ? p : {}) as { dueOn?: unknown; amountMinor?: unknown };
    if (typeof item.dueOn !== 'string' || !isLocalDate(item.dueOn) || !Number.isSafeInteger(item.amountMinor))
      return `instalment ${JSON.stringify(p)} is malformed`;
    out.push({ dueOn: item.dueOn, amountMinor: item.amountMinor as number });
  }
  return out;
}

import { BILL_STATUSES, INVOICE_STATUSES, type Instalment, type InvoiceStatus } from '../../core/model/index.js';
import {
  columnarLedger,
  LEDGER_INSTALMENTS,
  type LedgerBill,
  type LedgerBillPayment,
  type LedgerColumns,
  type LedgerInvoice,
  type LedgerInvoiceDetails,
  ledgerColumns,
  ledgerDetails,
  NO_INSTALMENTS,
  type PayablesLedger,
  type ReceivablesLedger,
  type UnreadableRow,
} from '../../core/receivables/index.js';
import { epochDayUnchecked, fromEpochDay, type LocalDate } from '../../core/time/index.js';
import {
  hasMagic,
  minorSection,
  packSections,
  type Section,
  Slots,
  type TextTable,
  textSections,
  unpackSections,
} from './snapshot-format.js';

/**
 * An organisation's books (its receivables and payables ledgers) as one binary value
 * (docs/adr/0015). The receivables are the typed columns of `ledgerColumns` as they are in memory,
 * plus what the columns do not hold (ids, numbers, statuses, channels, instalment schedules) as
 * text tables; read back, they are views of the bytes, and invoice objects are made only when
 * asked. The payables are columns too, made into their (far fewer) objects on first use.
 */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = [0x43, 0x47, 0x42, SNAPSHOT_FORMAT]; // 'CGB' + format

/** What `loadReceivablesLedger` and `loadPayablesLedger` return for a whole book. */
export interface Books {
  readonly receivables: ReceivablesLedger;
  readonly payables: PayablesLedger;
}

const CHANNELS = [null, 'paper', 'electronic'] as const;

/**
 * The books as bytes. Receivables settlements are stored grouped under their invoice, in ledger
 * order within each, as `loadReceivablesLedger` returns them, so the books read back have the same
 * invoices, settlements, bills and payments in the same order.
 *
 * @example
 * decodeBooks(encodeBooks(books)).receivables.invoices // deep-equal to books.receivables.invoices
 */
export function encodeBooks(books: Books): Uint8Array {
  return packSections(
    MAGIC,
    {
      invoices: ledgerColumns(books.receivables).length,
      // Rows the reader left out (a value no write rule allows), so a report read from the snapshot names them too.
      unreadable: books.receivables.unreadable ?? [],
      billsUnreadable: books.payables.unreadable ?? [],
    },
    {
      ...receivablesSections(books.receivables),
      ...payablesSections(books.payables),
    },
  );
}

function receivablesSections(ledger: ReceivablesLedger): Record<string, Section> {
  const cols = ledgerColumns(ledger);
  // A ledger read into columns gives its details without an object per invoice; a ledger of objects, from them.
  const d = ledgerDetails(ledger) ?? objectDetails(ledger.invoices);
  const n = cols.length;
  const details = new Uint8Array(n);
  const instalmentRows: number[] = [];
  const schedules: string[] = [];
  for (let i = 0; i < n; i++) {
    details[i] = INVOICE_STATUSES.indexOf(d.status(i)) | (CHANNELS.indexOf(d.channel(i)) << 4);
    if ((cols.flags[i] as number) & LEDGER_INSTALMENTS) {
      instalmentRows.push(i);
      schedules.push(JSON.stringify(d.instalments(i)));
    }
  }
  return {
    customer: cols.customer,
    currency: cols.currency,
    issued: cols.issued,
    due: cols.due,
    amount: cols.amount,
    month: cols.month,
    flags: cols.flags,
    settlementStart: cols.settlementStart,
    settlementDay: cols.settlementDay,
    settlementAmount: cols.settlementAmount,
    settlementKind: cols.settlementKind,
    details,
    instalmentRows: Int32Array.from(instalmentRows),
    ...textSections(
      'id',
      Array.from({ length: n }, (_, i) => d.id(i)),
    ),
    ...textSections(
      'number',
      Array.from({ length: n }, (_, i) => d.number(i)),
    ),
    ...textSections('customer', cols.customerIds),
    ...textSections('currency', cols.currencies),
    ...textSections('instalment', schedules),
  };
}

/** The details of a ledger of objects, read from them. */
function objectDetails(invoices: readonly LedgerInvoice[]): LedgerInvoiceDetails {
  const at = (i: number) => invoices[i] as LedgerInvoice;
  return {
    id: (i) => at(i).id,
    number: (i) => at(i).number,
    status: (i) => at(i).status,
    channel: (i) => at(i).channel,
    instalments: (i) => at(i).instalments,
  };
}

function payablesSections(ledger: PayablesLedger): Record<string, Section> {
  const { bills, payments } = ledger;
  const suppliers = new Slots();
  const currencies = new Slots();
  const row = new Map(bills.map((b, i) => [b.id, i]));
  // A payment's bill by its row; the few whose bill is not among the bills keep its id as text.
  const paymentBill = Int32Array.from(payments, (p) => row.get(p.billId) ?? -1);
  return {
    billSupplier: Int32Array.from(bills, (b) => suppliers.slotOf(b.supplierId)),
    billCurrency: Int32Array.from(bills, (b) => currencies.slotOf(b.currency)),
    billIssued: Int32Array.from(bills, (b) => epochDayUnchecked(b.issuedOn)),
    billDue: Int32Array.from(bills, (b) => epochDayUnchecked(b.dueOn)),
    billAmount: minorSection(bills.map((b) => b.amountMinor)),
    billStatus: Uint8Array.from(bills, (b) => BILL_STATUSES.indexOf(b.status)),
    paymentBill,
    paymentDay: Int32Array.from(payments, (p) => epochDayUnchecked(p.on)),
    paymentAmount: minorSection(payments.map((p) => p.amountMinor)),
    ...textSections(
      'billId',
      bills.map((b) => b.id),
    ),
    ...textSections(
      'billNumber',
      bills.map((b) => b.number),
    ),
    ...textSections('supplier', suppliers.ids),
    ...textSections('billCurrency', currencies.ids),
    ...textSections(
      'otherBill',
      payments.filter((_, k) => paymentBill[k] === -1).map((p) => p.billId),
    ),
  };
}

/** True when `bytes` is a snapshot of this format. */
export function isBooksSnapshot(bytes: Uint8Array): boolean {
  return hasMagic(bytes, MAGIC);
}

/** The books held in the snapshot's bytes. Throws on bytes that are not a snapshot of this format. */
export function decodeBooks(bytes: Uint8Array): Books {
  const packed = unpackSections(bytes, MAGIC);
  const { invoices, unreadable, billsUnreadable } = packed.meta as {
    invoices: number;
    unreadable?: UnreadableRow[];
    billsUnreadable?: UnreadableRow[];
  };
  const dates = new DateTexts();
  const customers = packed.text('customer').all();
  const columns: LedgerColumns = {
    length: invoices,
    customerIds: customers,
    customerIndex: new Map(customers.map((id, i) => [id, i])),
    currencies: packed.text('currency').all(),
    customer: packed.view('customer') as Int32Array,
    currency: packed.view('currency') as Uint8Array | Uint16Array,
    issued: packed.view('issued') as Int32Array,
    due: packed.view('due') as Int32Array,
    amount: packed.view('amount') as Int32Array | Float64Array,
    month: packed.view('month') as Uint8Array,
    flags: packed.view('flags') as Uint8Array,
    settlementStart: packed.view('settlementStart') as Int32Array,
    settlementDay: packed.view('settlementDay') as Int32Array,
    settlementAmount: packed.view('settlementAmount') as Int32Array | Float64Array,
    settlementKind: packed.view('settlementKind') as Uint8Array,
  };
  const details = new SnapshotDetails(
    packed.view('details') as Uint8Array,
    packed.text('id'),
    packed.text('number'),
    packed.view('instalmentRows') as Int32Array,
    packed.text('instalment'),
  );
  return {
    receivables: columnarLedger(columns, details, unreadable ?? []),
    payables: new SnapshotPayables(packed, dates, billsUnreadable ?? []),
  };
}

class SnapshotDetails implements LedgerInvoiceDetails {
  private schedules: Map<number, number> | undefined;

  constructor(
    private readonly details: Uint8Array,
    private readonly ids: TextTable,
    private readonly numbers: TextTable,
    private readonly instalmentRows: Int32Array,
    private readonly instalmentTexts: TextTable,
  ) {}

  id(i: number): string {
    return this.ids.at(i);
  }

  number(i: number): string {
    return this.numbers.at(i);
  }

  status(i: number): InvoiceStatus {
    return INVOICE_STATUSES[(this.details[i] as number) & 15] as InvoiceStatus;
  }

  channel(i: number): LedgerInvoice['channel'] {
    return CHANNELS[(this.details[i] as number) >> 4] ?? null;
  }

  instalments(i: number): readonly Instalment[] {
    this.schedules ??= new Map(Array.from(this.instalmentRows, (row, k) => [row, k]));
    const k = this.schedules.get(i);
    if (k === undefined) return NO_INSTALMENTS;
    return JSON.parse(this.instalmentTexts.at(k)) as Instalment[];
  }
}

/** One string per distinct date, as a loaded ledger shares them. */
class DateTexts {
  private readonly texts = new Map<number, LocalDate>();

  of(day: number): LocalDate {
    let text = this.texts.get(day);
    if (text === undefined) {
      text = fromEpochDay(day);
      this.texts.set(day, text);
    }
    return text;
  }
}

/** The payables of a snapshot: their objects are made on first use, all at once (every reader walks them all). */
class SnapshotPayables implements PayablesLedger {
  private made: { bills: LedgerBill[]; payments: LedgerBillPayment[] } | undefined;

  readonly unreadable: readonly UnreadableRow[] | undefined;

  constructor(
    private readonly packed: ReturnType<typeof unpackSections>,
    private readonly dates: DateTexts,
    unreadable: readonly UnreadableRow[],
  ) {
    this.unreadable = unreadable.length > 0 ? unreadable : undefined;
  }

  get bills(): readonly LedgerBill[] {
    return this.make().bills;
  }

  get payments(): readonly LedgerBillPayment[] {
    return this.make().payments;
  }

  private make() {
    if (this.made) return this.made;
    const p = this.packed;
    const ids = p.text('billId');
    const numbers = p.text('billNumber');
    const suppliers = p.text('supplier').all();
    const currencies = p.text('billCurrency').all();
    const supplier = p.view('billSupplier');
    const currency = p.view('billCurrency');
    const issued = p.view('billIssued');
    const due = p.view('billDue');
    const amount = p.view('billAmount');
    const status = p.view('billStatus');
    const bills = Array.from(
      { length: ids.length },
      (_, i): LedgerBill => ({
        id: ids.at(i),
        supplierId: suppliers[supplier[i] as number] as string,
        number: numbers.at(i),
        issuedOn: this.dates.of(issued[i] as number),
        dueOn: this.dates.of(due[i] as number),
        currency: currencies[currency[i] as number] as string,
        amountMinor: amount[i] as number,
        status: BILL_STATUSES[status[i] as number] as LedgerBill['status'],
      }),
    );
    const bill = p.view('paymentBill');
    const day = p.view('paymentDay');
    const paid = p.view('paymentAmount');
    const others = p.text('otherBill');
    let other = 0;
    const payments = Array.from(
      bill,
      (b, k): LedgerBillPayment => ({
        billId: b >= 0 ? (bills[b] as LedgerBill).id : others.at(other++),
        on: this.dates.of(day[k] as number),
        amountMinor: paid[k] as number,
      }),
    );
    this.made = { bills, payments };
    return this.made;
  }
}

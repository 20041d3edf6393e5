import type { Instalment, InvoiceStatus } from '../model/index.js';
import { fromEpochDay, type LocalDate } from '../time/index.js';
import {
  type LedgerInvoice,
  type LedgerSettlement,
  NO_INSTALMENTS,
  type ReceivablesLedger,
  type UnreadableRow,
} from './ledger.js';
import {
  attachColumns,
  LEDGER_DISPUTED,
  LEDGER_INSTALMENTS,
  type LedgerColumns,
  SETTLEMENT_KINDS,
} from './ledger-columns.js';

/** What the columns do not hold of invoice `i`: given by whoever stored them (a ledger snapshot). */
export interface LedgerInvoiceDetails {
  id(i: number): string;
  number(i: number): string;
  status(i: number): InvoiceStatus;
  /** Asked only of invoices flagged LEDGER_INSTALMENTS. */
  instalments(i: number): readonly Instalment[];
  channel(i: number): 'paper' | 'electronic' | null;
}

/**
 * A ledger held in its columns (docs/adr/0015): the calculators that read `ledgerColumns` (aging,
 * open items, the series, metrics, the behaviour model) use them as they are, with no object per
 * invoice. `invoices` and `settlements` are the same objects a loaded ledger has, made on first
 * access; `ledgerInvoice(ledger, i)` makes one invoice without making them all.
 *
 * @example
 * const ledger = columnarLedger(cols, details);
 * computeAging(ledger, { asOf }); // reads cols only
 */
export function columnarLedger(
  columns: LedgerColumns,
  details: LedgerInvoiceDetails,
  unreadable?: readonly UnreadableRow[],
): ReceivablesLedger {
  return new ColumnarLedger(columns, details, unreadable && unreadable.length > 0 ? unreadable : undefined);
}

/** What a ledger held in columns keeps beside its columns (undefined for a ledger of objects). */
export function ledgerDetails(ledger: ReceivablesLedger): LedgerInvoiceDetails | undefined {
  return ledger instanceof ColumnarLedger ? ledger.details : undefined;
}

/** Invoice `i` of a ledger: from its array, or made alone for a ledger held in columns. */
export function ledgerInvoice(ledger: ReceivablesLedger, i: number): LedgerInvoice {
  return ledger instanceof ColumnarLedger ? ledger.invoiceAt(i) : (ledger.invoices[i] as LedgerInvoice);
}

class ColumnarLedger implements ReceivablesLedger {
  /** The invoice made last, for a caller that asks for the same row again (an instalment's parts). */
  private last: { row: number; invoice: LedgerInvoice } | undefined;
  /**
   * The objects once made, held weakly: a ledger kept in memory for later reports (a report
   * worker's books) does not keep a million objects alive after the report that asked for them.
   * A reference taken in a job stays alive until the job ends, so a loop over `invoices[i]` never
   * makes them twice.
   */
  private allInvoices: WeakRef<readonly LedgerInvoice[]> | undefined;
  private allSettlements: WeakRef<readonly LedgerSettlement[]> | undefined;
  /** One string per distinct date, as a loaded ledger shares them. */
  private readonly dates = new Map<number, LocalDate>();

  constructor(
    private readonly columns: LedgerColumns,
    readonly details: LedgerInvoiceDetails,
    /** Stored rows the reader left out because they could not be read (named in the reports). */
    readonly unreadable?: readonly UnreadableRow[],
  ) {
    attachColumns(this, columns);
  }

  get invoices(): readonly LedgerInvoice[] {
    let out = this.allInvoices?.deref();
    if (out === undefined) {
      const made = new Array<LedgerInvoice>(this.columns.length);
      for (let i = 0; i < made.length; i++) made[i] = this.invoiceAt(i);
      this.allInvoices = new WeakRef(made);
      out = made;
    }
    return out;
  }

  get settlements(): readonly LedgerSettlement[] {
    let out = this.allSettlements?.deref();
    if (out === undefined) {
      const c = this.columns;
      const made = new Array<LedgerSettlement>(c.settlementDay.length);
      for (let i = 0; i < c.length; i++) {
        const end = c.settlementStart[i + 1] as number;
        for (let k = c.settlementStart[i] as number; k < end; k++) {
          made[k] = {
            invoiceId: this.details.id(i),
            on: this.date(c.settlementDay[k] as number),
            amountMinor: c.settlementAmount[k] as number,
            kind: SETTLEMENT_KINDS[c.settlementKind[k] as number] as LedgerSettlement['kind'],
          };
        }
      }
      this.allSettlements = new WeakRef(made);
      out = made;
    }
    return out;
  }

  /** Invoice `i`: from the array once it is made, else made alone (not kept: most die young). */
  invoiceAt(i: number): LedgerInvoice {
    const made = this.allInvoices?.deref()?.[i] ?? (this.last?.row === i ? this.last.invoice : undefined);
    if (made !== undefined) return made;
    const c = this.columns;
    const flags = c.flags[i] as number;
    const d = this.details;
    const invoice: LedgerInvoice = {
      id: d.id(i),
      customerId: c.customerIds[c.customer[i] as number] as string,
      number: d.number(i),
      issuedOn: this.date(c.issued[i] as number),
      dueOn: this.date(c.due[i] as number),
      currency: c.currencies[c.currency[i] as number] as string,
      amountMinor: c.amount[i] as number,
      status: d.status(i),
      isDisputed: (flags & LEDGER_DISPUTED) !== 0,
      instalments: flags & LEDGER_INSTALMENTS ? d.instalments(i) : NO_INSTALMENTS,
      channel: d.channel(i),
    };
    this.last = { row: i, invoice };
    return invoice;
  }

  private date(day: number): LocalDate {
    let text = this.dates.get(day);
    if (text === undefined) {
      text = fromEpochDay(day);
      this.dates.set(day, text);
    }
    return text;
  }
}

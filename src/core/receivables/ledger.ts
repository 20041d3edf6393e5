import type { Instalment, InvoiceStatus } from '../model/index.js';
import type { LocalDate } from '../time/index.js';

/**
 * The receivables ledger as the analytics read it: invoices plus every settlement of them
 * (receipt allocations and credit notes), each dated. Loaded once per request by
 * `db/stores/receivables.ts`; every calculator takes it and an `asOf` date, and ignores
 * settlements after `asOf`, so any past date can be reproduced.
 */
/** The instalment list of every invoice due at once, shared by all of them (frozen: ledgers are read-only). */
export const NO_INSTALMENTS: readonly Instalment[] = Object.freeze([]);

export interface LedgerInvoice {
  readonly id: string;
  readonly customerId: string;
  readonly number: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly currency: string;
  readonly amountMinor: number;
  readonly status: InvoiceStatus;
  readonly isDisputed: boolean;
  readonly instalments: readonly Instalment[];
  /** How the invoice was delivered, when the source says (a behaviour-model feature). */
  readonly channel: 'paper' | 'electronic' | null;
}

export interface LedgerSettlement {
  readonly invoiceId: string;
  readonly on: LocalDate;
  readonly amountMinor: number;
  readonly kind: 'receipt' | 'credit_note' | 'write_off';
}

/** A stored row a loader could not read: left out of the ledger and named here for the report's warnings. */
export interface UnreadableRow {
  readonly table: string;
  readonly id: string;
  readonly reason: string;
}

export interface ReceivablesLedger {
  readonly invoices: readonly LedgerInvoice[];
  readonly settlements: readonly LedgerSettlement[];
  /** Rows left out because they could not be read (a value no write rule allows): one bad row never fails a report. */
  readonly unreadable?: readonly UnreadableRow[] | undefined;
}

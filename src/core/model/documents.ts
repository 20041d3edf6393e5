import type { CurrencyCode } from '../money/index.js';
import type { LocalDate } from '../time/index.js';

/**
 * Amounts on documents are integer minor units of the document's one `currency`; core functions
 * build `Money` values from them where they combine amounts (see docs/adr/0001-money.md).
 */
export const INVOICE_STATUSES = ['open', 'paid', 'void', 'written_off'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** One instalment of an invoice payable in parts. Instalments sum to the invoice amount. */
export interface Instalment {
  readonly dueOn: LocalDate;
  readonly amountMinor: number;
}

/** A receivable document (AR, 应收发票). `amountMinor` includes tax (价税合计). */
export interface Invoice {
  readonly id: string;
  readonly customerId: string;
  /** 发票号码; unique per organisation, the import key. */
  readonly number: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly taxMinor: number;
  readonly status: InvoiceStatus;
  readonly isDisputed: boolean;
  readonly externalId: string | null;
  /** Empty for a single due date; otherwise the instalment schedule. */
  readonly instalments: readonly Instalment[];
  /** 'paper' | 'electronic' | other delivery channel, when the source says. */
  readonly channel: string | null;
}

/** A reduction of an invoice, including a red-letter invoice (红字发票). */
export interface CreditNote {
  readonly id: string;
  readonly customerId: string;
  readonly number: string;
  readonly issuedOn: LocalDate;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  /** The invoice it reduces, when it reduces one. */
  readonly invoiceId: string | null;
  readonly reason: string | null;
}

/** Money received from a customer. It may be left unallocated for later matching. */
export interface Receipt {
  readonly id: string;
  readonly customerId: string | null;
  readonly receivedOn: LocalDate;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly reference: string | null;
  readonly bankAccountId: string | null;
  readonly externalId: string | null;
}

/** The part of a receipt that settles one invoice (partial payments allowed). */
export interface ReceiptAllocation {
  readonly receiptId: string;
  readonly invoiceId: string;
  readonly amountMinor: number;
}

export const BILL_STATUSES = ['open', 'paid', 'void'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

/** A payable document (AP, 应付账单). */
export interface Bill {
  readonly id: string;
  readonly supplierId: string;
  readonly number: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly taxMinor: number;
  readonly status: BillStatus;
  readonly externalId: string | null;
}

/** Money paid to a supplier. */
export interface Payment {
  readonly id: string;
  readonly supplierId: string | null;
  readonly paidOn: LocalDate;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly reference: string | null;
  readonly externalId: string | null;
}

export interface PaymentAllocation {
  readonly paymentId: string;
  readonly billId: string;
  readonly amountMinor: number;
}

/** An order entered but not yet invoiced: part of a customer's credit exposure. */
export interface SalesOrder {
  readonly id: string;
  readonly customerId: string;
  readonly number: string;
  readonly orderedOn: LocalDate;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly status: 'open' | 'shipped' | 'invoiced' | 'cancelled';
}

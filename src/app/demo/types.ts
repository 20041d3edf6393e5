import type {
  AcceptanceBill,
  BankAccount,
  BankBalance,
  Bill,
  CreditLimit,
  CreditLine,
  CreditNote,
  Customer,
  ExternalRating,
  FinancialStatement,
  FxRateRecord,
  InsurancePolicy,
  InsuredBuyerLimit,
  Invoice,
  LegalEvent,
  Payment,
  PaymentAllocation,
  Receipt,
  ReceiptAllocation,
  RecurringItem,
  SalesOrder,
  Supplier,
} from '../../core/model/index.js';

/** The domain `Receipt` plus the bank's transaction number, which the receipts table requires. */
export interface DemoReceipt extends Receipt {
  readonly number: string;
}

/** The domain `Payment` plus its transaction number, which the payments table requires. */
export interface DemoPayment extends Payment {
  readonly number: string;
}

/** The domain `CreditLimit` plus the row id the credit_limits table requires. */
export interface DemoCreditLimit extends CreditLimit {
  readonly id: string;
}

/** A month-end conversion of foreign currency into CNY (结汇): moves cash between bank accounts. */
export interface FxConversion {
  readonly on: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly cnyMinor: number;
}

/** Every record set of a demo company, in domain shapes. A batch of the stream fills some of them. */
export interface DemoRecords {
  customers: Customer[];
  suppliers: Supplier[];
  bankAccounts: BankAccount[];
  invoices: Invoice[];
  creditNotes: CreditNote[];
  receipts: DemoReceipt[];
  receiptAllocations: ReceiptAllocation[];
  bills: Bill[];
  payments: DemoPayment[];
  paymentAllocations: PaymentAllocation[];
  bankBalances: BankBalance[];
  acceptanceBills: AcceptanceBill[];
  creditLines: CreditLine[];
  recurringItems: RecurringItem[];
  fxRates: FxRateRecord[];
  financialStatements: FinancialStatement[];
  legalEvents: LegalEvent[];
  externalRatings: ExternalRating[];
  creditLimits: DemoCreditLimit[];
  salesOrders: SalesOrder[];
  insurancePolicies: InsurancePolicy[];
  insuredBuyerLimits: InsuredBuyerLimit[];
  /** Not stored: the transfers that explain the bank balances (see `cash.ts`). */
  fxConversions: FxConversion[];
}

export type DemoRecordKind = keyof DemoRecords;

/** The customers that carry the demo story, for guided tours and tests. */
export interface NamedCustomers {
  readonly top: string;
  readonly prompt: string;
  readonly late: string;
  readonly seasonal: string;
  readonly deteriorating: string;
  readonly insolvent: string;
  readonly disputing: readonly string[];
}

export interface DemoOrganisation {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly baseCurrency: 'CNY';
  readonly locale: 'zh-CN';
  readonly createdAt: string;
}

/** One step of the stream: some records, and where the generation stands. */
export interface DemoBatch {
  readonly phase: 'reference' | 'sales' | 'purchases' | 'treasury';
  readonly done: number;
  readonly total: number;
  readonly records: Partial<DemoRecords>;
}

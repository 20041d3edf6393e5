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
  Grade,
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
  creditReviews: DemoCreditReview[];
  onboardingChecks: DemoOnboardingCheck[];
  dunningActions: DemoDunningAction[];
  /** Not stored: the transfers that explain the bank balances (see `cash.ts`). */
  fxConversions: FxConversion[];
}

export type DemoRecordKind = keyof DemoRecords;

/**
 * The customers that carry the demo story, for guided tours and tests: the top customer, a prompt
 * payer, the seasonal payer, and those behind the deliberate problems (docs/demo.md).
 */
export interface NamedCustomers {
  readonly top: string;
  readonly prompt: string;
  /** The large habitual late payer: reliable, 30–45 days after the due date. */
  readonly late: string;
  readonly seasonal: string;
  /** Paying later and later; its insurer cancelled its limit. */
  readonly deteriorating: string;
  /** In bankruptcy proceedings (the one legal event of type insolvency). */
  readonly insolvent: string;
  /** Over its approved limit by a modest amount, with an open order the hold check stops. */
  readonly overLimit: string;
  /** Contests one invoice (the one disputed invoice). */
  readonly disputing: string;
  /** Accepted a 商承 we hold and is on the 票交所 acceptor-overdue list. */
  readonly acceptor: string;
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

/** A completed credit review (credit_reviews). */
export interface DemoCreditReview {
  readonly id: string;
  readonly customerId: string;
  readonly reviewedOn: string;
  readonly reviewer: string;
  readonly gradeBefore: Grade | null;
  readonly gradeAfter: Grade | null;
  readonly reason: string;
  readonly nextDueOn: string;
}

/** An onboarding checklist item a person recorded (onboarding_checks). */
export interface DemoOnboardingCheck {
  readonly customerId: string;
  readonly item: string;
  readonly status: 'done' | 'failed' | 'waived';
  readonly checkedOn: string;
  readonly checkedBy: string;
  readonly note: string | null;
}

/** A collection step taken or planned (dunning_actions); the demo records why an invoice is disputed. */
export interface DemoDunningAction {
  readonly id: string;
  readonly customerId: string;
  readonly invoiceId: string | null;
  readonly stage: number;
  readonly action: string;
  readonly plannedOn: string;
  readonly doneAt: string | null;
  readonly channel: string | null;
  readonly promisedOn: string | null;
  readonly notes: string | null;
}

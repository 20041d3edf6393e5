import type { FxForward } from '../fx/index.js';
import type { AcceptanceBill, CreditLine, RecurringItem } from '../model/index.js';
import type { FxTable } from '../money/index.js';
import type { BusinessCalendar, LocalDate } from '../time/index.js';
import type { ScenarioParams } from './scenarios.js';

/**
 * When an open invoice is expected to be paid, as the behaviour model says (or the DOMAIN 2.2
 * estimator in the app layer): quantiles of the payment date and P(still unpaid 90 days past due).
 */
export interface PaymentDateDistribution {
  readonly p10: LocalDate;
  readonly p50: LocalDate;
  readonly p90: LocalDate;
  /**
   * K equally likely payment dates (the quantile midpoints (i + 0.5)/K, earliest first) the
   * receipt is spread over; absent or one date: the whole receipt on P50.
   */
  readonly slices?: readonly LocalDate[];
  readonly pUnpaid90: number;
  /** Whose history the dates come from; 'portfolio' when the customer has none of its own. */
  readonly basis: 'customer' | 'portfolio';
}

/** Delay behaviour of a customer for invoices not issued yet (new sales). Days after due. */
export interface CustomerDelay {
  readonly customerId: string;
  readonly name: string;
  readonly termsDays: number;
  /** Delay quantiles in days (p10 ≤ p50 ≤ p90); null when nothing is known: paid at due date. */
  readonly delayDays: { readonly p10: number; readonly p50: number; readonly p90: number } | null;
  /** Share of the trailing 12 months' sales (sums to 1 over customers with sales). */
  readonly salesShare: number;
}

export interface ForecastInvoice {
  readonly id: string;
  readonly number: string;
  /** 1-based instalment of an invoice payable in parts; absent for one due date. */
  readonly instalment?: number;
  readonly customerId: string;
  readonly customerName: string;
  readonly currency: string;
  /** Open amount (minor units of `currency`). */
  readonly openMinor: number;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly isDisputed: boolean;
  /** Null when neither the customer nor the portfolio has any paid history. */
  readonly payment: PaymentDateDistribution | null;
  /** Parts of the open amount the customer committed to dates (an open promise, a plan on track), earliest first. */
  readonly commitment?: readonly CommittedPart[];
}

/** Part of an open receivable a promise to pay or a payment-plan instalment commits to a date. */
export interface CommittedPart {
  readonly kind: 'promise' | 'plan';
  /** The promise's or the plan's id: the reason opens to it. */
  readonly id: string;
  readonly on: LocalDate;
  /** Minor units of the invoice's currency. */
  readonly amountMinor: number;
}

export interface ForecastBill {
  readonly id: string;
  readonly number: string;
  readonly supplierName: string;
  readonly currency: string;
  readonly openMinor: number;
  readonly dueOn: LocalDate;
}

/** A planned one-off receipt or disbursement (capex, a dividend, an asset sale, a loan). */
export interface OneOffItem {
  readonly id: string;
  readonly name: string;
  readonly direction: 'inflow' | 'outflow';
  readonly currency: string;
  readonly amountMinor: number;
  readonly on: LocalDate;
}

/** Monthly sales (invoiced amount, base currency) for the seasonality model, oldest first. */
export interface MonthlySales {
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly amountMinor: number;
}

/**
 * How the forecast treats one customer, from its risk state (src/core/credit/risk-state; DOMAIN 2.5
 * rules 9 and 10): the PD each scenario reads, the loss given default, the recovery expectation of
 * an insolvent or written-off customer, and whether new sales to it may be expected.
 */
export interface ForecastCustomerRisk {
  /** 'insolvent', 'written_off', 'hold', 'watch' or 'normal': named in the trace. */
  readonly status: string;
  /** 12-month PD: base, and the band's low (optimistic) and high (pessimistic) ends. */
  readonly pd: number;
  readonly pdLow: number;
  readonly pdHigh: number;
  /** 1 − recovery share − insured share. */
  readonly lgd: number;
  /** Set for an insolvent or written-off customer: its open receivables are expected only at `share` on `on`. */
  readonly recovery: { readonly share: number; readonly on: LocalDate; readonly since: LocalDate } | null;
  readonly newSales: boolean;
}

export interface ForecastSettings {
  /** Day basis of acceptance-bill discount interest (DOMAIN 7.5: 360 in China, a setting). */
  readonly discountDayBasis: number;
  /**
   * Minimum cash: a fixed amount, or months of operating outflows, either those the base scenario
   * forecasts over the next 13 weeks ('forecast', whichever view is shown) or those actually paid
   * in the last 90 days ('trailing90').
   */
  readonly minCash:
    | { readonly mode: 'amount'; readonly amountMinor: number }
    | { readonly mode: 'months'; readonly months: number; readonly basis: 'forecast' | 'trailing90' };
  /** Draw on credit lines to keep the buffer (off by default). */
  readonly autoDraw: boolean;
  /** A line expiring without renewal inside the horizon must be repaid on its expiry date. */
  readonly repayDrawnAtExpiry: boolean;
  /** Invoices this many days past due are doubtful (DOMAIN 2.5 rule 3). */
  readonly doubtfulOverdueDays: number;
  /**
   * Equally likely payment dates each open invoice's receipt is spread over (1–20; 1 = the whole
   * receipt on its median date).
   */
  readonly receiptSlices: number;
}

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
  discountDayBasis: 360,
  minCash: { mode: 'months', months: 1, basis: 'forecast' },
  autoDraw: false,
  repayDrawnAtExpiry: true,
  doubtfulOverdueDays: 90,
  receiptSlices: 5,
};

export interface ForecastInput {
  readonly asOf: LocalDate;
  readonly baseCurrency: string;
  readonly fx: FxTable;
  /** ISO day weeks start on: 1 = Monday ... 7 = Sunday. */
  readonly weekStart: number;
  readonly granularity: 'week' | 'month';
  /** Weeks (default 13, 1–52) or months (default 6, 3–12). */
  readonly periods: number;
  readonly calendar: BusinessCalendar;
  readonly openingBalances: readonly {
    accountId: string;
    name: string;
    currency: string;
    on: LocalDate;
    amountMinor: number;
  }[];
  readonly invoices: readonly ForecastInvoice[];
  readonly bills: readonly ForecastBill[];
  readonly acceptanceBills: readonly AcceptanceBill[];
  /** PD of commercial-bill acceptors, by acceptor customer id or acceptor name. */
  readonly acceptorPd: ReadonlyMap<string, number>;
  /** Each customer's risk treatment by customer id; a customer not in it is treated as unscored-normal (PD 0). */
  readonly risk: ReadonlyMap<string, ForecastCustomerRisk>;
  readonly creditLines: readonly CreditLine[];
  readonly recurringItems: readonly RecurringItem[];
  readonly oneOffItems: readonly OneOffItem[];
  /** Forward contracts: each settles on its value date, a receipt in one currency and a payment in the other. */
  readonly forwards?: readonly FxForward[];
  /** Invoiced sales per month, base currency, at least the trailing 12 months when known. */
  readonly salesHistory: readonly MonthlySales[];
  /** A user sales plan; overrides the history model for the months it covers. */
  readonly salesPlan: readonly MonthlySales[];
  readonly customers: readonly CustomerDelay[];
  /** Days the organisation pays its bills after due, from its own history ('history' stretch). */
  readonly payablesStretchDays: number;
  /** Purchases (bills issued) per month, base currency: the run rate of purchases not yet billed. */
  readonly purchaseHistory?: readonly MonthlySales[];
  /** Amount-weighted days from a bill's issue to its payment, from the organisation's history. */
  readonly purchasePaymentDays?: number;
  /** Payments in the 90 days to asOf, base currency (for the 'trailing90' buffer basis). */
  readonly trailing90PaymentsMinor: number;
  readonly settings: ForecastSettings;
  /** Record every source item behind every line (default true); false keeps totals only. */
  readonly trace?: boolean;
}

export const RECEIPT_LINES = [
  'invoices',
  'acceptance_bills',
  'new_sales',
  'recurring',
  'one_off',
  'credit_line_draw',
  'fx_forward',
] as const;
export const DISBURSEMENT_LINES = [
  'bills',
  'new_purchases',
  'acceptance_bills',
  'payroll',
  'rent',
  'tax',
  'loan',
  'utilities',
  'social_insurance',
  'other_recurring',
  'one_off',
  'credit_line_repayment',
  'fx_forward',
] as const;
export type ReceiptLine = (typeof RECEIPT_LINES)[number];
export type DisbursementLine = (typeof DISBURSEMENT_LINES)[number];

export type SourceKind =
  | 'invoice'
  | 'bill'
  | 'acceptance_bill'
  | 'recurring'
  | 'sales'
  | 'purchases'
  | 'one_off'
  | 'credit_line'
  | 'fx_forward';

/** One item behind a number: what it is, how much (base currency), when, and why. */
export interface SourceRef {
  readonly kind: SourceKind;
  readonly id: string;
  readonly number: string;
  readonly counterparty: string;
  /** Base-currency amount carried in this scenario. */
  readonly amountMinor: number;
  readonly currency: string;
  /** Amount in the document's own currency before haircuts. */
  readonly originalMinor: number;
  /** The date the method gives; `placedOn` differs when that date is already past. */
  readonly expectedOn: LocalDate;
  readonly placedOn: LocalDate;
  /** A code the catalogues word ('forecast.reason.…'), with `reasonData` interpolated. */
  readonly reason: string;
  readonly reasonData?: Readonly<Record<string, string | number>>;
}

export interface ForecastLine {
  readonly key: string;
  readonly direction: 'receipt' | 'disbursement';
  readonly totalMinor: number;
  readonly sources: readonly SourceRef[];
}

export interface ForecastPeriod {
  readonly index: number;
  readonly startOn: LocalDate;
  readonly endOn: LocalDate;
  readonly openingMinor: number;
  readonly receiptsMinor: number;
  readonly disbursementsMinor: number;
  readonly closingMinor: number;
  readonly bufferMinor: number;
  readonly headroomMinor: number;
  readonly isBelowBuffer: boolean;
  readonly lines: readonly ForecastLine[];
}

export interface ScenarioForecast {
  readonly scenario: string;
  readonly params: ScenarioParams;
  readonly periods: readonly ForecastPeriod[];
  /** First period whose closing cash (at `endOn`) is below the buffer, or null. */
  readonly firstBreach: { readonly index: number; readonly startOn: LocalDate; readonly endOn: LocalDate } | null;
  readonly firstNegative: { readonly index: number; readonly startOn: LocalDate; readonly endOn: LocalDate } | null;
  /**
   * Weeks from the as-of date to the start of the first week whose closing cash plus the undrawn
   * committed credit lines is below zero, on the weekly path whichever view is shown; null when
   * that does not happen within `runwayHorizonWeeks`.
   */
  readonly runwayWeeks: number | null;
  readonly runwayHorizonWeeks: number;
  /** The undrawn committed credit counted in the runway, at the start. */
  readonly runwayCreditMinor: number;
  /** Expected credit loss taken off receipts (DOMAIN 2.5 rule 10), over every receipt placed. */
  readonly riskAdjustmentMinor: number;
  /** Items left out of receipts (excluded doubtful invoices, write-offs, missing FX rates). */
  readonly excluded: readonly SourceRef[];
  readonly excludedMinor: number;
  /** Flows placed after the horizon's last day. */
  readonly beyondHorizon: { readonly receiptsMinor: number; readonly disbursementsMinor: number };
}

export interface ForecastResult {
  readonly asOf: LocalDate;
  readonly currency: string;
  readonly granularity: 'week' | 'month';
  readonly weekStart: number;
  readonly opening: { readonly totalMinor: number; readonly on: LocalDate | null; readonly accounts: number };
  readonly bufferMinor: number;
  /** How the buffer was set: a fixed amount, or `months` × the operating outflows over `windowDays`. */
  readonly buffer: {
    readonly mode: 'amount' | 'months';
    readonly months: number | null;
    readonly basis: 'forecast' | 'trailing90' | null;
    readonly outflowsMinor: number | null;
    readonly windowDays: number | null;
  };
  /** Cash at the start is already below the buffer. */
  readonly isBelowBufferAtStart: boolean;
  readonly missingRates: readonly string[];
  /** Items that could not be forecast (an invalid recurring rule), with the code that says why. */
  readonly warnings: readonly { readonly code: string; readonly details: Readonly<Record<string, string>> }[];
  readonly scenarios: readonly ScenarioForecast[];
}

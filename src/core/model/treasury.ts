import type { CurrencyCode } from '../money/index.js';
import type { LocalDate } from '../time/index.js';

export interface BankAccount {
  readonly id: string;
  readonly name: string;
  readonly bankName: string | null;
  readonly accountNo: string | null;
  readonly currency: CurrencyCode;
}

/** Cash at bank at the end of a day (余额). */
export interface BankBalance {
  readonly bankAccountId: string;
  readonly on: LocalDate;
  readonly amountMinor: number;
}

/** 银承 (bank) or 商承 (commercial) acceptance bill. */
export type AcceptanceBillKind = 'bank' | 'commercial';
export type AcceptanceBillStatus = 'held' | 'endorsed' | 'discounted' | 'settled' | 'dishonoured';

export interface Endorsement {
  readonly on: LocalDate;
  readonly from: string;
  readonly to: string;
}

/** A bill of exchange accepted by a bank or a company (承兑汇票); tenor at most 6 months. */
export interface AcceptanceBill {
  readonly id: string;
  readonly number: string;
  readonly kind: AcceptanceBillKind;
  /** 'receivable' when we hold it (received from a customer), 'payable' when we issued it. */
  readonly direction: 'receivable' | 'payable';
  readonly currency: CurrencyCode;
  readonly faceMinor: number;
  readonly issuedOn: LocalDate;
  readonly maturesOn: LocalDate;
  readonly acceptorName: string;
  /** Set when the acceptor is one of our customers (a 商承 acceptor needs its own limit). */
  readonly acceptorCustomerId: string | null;
  readonly drawerName: string;
  /** The customer who handed it to us, for receivable bills. */
  readonly customerId: string | null;
  readonly endorsements: readonly Endorsement[];
  readonly status: AcceptanceBillStatus;
  readonly discountedOn: LocalDate | null;
  /** Annual discount rate planned or applied (e.g. 0.015), day basis per organisation setting. */
  readonly discountRate: number | null;
  readonly plannedDiscountOn: LocalDate | null;
  readonly isWithRecourse: boolean;
}

/** A committed bank facility (授信额度). */
export interface CreditLine {
  readonly id: string;
  readonly lender: string;
  readonly currency: CurrencyCode;
  readonly limitMinor: number;
  readonly drawnMinor: number;
  readonly expiresOn: LocalDate | null;
  readonly renewalOn: LocalDate | null;
  readonly interestRate: number | null;
}

export const RECURRING_CATEGORIES = [
  'payroll',
  'rent',
  'tax',
  'loan',
  'utilities',
  'social_insurance',
  'other',
] as const;
export type RecurringCategory = (typeof RECURRING_CATEGORIES)[number];

/**
 * Payroll, rent, tax, loan service (固定收支). `rule` is a schedule in a small text form:
 * 'monthly:15' (day 15), 'monthly:last-working-day', 'quarterly:15' (Jan/Apr/Jul/Oct 15th),
 * 'weekly:5' (ISO weekday), 'yearly:06-30'. See core/time schedules.
 */
export interface RecurringItem {
  readonly id: string;
  readonly name: string;
  readonly category: RecurringCategory;
  readonly direction: 'inflow' | 'outflow';
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly rule: string;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate | null;
}

/** 1 `base` = `rate` `quote` on `on`. */
export interface FxRateRecord {
  readonly on: LocalDate;
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
  readonly rate: number;
}

import type { CurrencyCode } from '../money/index.js';
import type { LocalDate } from '../time/index.js';

/**
 * A customer's financial statement for one period. Items are integer minor units of
 * `currency`; any item may be missing (null), and the models say how they handle it.
 */
export interface FinancialStatement {
  readonly customerId: string;
  readonly periodEnd: LocalDate;
  readonly currency: CurrencyCode;
  readonly revenue: number | null;
  readonly ebit: number | null;
  readonly netIncome: number | null;
  readonly totalAssets: number | null;
  readonly currentAssets: number | null;
  readonly currentLiabilities: number | null;
  readonly totalLiabilities: number | null;
  readonly retainedEarnings: number | null;
  readonly bookEquity: number | null;
  readonly inventory: number | null;
  readonly receivables: number | null;
  readonly cash: number | null;
  readonly marketValueEquity: number | null;
  readonly source: string | null;
}

/** Legal and reputation events (DOMAIN.md 8.3). */
export const LEGAL_EVENT_TYPES = [
  'dishonest_debtor', // 失信被执行人
  'enforcement', // 被执行人
  'consumption_restriction', // 限制高消费
  'lawsuit_defendant', // 被诉 (裁判文书)
  'administrative_penalty', // 行政处罚
  'abnormal_operations', // 经营异常
  'equity_freeze', // 股权冻结 / 出质
  'acceptor_overdue', // 票交所 承兑人逾期
  'acceptor_persistent_overdue', // 票交所 持续逾期
  'insolvency', // 破产
] as const;
export type LegalEventType = (typeof LEGAL_EVENT_TYPES)[number];

export interface LegalEvent {
  readonly id: string;
  readonly customerId: string;
  readonly type: LegalEventType;
  readonly occurredOn: LocalDate;
  readonly amountMinor: number | null;
  readonly currency: CurrencyCode | null;
  readonly source: string | null;
  readonly description: string | null;
  readonly resolvedOn: LocalDate | null;
}

export const RATING_AGENCIES = ['creditsafe', 'dnb_failure', 'dnb_paydex', 'allianz', 'other'] as const;
export type RatingAgency = (typeof RATING_AGENCIES)[number];

/** An external rating as the agency gives it; the scorecard normalises it. */
export interface ExternalRating {
  readonly customerId: string;
  readonly agency: RatingAgency;
  readonly value: string;
  readonly ratedOn: LocalDate;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

/** A stored score: kept as history for calibration and back-testing. */
export interface CreditScore {
  readonly customerId: string;
  readonly asOf: LocalDate;
  readonly score: number;
  readonly grade: Grade;
  readonly pd: number;
  readonly isIndicative: boolean;
  /** Pillar sub-scores, inputs and reason codes, as the scorecard produced them. */
  readonly detail: unknown;
}

export type LimitConstraint = 'need' | 'capacity' | 'insurer' | 'manual' | 'override_zero';

/** One row of a customer's credit limit history; the newest effective row is current. */
export interface CreditLimit {
  readonly customerId: string;
  readonly currency: CurrencyCode;
  readonly limitMinor: number;
  readonly needMinor: number | null;
  readonly capacityMinor: number | null;
  readonly insurerCapMinor: number | null;
  readonly binding: LimitConstraint;
  readonly effectiveFrom: LocalDate;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly reason: string | null;
}

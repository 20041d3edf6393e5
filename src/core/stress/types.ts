import type { ForecastInput } from '../forecast/index.js';
import type { LocalDate } from '../time/index.js';

/**
 * One customer as the stress tests rank and default it: its exposure and insured share read from
 * its risk state (src/core/credit/risk-state), never worked out again here.
 */
export interface StressCustomer {
  readonly customerId: string;
  readonly name: string;
  /** Open receivables in the base currency (the risk state's `exposure.openArMinor`). */
  readonly exposureMinor: number;
  /** Share of its open receivables the insurer would indemnify (0 without cover in force). */
  readonly insuredShare: number;
  /** Already in insolvency or written off (its receipts are in recovery): no shock defaults it again. */
  readonly isDefaulted?: boolean;
}

/** One supplier as the prepayment shock ranks it: open payables in the base currency. */
export interface StressSupplier {
  readonly name: string;
  readonly openMinor: number;
}

/** The settings a default shock reads: the organisation's risk-state recovery and its policy's claim timing. */
export interface StressSettings {
  /** Share of the uninsured open receivables expected back after an insolvency (risk-state setting). */
  readonly recoveryShare: number;
  /** Days from the insolvency to that recovery (risk-state setting). */
  readonly recoveryLagDays: number;
  /** Days from the default to the insurer's indemnity: claim waiting period + indemnity payment days. */
  readonly indemnityLagDays: number;
}

/** What the stress tests run on: the forecast input the product shows, for one horizon. */
export interface StressInput {
  readonly forecast: ForecastInput;
  readonly customers: readonly StressCustomer[];
  readonly settings: StressSettings;
}

/**
 * A shock, composable: several shocks run together apply one after the other to the same
 * forecast input (DOMAIN 3.1).
 */
export type Shock =
  /** The `count` largest customers by exposure default today; their future sales stop. */
  | { readonly kind: 'top_default'; readonly count: number }
  /**
   * Named customers default today, or on `on` (a later date: their receipts from that date on
   * are lost, those before it still arrive; no recovery or indemnity is counted for a later date).
   */
  | { readonly kind: 'default'; readonly customerIds: readonly string[]; readonly on?: LocalDate }
  /** Every receipt (or those of the customers named) `days` later; future sales' delays too. */
  | { readonly kind: 'delay'; readonly days: number; readonly customerIds?: readonly string[] }
  /**
   * New sales fall by `share` (0–1); expected purchases fall by `share` × `variableShare`; from
   * the month `fromMonth` ('YYYY-MM') on when given, else from today.
   */
  | { readonly kind: 'sales_drop'; readonly share: number; readonly variableShare: number; readonly fromMonth?: string }
  /** One foreign currency moves by `change` against the base (−0.1 = 10 % weaker). */
  | { readonly kind: 'fx'; readonly currency: string; readonly change: number }
  /** Every credit line is withdrawn at its next renewal (or `noticeDays` after the as-of date when it has none). */
  | { readonly kind: 'credit_line_withdrawn'; readonly noticeDays: number }
  /** The `count` largest suppliers by open payables demand payment now (terms to 0). */
  | { readonly kind: 'supplier_prepayment'; readonly count: number }
  /** Bills are paid `days` later than the organisation's habit (a mitigant). */
  | { readonly kind: 'payables_stretch'; readonly days: number };

export type ShockKind = Shock['kind'];

export interface PeriodRef {
  readonly index: number;
  readonly startOn: LocalDate;
  readonly endOn: LocalDate;
}

/** What a shock does to one horizon's cash (DOMAIN 3.6 rule 1). */
export interface ShockOutcome {
  /** Lowest closing cash over the horizon, and the period it falls in. */
  readonly minCashMinor: number;
  readonly minPeriod: PeriodRef;
  /** First period closing below zero, and below the buffer (the base forecast's buffer). */
  readonly firstNegative: PeriodRef | null;
  readonly firstBreach: PeriodRef | null;
  /** Closing cash at the horizon's end: base minus shocked (positive = the shock costs cash). */
  readonly lossMinor: number;
  /** Receivables lost for good by the defaults in the shock: exposure − indemnity − expected recovery. */
  readonly creditLossMinor: number;
  /** Closing cash of each period. */
  readonly closingsMinor: readonly number[];
}

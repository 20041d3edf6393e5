import type { CustomerRiskState, ReviewDue } from '../credit/index.js';
import type { AcceptanceBill } from '../model/index.js';
import type { LatenessLikelihood, ThresholdFinding } from '../receivables/index.js';
import type { LocalDate } from '../time/index.js';

/** Alert levels (预警等级), least serious first. */
export const ALERT_LEVELS = ['info', 'watch', 'warning', 'critical'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** The rule catalogue: one code per rule; each keys its reason and action words in the catalogues. */
export const ALERT_RULES = [
  'overdue_delay',
  'overdue_stage',
  'overdue_default_signal',
  'insolvency',
  'hard_override',
  'legal_event',
  'grade_drop',
  'over_limit',
  'review_due',
  'buffer_breach',
  'cash_negative',
  'runway_short',
  'metric_threshold',
  'bill_maturing',
  'bill_acceptor_listed',
  'broken_promise',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export type AlertValue = string | number | boolean | null;
export type AlertData = Readonly<Record<string, AlertValue>>;

/** A record the alert points at: the page or API resource where the evidence is. */
export interface EvidenceLink {
  readonly kind: 'customer' | 'invoice' | 'legal_event' | 'forecast' | 'metrics' | 'acceptance_bill' | 'review';
  readonly id: string;
  readonly label: string;
}

/** A code worded by the catalogues (zh-CN and en) with the data it interpolates. */
export interface Worded {
  readonly code: string;
  readonly data: AlertData;
}

export interface Alert {
  readonly rule: AlertRule;
  readonly level: AlertLevel;
  /** The customer it concerns, or null for the company's own figures. */
  readonly customerId: string | null;
  /** De-duplication key: the same condition on a later run has the same key, so it is the same alert. */
  readonly key: string;
  /** One sentence saying why (ALERT_REASON_…), and the next action proposed (ALERT_ACTION_…). */
  readonly reason: Worded;
  readonly action: Worded;
  readonly evidence: { readonly data: AlertData; readonly links: readonly EvidenceLink[] };
}

/** An open line past due, in the base currency. */
export interface OverdueLine {
  readonly invoiceId: string;
  readonly number: string;
  readonly dueOn: LocalDate;
  readonly daysLate: number;
  readonly openMinor: number;
  readonly isDisputed: boolean;
}

/** What the rules read about one customer: each figure from where it already lives. */
export interface CustomerFacts {
  readonly customerId: string;
  readonly code: string;
  readonly name: string;
  /** The one risk state (src/core/credit/risk-state). */
  readonly state: CustomerRiskState;
  /** The review calendar's verdict (src/core/credit/reviews), or null when not computed. */
  readonly review: ReviewDue | null;
  /** Open lines past due (the one overdue rule: `isOverdue`). */
  readonly overdue: readonly OverdueLine[];
  /** Promises to pay broken (the collections records read against the receipts), if any. */
  readonly brokenPromises?: readonly BrokenPromise[];
}

/** A promise to pay not kept by its date plus the grace days (src/app/collections/commitments). */
export interface BrokenPromise {
  readonly promiseId: string;
  /** The invoice promised for, or null for a promise on the account. */
  readonly invoiceNumber: string | null;
  readonly amountMinor: number;
  readonly paidMinor: number;
  readonly currency: string;
  readonly promisedOn: LocalDate;
  readonly brokenOn: LocalDate;
}

/** One scenario of the forecast, as the forecast itself reports it. */
export interface ScenarioFacts {
  readonly scenario: string;
  readonly firstBreach: {
    readonly startOn: LocalDate;
    readonly endOn: LocalDate;
    readonly closingMinor: number;
  } | null;
  readonly firstNegative: {
    readonly startOn: LocalDate;
    readonly endOn: LocalDate;
    readonly closingMinor: number;
  } | null;
  readonly runwayWeeks: number | null;
  readonly runwayHorizonWeeks: number;
}

export interface ForecastFacts {
  readonly asOf: LocalDate;
  readonly bufferMinor: number;
  readonly isBelowBufferAtStart: boolean;
  readonly scenarios: readonly ScenarioFacts[];
}

/** Everything one evaluation reads, as of one date. */
export interface AlertInput {
  readonly asOf: LocalDate;
  /** The base currency every amount is in. */
  readonly currency: string;
  readonly customers: readonly CustomerFacts[];
  /** P(this lateness | the customer's own delays): `latenessLikelihood` of the behaviour model. */
  readonly lateness: (customerId: string, daysLate: number) => LatenessLikelihood;
  readonly forecast: ForecastFacts | null;
  /** Working-capital and concentration findings (`evaluateThresholds`). */
  readonly findings: readonly ThresholdFinding[];
  /** Acceptance bills we hold, with the acceptor's live legal events when it is a customer. */
  readonly bills: readonly AcceptanceBill[];
}

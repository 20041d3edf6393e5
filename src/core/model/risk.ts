import type { CurrencyCode } from '../money/index.js';
import type { LocalDate } from '../time/index.js';

/**
 * Trade credit insurance policy parameters (DOMAIN.md 1.5). Defaults live in
 * `DEFAULT_POLICY_TERMS`; every value is stored per policy.
 */
export interface PolicyTerms {
  readonly insuredPctCommercial: number;
  readonly insuredPctPolitical: number;
  readonly insuredPctRejection: number;
  readonly claimThresholdMinor: number;
  readonly aggregateFirstLossMinor: number;
  readonly perBuyerExcessMinor: number;
  readonly maxCreditTermsDays: number;
  readonly maxExtensionDays: number;
  readonly overdueNotifyDays: number;
  readonly adverseInfoNotifyDays: number;
  readonly collectionTransferDays: number;
  readonly claimWaitingDays: number;
  readonly indemnityPaymentDays: number;
  /** Days after the original due date by which a claim must be filed (the claim window). */
  readonly claimFilingDays: number;
  readonly maxLiabilityMinor: number | null;
  readonly maxLiabilityPremiumMultiple: number | null;
  readonly premiumRate: number;
  readonly minPremiumMinor: number | null;
  readonly discretionaryLimitMaxMinor: number | null;
  readonly includeVat: boolean;
  readonly renewalNoticeDays: number;
  readonly shipmentDeclarationDays: number;
}

export const DEFAULT_POLICY_TERMS: PolicyTerms = {
  insuredPctCommercial: 0.9,
  insuredPctPolitical: 0.9,
  insuredPctRejection: 0.8,
  claimThresholdMinor: 0,
  aggregateFirstLossMinor: 0,
  perBuyerExcessMinor: 0,
  maxCreditTermsDays: 180,
  maxExtensionDays: 60,
  overdueNotifyDays: 15,
  adverseInfoNotifyDays: 10,
  collectionTransferDays: 30,
  claimWaitingDays: 150,
  indemnityPaymentDays: 30,
  claimFilingDays: 180,
  maxLiabilityMinor: null,
  maxLiabilityPremiumMultiple: null,
  premiumRate: 0.0025,
  minPremiumMinor: null,
  discretionaryLimitMaxMinor: null,
  includeVat: false,
  renewalNoticeDays: 60,
  shipmentDeclarationDays: 15,
};

export interface InsurancePolicy {
  readonly id: string;
  readonly insurer: string;
  readonly policyNumber: string;
  readonly currency: CurrencyCode;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly terms: PolicyTerms;
  /** Bank the indemnity is assigned to, if any (DOMAIN.md 1.5 rule 8). */
  readonly lossPayee: string | null;
  readonly lossPayeeType: 'loss_payee' | 'joint_insured' | 'pledgee' | null;
  readonly financedShare: number | null;
}

export type BuyerCoverKind = 'insurer_limit' | 'discretionary' | 'below_threshold' | 'excluded';

/** The insurer-approved (or discretionary) limit for one buyer under a policy. */
export interface InsuredBuyerLimit {
  readonly policyId: string;
  readonly customerId: string;
  readonly kind: BuyerCoverKind;
  readonly currency: CurrencyCode;
  readonly limitMinor: number;
  readonly effectiveFrom: LocalDate;
  /** Deliveries after this date are uninsured; earlier ones stay insured (run-off). */
  readonly cancelledOn: LocalDate | null;
}

export const ALERT_LEVELS = ['info', 'watch', 'warning', 'critical'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** An early warning: `code` keys the message in the i18n catalogues, `detail` says why. */
export interface Alert {
  readonly id: string;
  readonly code: string;
  readonly level: AlertLevel;
  readonly subjectType: 'organisation' | 'customer' | 'invoice' | 'policy' | 'forecast';
  readonly subjectId: string | null;
  readonly raisedAt: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly acknowledgedAt: string | null;
}

/** A step taken (or planned) on the collection ladder (DOMAIN.md 5.1). */
export interface DunningAction {
  readonly id: string;
  readonly customerId: string;
  readonly invoiceId: string | null;
  readonly stage: number;
  readonly action: string;
  readonly plannedOn: LocalDate;
  readonly doneAt: string | null;
  readonly channel: 'email' | 'sms' | 'phone' | 'letter' | 'visit' | 'agency' | 'insurer' | 'legal' | null;
  readonly promisedOn: LocalDate | null;
  readonly notes: string | null;
}

/** A named set of forecast parameters (base, optimistic, pessimistic, or the user's own). */
export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** One change to a sensitive record: who, when, what before and after. */
export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

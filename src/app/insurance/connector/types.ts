import type { BuyerCoverKind } from '../../../core/model/index.js';
import type { Result } from '../../../core/shared/index.js';
import type { LocalDate } from '../../../core/time/index.js';

/** One cover (credit limit) decision of the insurer on one buyer, as the connector reads it. */
export interface CoverDecision {
  /** The insurer's identifier of the decision. */
  readonly coverId: string;
  /** The insurer's identifier of the buyer (Allianz Trade: companyId). */
  readonly buyerId: string;
  readonly buyerName: string;
  /** The buyer's national registration number (统一社会信用代码) when the insurer gives it. */
  readonly nationalId: string | null;
  readonly kind: BuyerCoverKind;
  readonly currency: string;
  /** The amount granted in minor units (0 for a refusal or a withdrawal). */
  readonly limitMinor: number;
  readonly effectiveFrom: LocalDate;
  /** Deliveries from this date on are not insured (withdrawal, expiry); null while in force. */
  readonly cancelledOn: LocalDate | null;
}

/** The insurer's grade of one buyer (Allianz Trade: 1 best to 10 worst). */
export interface BuyerGrade {
  readonly buyerId: string;
  readonly buyerName: string;
  readonly grade: number;
  readonly gradedOn: LocalDate;
}

/** The state of one claim filed with the insurer. */
export interface ClaimStatus {
  readonly claimId: string;
  readonly buyerId: string;
  readonly buyerName: string;
  readonly status: string;
  readonly currency: string;
  readonly claimedMinor: number;
  readonly approvedMinor: number | null;
  readonly lossOn: LocalDate | null;
}

/**
 * An insurer's public API as CashGuard reads it: the cover decisions, the buyer grades and the
 * claims of the organisation's policy. Every failure is a Result naming what went wrong (never a
 * secret); an implementation retries what is worth retrying itself.
 */
export interface InsurerConnector {
  readonly insurer: string;
  coverDecisions(): Promise<Result<CoverDecision[]>>;
  buyerGrades(): Promise<Result<BuyerGrade[]>>;
  claims(): Promise<Result<ClaimStatus[]>>;
}

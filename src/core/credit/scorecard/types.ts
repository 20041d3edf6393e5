import type { Grade } from '../../model/index.js';
import type { LocalDate } from '../../time/index.js';

/** The five pillars of the DOMAIN 8.4 scorecard. */
export const PILLARS = ['payment', 'external', 'financials', 'legal', 'industry'] as const;
export type PillarName = (typeof PILLARS)[number];

/** Data carried by a reason: interpolated into the translated text, JSON-able. */
export type ReasonData = Readonly<Record<string, string | number | boolean | null>>;

/**
 * Why a score is what it is: a stable SCREAMING_SNAKE code (keys the i18n catalogue) and its data.
 * `impact` is the reason's effect in points on its pillar's 0–100 scale (negative = riskier);
 * it ranks the negative drivers.
 */
export interface Reason {
  readonly code: string;
  readonly data: ReasonData;
  readonly pillar?: PillarName;
  readonly impact?: number;
}

/** One pillar's sub-score (0–100, higher = safer), the inputs it read and its reasons. */
export interface PillarResult {
  readonly pillar: PillarName;
  readonly score: number;
  readonly inputs: ReasonData;
  readonly reasons: readonly Reason[];
}

/** A pillar that could not be scored says why (`PILLAR_MISSING_<NAME>` plus what was missing). */
export interface MissingPillar {
  readonly pillar: PillarName;
  readonly reason: Reason;
}

export type PillarOutcome =
  | { readonly ok: true; readonly result: PillarResult }
  | { readonly ok: false; readonly missing: MissingPillar };

/** The scorecard's answer for one customer. JSON-able. */
export interface ScorecardResult {
  readonly customerId: string;
  readonly asOf: LocalDate;
  /** 'insufficient_data' when fewer than `minPillars` pillars could be scored and no override applies. */
  readonly status: 'scored' | 'insufficient_data';
  readonly score: number | null;
  readonly pd: number | null;
  readonly grade: Grade | null;
  /** True while the PD calibration is the DOMAIN default rather than fitted on the organisation's history. */
  readonly isIndicative: boolean;
  readonly pillars: readonly PillarResult[];
  readonly missing: readonly MissingPillar[];
  /** The weights actually used, re-normalised over the pillars present (sum 1). */
  readonly weights: Readonly<Partial<Record<PillarName, number>>>;
  /** Hard overrides (DOMAIN 8.5 rule 2): any forces grade E, PD ≥ floor, limit 0 and a hold. */
  readonly overrides: readonly Reason[];
  /** Overrides first, then the three largest weighted negative reasons. */
  readonly drivers: readonly Reason[];
  /** Every reason: overrides, missing pillars, re-weighting, calibration, each pillar's. */
  readonly reasons: readonly Reason[];
  /** An override applies: limit 0 and a credit hold. */
  readonly isHold: boolean;
}

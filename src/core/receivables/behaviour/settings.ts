/**
 * Settings of the payment-behaviour model (docs/domain/payment-behaviour.md). Every value is a
 * setting with a documented default (DOMAIN.md: design defaults are never buried constants).
 */

/** The invoice features whose effect on the delay is learned from past invoices. */
export const BEHAVIOUR_FEATURES = ['disputed', 'paper', 'logAmount', 'yearEnd'] as const;
export type BehaviourFeature = (typeof BEHAVIOUR_FEATURES)[number];

export interface BehaviourSettings {
  /** Only invoices settled within this many days before `asOf` are history. */
  readonly lookbackDays: number;
  /** Recency weight of a settled invoice halves every this many days (robust location). */
  readonly recencyHalfLifeDays: number;
  /** Share of weight trimmed from each tail of a customer's adjusted delays. */
  readonly trimFraction: number;
  /** DOMAIN 2.2 shrinkage constant k for the reported wDBT: (n·wDBT + k·portfolio)/(n + k). */
  readonly shrinkageK: number;
  /**
   * Shrinkage of the predicted location: 'empirical' estimates k = σ²within / τ²between from the
   * history (empirical Bayes); a number fixes it. Measured in the back-test: 'empirical' 4.9 days
   * MAE against 5.6 with k = 5 on the IBM sample.
   */
  readonly predictionShrinkage: 'empirical' | number;
  /** Bounds of the empirical k, so a tiny portfolio cannot make it 0 or unbounded. */
  readonly minShrinkageK: number;
  readonly maxShrinkageK: number;
  /** Pseudo-count pulling a customer's residual spread toward the portfolio's. */
  readonly spreadShrinkageK: number;
  /** Ridge penalty on the feature effects (days² scale); keeps sparse features near zero. */
  readonly effectsRidge: number;
  /** Features whose effects are learned; the others contribute 0 days. */
  readonly features: readonly BehaviourFeature[];
  /**
   * The portfolio prior uses invoices due at least this many days before asOf, when nearly all of
   * them have settled, so it is not biased toward quick payers early in a history.
   */
  readonly maturityDays: number;
  /** Pseudo-count of invoices at delay 0 (the due date) in the portfolio prior: with no mature history the prior is the due date. */
  readonly priorInvoicesAtDueDate: number;
  /** Residual spread (days) assumed when there is no history at all. */
  readonly defaultSpreadDays: number;
  /** wDBT window (DOMAIN 8.4: last 12 months). */
  readonly dbtWindowDays: number;
  /** Trend: the recent window (3 months) against the window before it (12 months). */
  readonly trendRecentDays: number;
  readonly trendPriorDays: number;
  /** 'Still unpaid this many days after due' probability. */
  readonly longOverdueDays: number;
  /** Lower and upper predictive quantiles reported beside the median. */
  readonly lowerQuantile: number;
  readonly upperQuantile: number;
}

export const DEFAULT_BEHAVIOUR_SETTINGS: BehaviourSettings = {
  lookbackDays: 730,
  recencyHalfLifeDays: 365,
  trimFraction: 0.1,
  shrinkageK: 5,
  predictionShrinkage: 'empirical',
  minShrinkageK: 0.25,
  maxShrinkageK: 25,
  spreadShrinkageK: 5,
  effectsRidge: 1,
  features: BEHAVIOUR_FEATURES,
  maturityDays: 60,
  priorInvoicesAtDueDate: 10,
  defaultSpreadDays: 10,
  dbtWindowDays: 365,
  trendRecentDays: 91,
  trendPriorDays: 365,
  longOverdueDays: 90,
  lowerQuantile: 0.1,
  upperQuantile: 0.9,
};

/** Defaults overlaid with the caller's choices. */
export function resolveBehaviourSettings(overrides: Partial<BehaviourSettings> = {}): BehaviourSettings {
  return { ...DEFAULT_BEHAVIOUR_SETTINGS, ...overrides };
}

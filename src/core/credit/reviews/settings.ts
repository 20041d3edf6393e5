import type { Grade } from '../../model/index.js';

export interface ReviewSettings {
  /** DOMAIN 4.2 cadence: A/B 12, C 6, D 3, E 1 months from the last review. */
  readonly cadenceMonths: Readonly<Record<Grade, number>>;
  /** Cadence when the customer has no grade yet (insufficient data). */
  readonly ungradedCadenceMonths: number;
  /** Event trigger: a drop of this many grades or more since the last review. */
  readonly gradeDropSteps: number;
  /** Event trigger: a payment (open or settled since the last review) more than this many days late. */
  readonly lateDays: number;
  /** Event trigger: an external rating this many points (0–100 scale) below the agency's previous one. */
  readonly ratingDropPoints: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  cadenceMonths: { A: 12, B: 12, C: 6, D: 3, E: 1 },
  ungradedCadenceMonths: 6,
  gradeDropSteps: 2,
  lateDays: 30,
  ratingDropPoints: 15,
};

export interface OnboardingSettings {
  /** Statements older than this (period end) do not count. */
  readonly statementMaxAgeDays: number;
  /** Credit reports / ratings older than this do not count. */
  readonly reportMaxAgeDays: number;
  /** Trade references wanted (DOMAIN 4.2: two or three). */
  readonly tradeReferences: number;
  /** Most a new customer may owe while the checklist is incomplete but nothing blocking is missing (design: ¥100,000). */
  readonly newCustomerMaxMinor: number;
  /** Allianz self-check below the insurer threshold: purchases paid on time within `selfCheckMonths`. */
  readonly selfCheckPurchases: number;
  readonly selfCheckMonths: number;
}

export const DEFAULT_ONBOARDING_SETTINGS: OnboardingSettings = {
  statementMaxAgeDays: 548,
  reportMaxAgeDays: 365,
  tradeReferences: 2,
  newCustomerMaxMinor: 10_000_000,
  selfCheckPurchases: 2,
  selfCheckMonths: 12,
};

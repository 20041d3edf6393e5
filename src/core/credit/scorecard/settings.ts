import type { LegalEventType } from '../../model/index.js';
import { type AltmanCutoffs, type AltmanVariant, DEFAULT_ALTMAN_CUTOFFS } from '../altman.js';
import type { PillarName } from './types.js';

/**
 * Every weight, anchor and cut-off of the scorecard (docs/domain/credit-scoring.md). Defaults are
 * DOMAIN 8.4 values or stated design choices; an organisation overrides any of them.
 */
export interface ScorecardSettings {
  /** DOMAIN 8.4: 35/15/25/15/10. Re-normalised over the pillars present. */
  readonly weights: Readonly<Record<PillarName, number>>;
  /** With fewer pillars present than this, the result is 'insufficient data'. */
  readonly minPillars: number;
  /** PAYDEX anchors [days beyond terms, score], DBT ascending (DOMAIN 8.1 / 8.4). */
  readonly paydexAnchors: readonly (readonly [number, number])[];
  /** Score past the last anchor (> 120 days beyond terms). */
  readonly paydexBeyondLast: number;
  /** Early payment: min(earlyCap, 80 + earlySlope·daysEarly); PAYDEX 100 = 30 days early. */
  readonly earlySlope: number;
  readonly earlyCap: number;
  /** Trend modifier: ± points when recent wDBT moved by at least `trendDays` against the prior window. */
  readonly trendDays: number;
  readonly trendPoints: number;
  /** Invoices needed in each trend window before the trend counts. */
  readonly trendMinCount: number;
  /** External ratings older than this are ignored. */
  readonly externalMaxAgeDays: number;
  /** D&B failure class → 0–100 when only the class is known (design: mid-band of the UK/EU scale). */
  readonly dnbClassScores: Readonly<Record<number, number>>;
  /** Override: a Creditsafe score or D&B failure percentile below this (DOMAIN 8.5 rule 2). */
  readonly externalOverrideBelow: number;
  /** Override: D&B failure classes at or above this. */
  readonly dnbOverrideClass: number;
  /** Statements whose period ended longer ago than this are not used. */
  readonly statementMaxAgeDays: number;
  /** Industries scored with Z′ (manufacturers); all others use Z″ (DOMAIN 8.2). */
  readonly manufacturingIndustries: readonly string[];
  readonly altmanCutoffs: Readonly<Record<AltmanVariant, AltmanCutoffs>>;
  /** Altman distress cut-off maps to this score, the safe cut-off to `altmanSafeScore`, linear between and beyond. */
  readonly altmanDistressScore: number;
  readonly altmanSafeScore: number;
  /** Share of the distress model's score in the financial pillar when both are available. */
  readonly distressModelShare: number;
  readonly currentRatioLow: number;
  readonly currentRatioHigh: number;
  /** Total liabilities / total assets. */
  readonly leverageHigh: number;
  readonly leverageLow: number;
  readonly modifierPenalty: number;
  readonly modifierBonus: number;
  /** The sum of the financial modifiers is kept within ± this. */
  readonly modifierCap: number;
  /** Legal events older than this (by occurrence) no longer count. */
  readonly legalLookbackDays: number;
  /** Points deducted per unresolved event of each type (DOMAIN 8.4: enforcement 40, lawsuit 30, abnormal 15). */
  readonly legalDeductions: Readonly<Partial<Record<LegalEventType, number>>>;
  /** A defendant lawsuit counts when its amount is at least this (minor units); unknown amounts count. */
  readonly lawsuitMaterialityMinor: number;
  /** When true, a customer without events is scored clean (100) even without a recorded check. */
  readonly legalDataCoversAllCustomers: boolean;
  /** Industry / country pillar: base score, and additive adjustments by industry and by country. */
  readonly industryBase: number;
  readonly industryAdjustments: Readonly<Record<string, number>>;
  readonly countryAdjustments: Readonly<Record<string, number>>;
  /** Override: events that force grade E, and how far back each counts (days). */
  readonly overrideEvents: Readonly<Partial<Record<LegalEventType, number>>>;
  /** PD floor under an override (DOMAIN 8.4: 20%). */
  readonly overridePdFloor: number;
  /** Grade bounds: upper PD of A, B, C, D; above D is E. */
  readonly gradePdBounds: readonly (readonly ['A' | 'B' | 'C' | 'D', number])[];
  /** How many negative drivers to show. */
  readonly driverCount: number;
}

export const DEFAULT_SCORECARD_SETTINGS: ScorecardSettings = {
  weights: { payment: 0.35, external: 0.15, financials: 0.25, legal: 0.15, industry: 0.1 },
  minPillars: 2,
  paydexAnchors: [
    [0, 80],
    [15, 70],
    [22, 60],
    [30, 50],
    [60, 40],
    [90, 30],
    [120, 20],
  ],
  paydexBeyondLast: 10,
  earlySlope: 0.667,
  earlyCap: 100,
  trendDays: 5,
  trendPoints: 5,
  trendMinCount: 2,
  externalMaxAgeDays: 730,
  dnbClassScores: { 1: 93, 2: 68, 3: 30, 4: 5, 5: 2 },
  externalOverrideBelow: 30,
  dnbOverrideClass: 4,
  statementMaxAgeDays: 548,
  manufacturingIndustries: ['manufacturing', 'electronics', 'automotive', 'textiles', 'machinery', 'chemicals'],
  altmanCutoffs: DEFAULT_ALTMAN_CUTOFFS,
  altmanDistressScore: 20,
  altmanSafeScore: 80,
  distressModelShare: 0.5,
  currentRatioLow: 1,
  currentRatioHigh: 2,
  leverageHigh: 0.85,
  leverageLow: 0.5,
  modifierPenalty: 10,
  modifierBonus: 5,
  modifierCap: 10,
  legalLookbackDays: 1095,
  legalDeductions: {
    enforcement: 40,
    dishonest_debtor: 40,
    lawsuit_defendant: 30,
    abnormal_operations: 15,
    consumption_restriction: 20,
    equity_freeze: 20,
    administrative_penalty: 10,
    acceptor_overdue: 30,
    acceptor_persistent_overdue: 40,
    insolvency: 100,
  },
  lawsuitMaterialityMinor: 10_000_000,
  legalDataCoversAllCustomers: false,
  industryBase: 60,
  industryAdjustments: { construction: -10 },
  countryAdjustments: {},
  overrideEvents: { dishonest_debtor: 1095, insolvency: 3650, acceptor_persistent_overdue: 730 },
  overridePdFloor: 0.2,
  gradePdBounds: [
    ['A', 0.005],
    ['B', 0.015],
    ['C', 0.03],
    ['D', 0.08],
  ],
  driverCount: 3,
};

/** Defaults overlaid with an organisation's choices (one level deep for the tables). */
export function resolveScorecardSettings(overrides: Partial<ScorecardSettings> = {}): ScorecardSettings {
  const d = DEFAULT_SCORECARD_SETTINGS;
  return {
    ...d,
    ...overrides,
    weights: { ...d.weights, ...overrides.weights },
    legalDeductions: { ...d.legalDeductions, ...overrides.legalDeductions },
    industryAdjustments: { ...d.industryAdjustments, ...overrides.industryAdjustments },
    countryAdjustments: { ...d.countryAdjustments, ...overrides.countryAdjustments },
    overrideEvents: { ...d.overrideEvents, ...overrides.overrideEvents },
  };
}

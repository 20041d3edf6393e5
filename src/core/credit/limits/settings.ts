import type { Grade } from '../../model/index.js';

/** Capacity percentages of one grade (DOMAIN 4.1 grade table). */
export interface GradeCapacity {
  /** Share of tangible net worth. */
  readonly tnw: number;
  /** Share of working capital (max(WC, 0)). */
  readonly wc: number;
  /** Share of the buyer's annual turnover. */
  readonly sales: number;
}

export interface LimitSettings {
  /**
   * DOMAIN 4.1: %TNW and %turnover by grade. %WC is a design default equal to %TNW (DOMAIN's
   * "10% of working capital" alternative sits at grade C).
   */
  readonly capacity: Readonly<Record<Grade, GradeCapacity>>;
  /** internal = min(need × headroom, capacity). */
  readonly needHeadroom: number;
  /** Days from order to invoice added to terms and DBT in the need (design default 7). */
  readonly orderToInvoiceDays: number;
  /** Uninsured amount the organisation accepts above the insurer's cap (minor units, design default 0). */
  readonly uninsuredRiskAppetiteMinor: number;
  /** Creditsafe cut-off: an external score below this means limit 0 unless secured (DOMAIN 4.3 rule 5). */
  readonly externalCutoff: number;
  /** Round recommended limits down to this step (minor units; 0 = no rounding). Design: ¥1,000. */
  readonly roundingStepMinor: number;
}

export const DEFAULT_LIMIT_SETTINGS: LimitSettings = {
  capacity: {
    A: { tnw: 0.2, wc: 0.2, sales: 0.1 },
    B: { tnw: 0.15, wc: 0.15, sales: 0.07 },
    C: { tnw: 0.1, wc: 0.1, sales: 0.05 },
    D: { tnw: 0.05, wc: 0.05, sales: 0.02 },
    E: { tnw: 0, wc: 0, sales: 0 },
  },
  needHeadroom: 1.1,
  orderToInvoiceDays: 7,
  uninsuredRiskAppetiteMinor: 0,
  externalCutoff: 30,
  roundingStepMinor: 100_000,
};

export function resolveLimitSettings(overrides: Partial<LimitSettings> = {}): LimitSettings {
  return {
    ...DEFAULT_LIMIT_SETTINGS,
    ...overrides,
    capacity: { ...DEFAULT_LIMIT_SETTINGS.capacity, ...overrides.capacity },
  };
}

/**
 * Alert thresholds of DOMAIN.md §6, every one a setting with the DOMAIN default. Shares are
 * percentages (0–100), HHI is on the 0–10,000 scale, days are days.
 */
export interface MetricThresholds {
  readonly currentRatio: { readonly amber: number; readonly red: number };
  readonly quickRatio: { readonly amber: number };
  readonly add: { readonly amber: number; readonly red: number };
  readonly cei: { readonly amber: number; readonly basis: 'monthly' | 'trailing12' };
  /** DSO (the method in use) rising more than `amberPct` % over `months` months. */
  readonly dsoTrend: { readonly amberPct: number; readonly months: number };
  readonly concentration: {
    readonly hhiAmber: number;
    readonly hhiRed: number;
    readonly top1Amber: number;
    readonly top1Red: number;
    readonly top5Amber: number;
  };
}

export const DEFAULT_METRIC_THRESHOLDS: MetricThresholds = {
  currentRatio: { amber: 1.5, red: 1.0 },
  quickRatio: { amber: 1.0 },
  add: { amber: 10, red: 30 },
  cei: { amber: 80, basis: 'trailing12' },
  dsoTrend: { amberPct: 10, months: 3 },
  concentration: { hhiAmber: 1500, hhiRed: 2500, top1Amber: 20, top1Red: 35, top5Amber: 50 },
};

/** Overrides for some thresholds; what is left out keeps its default. */
export type MetricThresholdOverrides = { readonly [K in keyof MetricThresholds]?: Partial<MetricThresholds[K]> };

/**
 * The defaults with the given overrides applied, group by group.
 *
 * @example
 * resolveThresholds({ add: { amber: 15 } }).add // { amber: 15, red: 30 }
 */
export function resolveThresholds(overrides: MetricThresholdOverrides = {}): MetricThresholds {
  const d = DEFAULT_METRIC_THRESHOLDS;
  return {
    currentRatio: { ...d.currentRatio, ...overrides.currentRatio },
    quickRatio: { ...d.quickRatio, ...overrides.quickRatio },
    add: { ...d.add, ...overrides.add },
    cei: { ...d.cei, ...overrides.cei },
    dsoTrend: { ...d.dsoTrend, ...overrides.dsoTrend },
    concentration: { ...d.concentration, ...overrides.concentration },
  };
}

import type { LocalDate } from '../time/index.js';
import { type MetricThresholdOverrides, type MetricThresholds, resolveThresholds } from './metric-settings.js';
import type { ConcentrationView, MetricsReport } from './metrics.js';
import type { MonthlyMetrics } from './monthly-metrics.js';

/** DOMAIN §6 grades: amber (watch it) and red (act). Alerts map them onto their own levels. */
export type ThresholdLevel = 'amber' | 'red';

/** A threshold crossed, with the numbers that crossed it. `code` keys the i18n catalogues. */
export interface ThresholdFinding {
  readonly code: string;
  readonly level: ThresholdLevel;
  readonly monthEnd: LocalDate;
  readonly value: number;
  /** The threshold crossed (the red one when red). */
  readonly threshold: number;
  /** Concentration findings: on open AR or on trailing-12-month sales. */
  readonly basis?: 'openAr' | 'salesTrailing12';
  /** DSO trend: the DSO the change is measured from. */
  readonly previous?: number;
}

/**
 * Checks the latest month of a metrics report against the thresholds (DOMAIN defaults, overridable):
 * current ratio < 1.5 amber, < 1.0 red; quick ratio < 1.0 amber; ADD > 10 amber, > 30 red;
 * CEI < 80 % amber; DSO up > 10 % over 3 months amber; HHI, top-1 and top-5 share bands.
 *
 * @example
 * evaluateThresholds(report, { add: { amber: 15 } }) // [{ code: 'METRIC_ADD_HIGH', level: 'red', value: 34.2, threshold: 30, … }]
 */
export function evaluateThresholds(report: MetricsReport, overrides?: MetricThresholdOverrides): ThresholdFinding[] {
  const t = resolveThresholds(overrides);
  const latest = report.months[report.months.length - 1];
  if (!latest) return [];
  const on = latest.monthEnd;
  const findings: (ThresholdFinding | null)[] = [
    below('METRIC_CURRENT_RATIO_LOW', on, latest.currentRatio, t.currentRatio.amber, t.currentRatio.red),
    below('METRIC_QUICK_RATIO_LOW', on, latest.quickRatio, t.quickRatio.amber, null),
    above('METRIC_ADD_HIGH', on, latest.add, t.add.amber, t.add.red, false),
    below('METRIC_CEI_LOW', on, latest.cei[t.cei.basis], t.cei.amber, null),
    dsoTrend(report.months, t),
    ...concentration(on, 'openAr', report.concentration.openAr, t),
    ...concentration(on, 'salesTrailing12', report.concentration.salesTrailing12, t),
  ];
  return findings.filter((f): f is ThresholdFinding => f !== null);
}

function below(
  code: string,
  monthEnd: LocalDate,
  value: number | null,
  amber: number,
  red: number | null,
): ThresholdFinding | null {
  if (value === null) return null;
  if (red !== null && value < red) return { code, level: 'red', monthEnd, value, threshold: red };
  if (value < amber) return { code, level: 'amber', monthEnd, value, threshold: amber };
  return null;
}

/** `isInclusive`: the concentration bands trigger at the threshold (≥), the others above it (>). */
function above(
  code: string,
  monthEnd: LocalDate,
  value: number | null,
  amber: number,
  red: number | null,
  isInclusive: boolean,
): ThresholdFinding | null {
  if (value === null) return null;
  const crosses = (limit: number) => (isInclusive ? value >= limit : value > limit);
  if (red !== null && crosses(red)) return { code, level: 'red', monthEnd, value, threshold: red };
  if (crosses(amber)) return { code, level: 'amber', monthEnd, value, threshold: amber };
  return null;
}

function dsoTrend(months: readonly MonthlyMetrics[], t: MetricThresholds): ThresholdFinding | null {
  const latest = months[months.length - 1];
  const earlier = months[months.length - 1 - t.dsoTrend.months];
  const now = latest?.dso.inUse ?? null;
  const then = earlier?.dso.inUse ?? null;
  if (!latest || now === null || then === null || then <= 0) return null;
  const risePct = ((now - then) / then) * 100;
  if (!(risePct > t.dsoTrend.amberPct)) return null;
  return {
    code: 'METRIC_DSO_RISING',
    level: 'amber',
    monthEnd: latest.monthEnd,
    value: now,
    previous: then,
    threshold: t.dsoTrend.amberPct,
  };
}

function concentration(
  on: LocalDate,
  basis: 'openAr' | 'salesTrailing12',
  c: ConcentrationView,
  t: MetricThresholds,
): ThresholdFinding[] {
  if (c.totalMinor <= 0) return [];
  const b = t.concentration;
  const found = [
    above('METRIC_HHI_HIGH', on, c.hhi, b.hhiAmber, b.hhiRed, true),
    above('METRIC_TOP1_SHARE_HIGH', on, c.top1Share, b.top1Amber, b.top1Red, true),
    above('METRIC_TOP5_SHARE_HIGH', on, c.top5Share, b.top5Amber, null, true),
  ];
  return found.filter((f): f is ThresholdFinding => f !== null).map((f) => ({ ...f, basis }));
}

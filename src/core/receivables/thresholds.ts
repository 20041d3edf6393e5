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
  /** CEI: which CEI crossed ('monthly' or 'trailing12'), so the text says which figure it is. */
  readonly ceiBasis?: 'monthly' | 'trailing12';
}

/**
 * Checks a metrics report against the thresholds (DOMAIN defaults, overridable): ADD > 10 amber,
 * > 30 red, CEI < 80 % amber and DSO up > 10 % over 3 months amber on the latest complete month (a
 * month still running is never alerted on); current ratio < 1.5 amber, < 1.0 red and quick ratio
 * < 1.0 amber on the latest balance sheet on or before the as-of date; HHI, top-1 and top-5 share
 * bands on the as-of date.
 *
 * @example
 * evaluateThresholds(report, { add: { amber: 15 } }) // [{ code: 'METRIC_ADD_HIGH', level: 'red', value: 34.2, threshold: 30, … }]
 */
export function evaluateThresholds(report: MetricsReport, overrides?: MetricThresholdOverrides): ThresholdFinding[] {
  const t = resolveThresholds(overrides);
  const complete = report.months.filter((m) => m.isComplete);
  const latest = complete[complete.length - 1];
  const liquidity = report.liquidity;
  const findings: (ThresholdFinding | null)[] = [
    ...(liquidity
      ? [
          below(
            'METRIC_CURRENT_RATIO_LOW',
            liquidity.monthEnd,
            liquidity.currentRatio,
            t.currentRatio.amber,
            t.currentRatio.red,
          ),
          below('METRIC_QUICK_RATIO_LOW', liquidity.monthEnd, liquidity.quickRatio, t.quickRatio.amber, null),
        ]
      : []),
    ...(latest
      ? [
          above('METRIC_ADD_HIGH', latest.monthEnd, latest.add, t.add.amber, t.add.red, false),
          withBasis(below('METRIC_CEI_LOW', latest.monthEnd, latest.cei[t.cei.basis], t.cei.amber, null), t.cei.basis),
          dsoTrend(complete, t),
        ]
      : []),
    ...concentration(report.asOf, 'openAr', report.concentration.openAr, t),
    ...concentration(report.asOf, 'salesTrailing12', report.concentration.salesTrailing12, t),
  ];
  return findings.filter((f): f is ThresholdFinding => f !== null);
}

function withBasis(f: ThresholdFinding | null, basis: 'monthly' | 'trailing12'): ThresholdFinding | null {
  return f === null ? null : { ...f, ceiBasis: basis };
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

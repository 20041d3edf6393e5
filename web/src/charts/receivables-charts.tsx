import { minorUnits } from '../../../src/core/money/index.js';
import type { AgingBucket, AgingSeries, Metrics } from '../api-types.js';
import { formatCompact, formatMoney, formatMonth, formatNumber } from '../format.js';
import { type TFunction, useLocale, useT } from '../i18n/index.js';
import Chart from './chart.js';
import { BUCKET_COLORS } from './palette.js';

export function bucketLabel(b: AgingBucket, t: TFunction): string {
  if (b.key === 'current' || b.fromDays === null) return t('ar.bucket.current');
  if (b.toDays === null) return t('ar.bucket.over', { from: b.fromDays - 1 });
  return t('ar.bucket.range', { from: b.fromDays, to: b.toDays });
}

/** Month-end aging as stacked bars, one colour and one decal pattern per bucket, labelled in the legend. */
export function AgingChart({ series }: { series: AgingSeries }) {
  const t = useT();
  const locale = useLocale();
  const scale = 10 ** minorUnits(series.baseCurrency);
  const labels = series.points.map((p) => formatMonth(p.on, locale));
  const last = series.points.at(-1);
  const summary = last?.base
    ? series.buckets
        .map(
          (b, i) =>
            `${bucketLabel(b, t)}: ${formatMoney(last.base?.amountsMinor[i] ?? 0, series.baseCurrency, locale)}`,
        )
        .join('; ')
    : '';
  return (
    <Chart
      label={t('ar.agingTitle')}
      summary={summary}
      testId="aging-chart"
      height={340}
      option={{
        grid: { left: 8, right: 16, top: 56, bottom: 8 },
        legend: { top: 0, type: 'scroll' },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: number) => formatMoney(Math.round(v * scale), series.baseCurrency, locale),
        },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v, locale) } },
        series: series.buckets.map((b, i) => ({
          name: bucketLabel(b, t),
          type: 'bar',
          stack: 'aging',
          color: BUCKET_COLORS[i % BUCKET_COLORS.length],
          data: series.points.map((p) => (p.base?.amountsMinor[i] ?? 0) / scale),
        })),
      }}
    />
  );
}

/** DSO and ADD (days, left axis) and CEI (%, right axis) per month, each line with its own style and marker, named in the legend. */
export function MetricsChart({ metrics }: { metrics: Metrics }) {
  const t = useT();
  const locale = useLocale();
  const labels = metrics.months.map((m) => formatMonth(m.monthEnd, locale));
  const line = (name: string, data: (number | null)[], type: string, color: string, yAxisIndex = 0) => ({
    name,
    type: 'line',
    data,
    yAxisIndex,
    color,
    connectNulls: false,
    lineStyle: { type, width: 2 },
    symbol: type === 'solid' ? 'circle' : type === 'dashed' ? 'diamond' : 'triangle',
  });
  const last = metrics.months.at(-1);
  const fmt = (v: number | null | undefined) => (v == null ? '—' : formatNumber(v, locale));
  return (
    <Chart
      label={t('ar.metricsTitle')}
      summary={`DSO ${fmt(last?.dso.inUse)}; ADD ${fmt(last?.add)}; CEI ${fmt(last?.cei.monthly)}`}
      testId="metrics-chart"
      option={{
        // The legend scrolls on one line above the plot; the axes say their units in their labels
        // (no axis names, which the legend would cover).
        grid: { left: 8, right: 64, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0, type: 'scroll' },
        tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => fmt(v) },
        xAxis: { type: 'category', data: labels },
        yAxis: [
          { type: 'value', axisLabel: { formatter: (v: number) => t('common.daysShort', { count: v }) } },
          { type: 'value', min: 0, max: 100, splitLine: { show: false }, axisLabel: { formatter: '{value}%' } },
        ],
        series: [
          line(
            t('ar.dso'),
            metrics.months.map((m) => m.dso.inUse),
            'solid',
            '#1f4e9c',
          ),
          line(
            t('ar.add'),
            metrics.months.map((m) => m.add),
            'dashed',
            '#c62828',
          ),
          line(
            t('ar.cei'),
            metrics.months.map((m) => m.cei.monthly),
            'dotted',
            '#2e7d32',
            1,
          ),
        ],
      }}
    />
  );
}

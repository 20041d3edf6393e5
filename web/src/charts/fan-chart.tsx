import { minorUnits } from '../../../src/core/money/index.js';
import type { MonteCarlo } from '../api-types.js';
import { formatCompact, formatMoney } from '../format.js';
import { type Locale, type TFunction, useLocale, useT } from '../i18n/index.js';
import Chart, { type ChartOption } from './chart.js';
import { BUFFER_COLOR } from './palette.js';

const FAN = '#1565c0';

/**
 * The Monte Carlo fan: closing cash per period as bands between the 5/25/75/95 % quantiles
 * (stacked areas over an invisible 5 % base), the median line and the minimum-cash line.
 */
export function fanChartOption(
  mc: MonteCarlo,
  labels: readonly string[],
  currency: string,
  t: TFunction,
  locale: Locale,
): ChartOption {
  const scale = 10 ** minorUnits(currency);
  const q = (i: number) => mc.periods.map((p) => (p.quantilesMinor[i] ?? 0) / scale);
  const [q5, q25, q50, q75, q95] = [0, 1, 2, 3, 4].map(q) as [number[], number[], number[], number[], number[]];
  const diff = (a: number[], b: number[]) => a.map((v, i) => v - (b[i] ?? 0));
  const band = (name: string, data: number[], opacity: number) => ({
    name,
    type: 'line',
    stack: 'fan',
    data,
    symbol: 'none',
    color: FAN,
    lineStyle: { opacity: 0 },
    areaStyle: { color: FAN, opacity },
    tooltip: { show: false },
  });
  const money = (major: number) => formatMoney(Math.round(major * scale), currency, locale);
  return {
    grid: { left: 12, right: 110, top: 40, bottom: 8 },
    legend: { top: 0, data: [t('stress.median'), t('stress.band50'), t('stress.band90'), t('stress.buffer')] },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => money(v) },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatCompact(v, locale) } },
    series: [
      {
        name: 'base',
        type: 'line',
        stack: 'fan',
        data: q5,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      band(t('stress.band90'), diff(q25, q5), 0.15),
      band(t('stress.band50'), diff(q75, q25), 0.3),
      band(t('stress.band90'), diff(q95, q75), 0.15),
      { name: t('stress.median'), type: 'line', data: q50, color: FAN, symbol: 'circle', lineStyle: { width: 3 } },
      {
        name: t('stress.buffer'),
        type: 'line',
        data: mc.periods.map(() => mc.bufferMinor / scale),
        color: BUFFER_COLOR,
        symbol: 'none',
        lineStyle: { type: [8, 4], width: 2 },
        endLabel: { show: true, formatter: '{a}', color: BUFFER_COLOR },
      },
    ],
  };
}

export default function FanChart(props: { mc: MonteCarlo; labels: readonly string[]; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const last = props.mc.periods.at(-1);
  return (
    <Chart
      option={fanChartOption(props.mc, props.labels, props.currency, t, locale)}
      label={t('stress.fan')}
      summary={t('stress.fanSummary', {
        median: formatMoney(last?.quantilesMinor[2] ?? 0, props.currency, locale),
        low: formatMoney(last?.quantilesMinor[0] ?? 0, props.currency, locale),
      })}
      testId="fan-chart"
      height={340}
    />
  );
}

import { minorUnits } from '../../../src/core/money/index.js';
import type { Forecast, ScenarioName } from '../api-types.js';
import { formatCompact, formatMoney } from '../format.js';
import { type Locale, type TFunction, useLocale, useT } from '../i18n/index.js';
import { periodLabelsPlain } from '../period-labels.js';
import Chart, { type ChartOption } from './chart.js';
import { BUFFER_COLOR, SCENARIO_STYLE } from './palette.js';

/**
 * Closing cash per period for each scenario shown, the minimum-cash (buffer) line of the base
 * scenario, and the base scenario's first breach marked with a labelled pin.
 */
export function forecastChartOption(
  forecast: Forecast,
  t: TFunction,
  locale: Locale,
  only?: ScenarioName,
): ChartOption {
  const scale = 10 ** minorUnits(forecast.currency);
  const labels = periodLabelsPlain(forecast, t, locale);
  const money = (major: number) => formatMoney(Math.round(major * scale), forecast.currency, locale);
  const shown = forecast.scenarios.filter((s) => !only || s.scenario === only);
  const base = forecast.scenarios.find((s) => s.scenario === 'base') ?? shown[0];
  const lines = shown.map((s) => {
    // A stored scenario has a name of its own: only the three built-ins have a style.
    const style = Object.hasOwn(SCENARIO_STYLE, s.scenario)
      ? SCENARIO_STYLE[s.scenario as ScenarioName]
      : SCENARIO_STYLE.base;
    const breach = s === base ? s.firstBreach : null;
    return {
      name: t(`scenario.${s.scenario as ScenarioName}`),
      type: 'line',
      data: s.periods.map((p) => p.closingMinor / scale),
      color: style.color,
      symbol: style.symbol,
      symbolSize: 7,
      lineStyle: { type: style.type, width: s.scenario === 'base' ? 3 : 2 },
      endLabel: { show: true, formatter: '{a}', color: style.color, fontWeight: 'bold' },
      // End labels of lines that end close together are pushed apart instead of drawn over each other.
      labelLayout: { moveOverlap: 'shiftY' },
      ...(breach
        ? {
            markPoint: {
              symbol: 'pin',
              symbolSize: 46,
              itemStyle: { color: '#c62828' },
              label: { formatter: '!', color: '#fff', fontWeight: 'bold' },
              data: [{ coord: [breach.index, (s.periods[breach.index]?.closingMinor ?? 0) / scale], name: 'breach' }],
            },
            markLine: {
              symbol: 'none',
              lineStyle: { color: '#c62828', type: 'solid', width: 1 },
              label: { formatter: t('chart.breach'), color: '#c62828', position: 'insideEndTop' },
              data: [{ xAxis: breach.index }],
            },
          }
        : {}),
    };
  });
  const buffer = {
    name: t('chart.buffer'),
    type: 'line',
    step: 'middle',
    data: (base?.periods ?? []).map((p) => p.bufferMinor / scale),
    color: BUFFER_COLOR,
    symbol: 'none',
    lineStyle: { type: [8, 4], width: 2 },
    endLabel: { show: true, formatter: '{a}', color: BUFFER_COLOR },
    labelLayout: { moveOverlap: 'shiftY' },
  };
  return {
    grid: { left: 12, right: 110, top: 40, bottom: 8 },
    legend: { top: 0, itemWidth: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => money(v) },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatCompact(v, locale) } },
    series: [...lines, buffer],
  };
}

/** The forecast chart in words, for screen readers and as the chart's caption. */
function describe(forecast: Forecast, t: TFunction, locale: Locale): string {
  return forecast.scenarios
    .map((s) => {
      const last = s.periods.at(-1);
      const breach = s.firstBreach ? `${t('chart.breach')}: ${s.firstBreach.endOn}` : t('overview.noBreach');
      return `${t(`scenario.${s.scenario as ScenarioName}`)}: ${last ? formatMoney(last.closingMinor, forecast.currency, locale) : ''}; ${breach}`;
    })
    .join('. ');
}

export default function ForecastChart({ forecast, only }: { forecast: Forecast; only?: ScenarioName }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Chart
      option={forecastChartOption(forecast, t, locale, only)}
      label={t('overview.chartTitle')}
      summary={describe(forecast, t, locale)}
      testId="forecast-chart"
      height={340}
    />
  );
}

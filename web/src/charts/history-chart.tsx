import type { CustomerPage } from '../api-types.js';
import { formatDate, formatMonth } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import Chart from './chart.js';

/** Days late (negative: early) of each settled invoice against the date it was settled; 0 marks the due date. */
export default function HistoryChart({ history }: { history: CustomerPage['history'] }) {
  const t = useT();
  const locale = useLocale();
  const late = history.filter((h) => h.daysLate > 0).length;
  return (
    <Chart
      label={t('customer.historyTitle')}
      summary={`${history.length} / ${late} > 0`}
      testId="history-chart"
      height={280}
      option={{
        grid: { left: 8, right: 16, top: 24, bottom: 8 },
        tooltip: {
          trigger: 'item',
          formatter: (p: { data: [number, number, string] }) =>
            `${p.data[2]}<br/>${formatDate(new Date(p.data[0]).toISOString().slice(0, 10), locale)}: ${t('common.days', { count: p.data[1] })}`,
        },
        xAxis: {
          type: 'time',
          axisLabel: {
            hideOverlap: true,
            formatter: (v: number) => formatMonth(new Date(v).toISOString().slice(0, 10), locale),
          },
        },
        yAxis: { type: 'value', name: t('customer.daysLate') },
        series: [
          {
            type: 'scatter',
            name: t('customer.daysLate'),
            symbolSize: 7,
            color: '#1f4e9c',
            data: history.map((h) => [Date.parse(`${h.settledOn}T00:00:00Z`), h.daysLate, h.number]),
            markLine: {
              symbol: 'none',
              lineStyle: { color: '#555', type: 'dashed' },
              label: { formatter: t('customer.col.due'), position: 'insideEndTop' },
              data: [{ yAxis: 0 }],
            },
          },
        ],
      }}
    />
  );
}

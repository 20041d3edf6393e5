import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only what the dashboard draws is registered: the rest of ECharts stays out of the bundle.
echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * A chart with a text alternative: `label` names it for screen readers, `summary` (visible
 * to assistive technology only) says what it shows in words, so colour is never the only signal.
 */
export default function Chart(props: {
  option: ChartOption;
  label: string;
  summary?: string;
  height?: number;
  testId?: string;
  onClick?: (params: { dataIndex: number; seriesName?: string }) => void;
}) {
  const { option, label, summary, height = 320, testId, onClick } = props;
  return (
    <figure className="chart" data-testid={testId}>
      <div role="img" aria-label={label}>
        <ReactEChartsCore
          echarts={echarts}
          option={{ aria: { enabled: true, decal: { show: true } }, animation: false, ...option }}
          notMerge
          style={{ height, width: '100%' }}
          {...(onClick ? { onEvents: { click: onClick } } : {})}
        />
      </div>
      {summary && <figcaption className="sr-only">{summary}</figcaption>}
    </figure>
  );
}

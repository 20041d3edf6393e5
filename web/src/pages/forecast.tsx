import { lazy, Suspense, useState } from 'react';
import { apiDownload } from '../api.js';
import { SCENARIOS, type ScenarioName } from '../api-types.js';
import { Card, EmptyData, ErrorBox, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { outlookText, useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { useUrlState, useUrlUpdate } from '../url-state.js';
import { useMoney } from '../use-money.js';
import { DrillDown } from './drill-down.js';
import { type Cell, cellFromUrl, cellToUrl, ForecastGrid } from './forecast-grid.js';
import { ScenarioCompare } from './scenario-compare.js';

const ForecastChart = lazy(() => import('../charts/forecast-chart.js'));
const GRANULARITIES = ['week', 'month'] as const;

function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="choice">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className={props.value === o.value ? 'on' : ''}>
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export default function ForecastPage() {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  // The view lives in the URL (?granularity=month&scenario=pessimistic&cell=2:invoices:receipt).
  const [granularity] = useUrlState('granularity', 'week', GRANULARITIES);
  const [scenario] = useUrlState<ScenarioName>('scenario', 'base', SCENARIOS);
  const [cellText] = useUrlState('cell', '');
  const update = useUrlUpdate();
  const cell = cellFromUrl(cellText);
  const setCell = (c: Cell | null) => update({ cell: c ? cellToUrl(c) : null });
  const [exportError, setExportError] = useState<unknown>(null);
  const forecast = useGet('/api/v1/reports/forecast', { query: { granularity }, keepPrevious: true });
  const exportXlsx = () => {
    setExportError(null);
    apiDownload(`/api/v1/reports/forecast.xlsx?granularity=${granularity}`, 'forecast.xlsx').catch(setExportError);
  };
  const data = forecast.data ?? null;
  const shown = data?.scenarios.find((s) => s.scenario === scenario);
  return (
    <div className="page">
      <h1>
        {t('forecast.title')}{' '}
        {data && <small className="muted">{t('common.asOf', { date: formatDate(data.asOf, locale) })}</small>}
      </h1>
      <div className="toolbar">
        <Choice
          legend={t('forecast.granularity')}
          name="granularity"
          value={granularity}
          options={[
            { value: 'week', label: t('forecast.weekly') },
            { value: 'month', label: t('forecast.monthly') },
          ]}
          onChange={(g) => update({ granularity: g === 'week' ? null : g, cell: null })}
        />
        <Choice
          legend={t('scenario.label')}
          name="scenario"
          value={scenario}
          options={SCENARIOS.map((s) => ({ value: s, label: t(`scenario.${s}`) }))}
          onChange={(s) => update({ scenario: s === 'base' ? null : s, cell: null })}
        />
        <button type="button" onClick={exportXlsx} data-testid="export">
          {t('forecast.export')}
        </button>
      </div>
      {exportError !== null && <ErrorBox error={exportError} />}
      {forecast.isPending && <Loading />}
      {forecast.isError && <ErrorBox error={forecast.error} onRetry={() => void forecast.refetch()} />}
      {data && data.opening.accounts === 0 && shown?.periods.every((p) => p.receiptsMinor === 0) && <EmptyData />}
      {data && shown && data.granularity === granularity && (
        <>
          <Card className="wide">
            <Suspense fallback={<Loading />}>
              <ForecastChart forecast={data} only={scenario} />
            </Suspense>
            <ul className="outlook" data-testid="outlook">
              {outlookText(
                t,
                data,
                shown,
                (minor) => money(minor, data.currency),
                (on) => formatDate(on, locale),
              ).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Card>
          <Card className="wide">
            <p className="muted small">
              {t('forecast.hint')} {t('forecast.wholeUnits', { currency: data.currency })}
            </p>
            <ForecastGrid forecast={data} scenario={shown} selected={cell} onSelect={setCell} />
          </Card>
          <ScenarioCompare granularity={granularity} />
          {cell && (
            <DrillDown
              cell={cell}
              granularity={granularity}
              scenario={scenario}
              forecast={data}
              onClose={() => setCell(null)}
            />
          )}
        </>
      )}
    </div>
  );
}

import { lazy, Suspense, useState } from 'react';
import { apiDownload } from '../api.js';
import { Card, EmptyData, ErrorBox, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import type { Forecast, ScenarioName } from '../types.js';
import { useApi } from '../use-api.js';
import { DrillDown } from './drill-down.js';
import { type Cell, ForecastGrid } from './forecast-grid.js';

const ForecastChart = lazy(() => import('../charts/forecast-chart.js'));
const SCENARIOS: readonly ScenarioName[] = ['optimistic', 'base', 'pessimistic'];

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
  const [granularity, setGranularity] = useState<'week' | 'month'>('week');
  const [scenario, setScenario] = useState<ScenarioName>('base');
  const [cell, setCell] = useState<Cell | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const forecast = useApi<Forecast>(`/api/v1/reports/forecast?granularity=${granularity}`);
  const exportXlsx = () => {
    setExportError(null);
    apiDownload(`/api/v1/reports/forecast.xlsx?granularity=${granularity}`, 'forecast.xlsx').catch(setExportError);
  };
  const data = forecast.state === 'ready' ? forecast.data : null;
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
          onChange={(g) => {
            setGranularity(g);
            setCell(null);
          }}
        />
        <Choice
          legend={t('scenario.label')}
          name="scenario"
          value={scenario}
          options={SCENARIOS.map((s) => ({ value: s, label: t(`scenario.${s}`) }))}
          onChange={(s) => {
            setScenario(s);
            setCell(null);
          }}
        />
        <button type="button" onClick={exportXlsx} data-testid="export">
          {t('forecast.export')}
        </button>
      </div>
      {exportError !== null && <ErrorBox error={exportError} />}
      {forecast.state === 'loading' && <Loading />}
      {forecast.state === 'error' && <ErrorBox error={forecast.error} onRetry={forecast.reload} />}
      {data && data.opening.accounts === 0 && shown?.periods.every((p) => p.receiptsMinor === 0) && <EmptyData />}
      {data && shown && (
        <>
          <Card className="wide">
            <Suspense fallback={<Loading />}>
              <ForecastChart forecast={data} only={scenario} />
            </Suspense>
          </Card>
          <Card className="wide">
            <p className="muted small">
              {t('forecast.hint')} {t('common.currency', { currency: data.currency })}
            </p>
            <ForecastGrid forecast={data} scenario={shown} selected={cell} onSelect={setCell} />
          </Card>
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

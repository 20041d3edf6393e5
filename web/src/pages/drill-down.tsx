import { useEffect, useRef } from 'react';
import type { Forecast, ScenarioName } from '../api-types.js';
import { ErrorBox, Loading } from '../components/states.js';
import { formatDate, formatPlain } from '../format.js';
import { lineText, reasonText, useLocale, useT } from '../i18n/index.js';
import { periodLabelsPlain } from '../period-labels.js';
import { useGet } from '../query.js';
import type { Cell } from './forecast-grid.js';

const SHOWN = 200;

/** What is behind one cell: each invoice, bill or recurring item with its amount, date and why that date. */
export function DrillDown(props: {
  cell: Cell;
  granularity: 'week' | 'month';
  scenario: ScenarioName;
  forecast: Forecast;
  onClose: () => void;
}) {
  const { cell, granularity, scenario, forecast, onClose } = props;
  const t = useT();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = useGet('/api/v1/reports/forecast/period', { query: { granularity, scenario, index: cell.index } });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const line = detail.data?.period.lines.find((l) => l.key === cell.key && l.direction === cell.direction);
  const sources = [...(line?.sources ?? [])].sort((a, b) => b.amountMinor - a.amountMinor);
  const period = periodLabelsPlain(forecast, t, locale)[cell.index] ?? '';
  return (
    <section
      className="card wide drill"
      aria-labelledby="drill-title"
      data-testid="drill-down"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="drill-head">
        <h2 id="drill-title" ref={heading} tabIndex={-1}>
          {t('forecast.drillTitle', { line: lineText(t, cell.key), period })}
          {line && <span className="muted"> · {formatPlain(line.totalMinor, forecast.currency)}</span>}
        </h2>
        <button type="button" className="link" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {detail.isPending && <Loading />}
      {detail.isError && <ErrorBox error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.isSuccess && sources.length === 0 && <p>{t('forecast.drillEmpty')}</p>}
      {sources.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('forecast.col.document')}</th>
                <th scope="col">{t('forecast.col.counterparty')}</th>
                <th scope="col" className="num">
                  {t('forecast.col.amount')} ({forecast.currency})
                </th>
                <th scope="col">{t('forecast.col.expected')}</th>
                <th scope="col">{t('forecast.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {sources.slice(0, SHOWN).map((s) => (
                <tr key={`${s.kind}:${s.id}:${s.placedOn}`}>
                  <td translate="no">{s.number}</td>
                  <td translate="no">{s.counterparty}</td>
                  <td className="num">{formatPlain(s.amountMinor, forecast.currency)}</td>
                  <td>{formatDate(s.placedOn, locale)}</td>
                  <td className="reason">{reasonText(t, s.reason, s.reasonData ?? {})}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {sources.length > SHOWN && (
            <p className="muted small">{t('forecast.more', { count: sources.length - SHOWN })}</p>
          )}
        </div>
      )}
    </section>
  );
}

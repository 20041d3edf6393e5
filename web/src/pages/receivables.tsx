import { lazy, Suspense, useState } from 'react';
import type { Metrics } from '../api-types.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatNumber, formatShare } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { CustomerTable } from './customer-table.js';

const charts = () => import('../charts/receivables-charts.js');
const AgingChart = lazy(() => charts().then((m) => ({ default: m.AgingChart })));
const MetricsChart = lazy(() => charts().then((m) => ({ default: m.MetricsChart })));

export default function Receivables() {
  const t = useT();
  // The table first: on a large book each report takes seconds of the server, so the charts are
  // asked for once the customers are on screen.
  const [isTableShown, setTableShown] = useState(false);
  const aging = useGet('/api/v1/reports/aging-series', { query: { months: 24 }, enabled: isTableShown });
  const metrics = useGet('/api/v1/reports/metrics', { query: { months: 12 }, enabled: isTableShown });
  return (
    <div className="page">
      <h1>{t('ar.title')}</h1>
      <Card title={t('ar.customers')} className="wide">
        <CustomerTable onShown={() => setTableShown(true)} />
      </Card>
      <div className="grid-2">
        <Card title={t('ar.agingTitle')}>
          {aging.isPending && <Loading />}
          {aging.isError && <ErrorBox error={aging.error} onRetry={() => void aging.refetch()} />}
          {aging.isSuccess && (
            <Suspense fallback={<Loading />}>
              <AgingChart series={aging.data} />
            </Suspense>
          )}
        </Card>
        <Card title={t('ar.metricsTitle')}>
          {metrics.isPending && <Loading />}
          {metrics.isError && <ErrorBox error={metrics.error} onRetry={() => void metrics.refetch()} />}
          {metrics.isSuccess && (
            <Suspense fallback={<Loading />}>
              <MetricsChart metrics={metrics.data} />
            </Suspense>
          )}
        </Card>
      </div>
      <Card title={t('ar.concentration')} className="wide">
        {metrics.isSuccess && <Concentration metrics={metrics.data} />}
      </Card>
    </div>
  );
}

/** How concentrated the open receivables are, with the largest customers by name. */
function Concentration({ metrics }: { metrics: Metrics }) {
  const t = useT();
  const locale = useLocale();
  const c = metrics.concentration.openAr;
  // The largest exposures are the first rows of the table sorted by exposure: their names.
  const largest = useGet('/api/v1/reports/customers', { query: { limit: Math.max(5, c.top.length) } });
  const nameOf = new Map((largest.data?.items ?? []).map((n) => [n.customerId, n.name]));
  // Shares in percent, all at one decimal.
  const pct = (v: number) => formatShare(v / 100);
  const tone = c.level === 'red' ? 'bad' : c.level === 'amber' ? 'warn' : 'good';
  return (
    <div className="concentration">
      <div>
        <p className={`badge tone-${tone}`}>{t(`ar.level.${c.level}`)}</p>
        <p>
          {t('ar.hhi', { value: formatNumber(c.hhi, locale, 0) })} · {t('ar.top1', { value: pct(c.top1Share) })} ·{' '}
          {t('ar.top5', { value: pct(c.top5Share) })}
        </p>
      </div>
      <ol className="bars">
        {c.top.map((x) => (
          <li key={x.customerId}>
            <span className="bar-label" translate="no">
              {nameOf.get(x.customerId) ?? '…'}
            </span>
            <span className="bar" style={{ width: `${Math.max(2, x.share)}%` }} aria-hidden="true" />
            <span className="bar-value">{pct(x.share)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

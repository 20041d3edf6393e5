import { lazy, Suspense } from 'react';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { useCredit } from '../credit.js';
import { formatNumber } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import type { AgingSeries, CustomerRow, Metrics } from '../types.js';
import { useApi } from '../use-api.js';
import { CustomerTable } from './customer-table.js';

const charts = () => import('../charts/receivables-charts.js');
const AgingChart = lazy(() => charts().then((m) => ({ default: m.AgingChart })));
const MetricsChart = lazy(() => charts().then((m) => ({ default: m.MetricsChart })));

export default function Receivables() {
  const t = useT();
  const aging = useApi<AgingSeries>('/api/v1/reports/aging-series?months=24');
  const metrics = useApi<Metrics>('/api/v1/reports/metrics?months=12');
  const customers = useApi<{ items: CustomerRow[] }>('/api/v1/reports/customers');
  const credit = useCredit();
  return (
    <div className="page">
      <h1>{t('ar.title')}</h1>
      <Card title={t('ar.agingTitle')} className="wide">
        {aging.state === 'loading' && <Loading />}
        {aging.state === 'error' && <ErrorBox error={aging.error} onRetry={aging.reload} />}
        {aging.state === 'ready' && (
          <Suspense fallback={<Loading />}>
            <AgingChart series={aging.data} />
          </Suspense>
        )}
      </Card>
      <div className="grid-2">
        <Card title={t('ar.metricsTitle')}>
          {metrics.state === 'loading' && <Loading />}
          {metrics.state === 'error' && <ErrorBox error={metrics.error} onRetry={metrics.reload} />}
          {metrics.state === 'ready' && (
            <Suspense fallback={<Loading />}>
              <MetricsChart metrics={metrics.data} />
            </Suspense>
          )}
        </Card>
        <Card title={t('ar.concentration')}>
          {metrics.state === 'ready' && (
            <Concentration metrics={metrics.data} names={customers.state === 'ready' ? customers.data.items : []} />
          )}
        </Card>
      </div>
      <Card title={t('ar.customers')} className="wide">
        {customers.state === 'loading' && <Loading />}
        {customers.state === 'error' && <ErrorBox error={customers.error} onRetry={customers.reload} />}
        {customers.state === 'ready' && (
          <CustomerTable
            rows={customers.data.items}
            currency={metrics.state === 'ready' ? metrics.data.baseCurrency : 'CNY'}
            credit={credit}
          />
        )}
      </Card>
    </div>
  );
}

function Concentration({ metrics, names }: { metrics: Metrics; names: readonly CustomerRow[] }) {
  const t = useT();
  const locale = useLocale();
  const c = metrics.concentration.openAr;
  const nameOf = new Map(names.map((n) => [n.customerId, n.name]));
  const pct = (v: number) => `${formatNumber(v, locale)}%`;
  const tone = c.level === 'red' ? 'bad' : c.level === 'amber' ? 'warn' : 'good';
  return (
    <div>
      <p className={`badge tone-${tone}`}>{t(`ar.level.${c.level}`)}</p>
      <p>
        {t('ar.hhi', { value: formatNumber(c.hhi, locale, 0) })} · {t('ar.top1', { value: pct(c.top1Share) })} ·{' '}
        {t('ar.top5', { value: pct(c.top5Share) })}
      </p>
      <ol className="bars">
        {c.top.map((x) => (
          <li key={x.customerId}>
            <span className="bar-label">{nameOf.get(x.customerId) ?? x.customerId}</span>
            <span className="bar" style={{ width: `${Math.max(2, x.share)}%` }} aria-hidden="true" />
            <span className="bar-value">{pct(x.share)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

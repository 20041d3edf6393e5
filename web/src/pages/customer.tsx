import { lazy, Suspense } from 'react';
import { Card, ErrorBox, Kpi, Loading } from '../components/states.js';
import { formatDate, formatNumber, formatPlain, formatShare } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { navigate } from '../router.js';
import type { CustomerPage as Page } from '../types.js';
import { useApi } from '../use-api.js';
import { useMoney } from '../use-money.js';
import { CreditSections } from './customer-credit.js';

const HistoryChart = lazy(() => import('../charts/history-chart.js'));

export default function CustomerPage({ customerId }: { customerId: string }) {
  const t = useT();
  const money = useMoney();
  const page = useApi<Page>(`/api/v1/reports/customers/${encodeURIComponent(customerId)}`);
  const back = (
    <a
      href="/receivables"
      onClick={(e) => {
        e.preventDefault();
        navigate('/receivables');
      }}
    >
      ← {t('customer.back')}
    </a>
  );
  if (page.state === 'loading') return <Loading />;
  if (page.state === 'error')
    return (
      <div className="page">
        {back}
        <ErrorBox error={page.error} onRetry={page.reload} />
      </div>
    );
  const p = page.data;
  return (
    <div className="page">
      {back}
      <h1>
        {p.customer.name} <small className="muted">{p.customer.code}</small>
      </h1>
      <p className="muted">{t('customer.terms', { days: p.customer.termsDays, country: p.customer.country })}</p>
      <div className="kpis">
        <Kpi label={t('customer.open')} value={money(p.openBaseMinor, p.baseCurrency)} />
        <Kpi
          label={t('customer.overdue')}
          value={money(p.overdueBaseMinor, p.baseCurrency)}
          tone={p.overdueBaseMinor > 0 ? 'warn' : undefined}
        />
      </div>
      <div className="grid-2">
        <Card title={t('customer.behaviour')}>
          <Behaviour page={p} />
        </Card>
        <Card title={t('customer.historyTitle')}>
          {p.history.length === 0 ? (
            <p>{t('customer.noHistory')}</p>
          ) : (
            <Suspense fallback={<Loading />}>
              <HistoryChart history={p.history} />
            </Suspense>
          )}
        </Card>
      </div>
      <CreditSections customerId={customerId} />
      <Card title={t('customer.openItems')} className="wide">
        <OpenItems page={p} />
      </Card>
    </div>
  );
}

function Behaviour({ page: p }: { page: Page }) {
  const t = useT();
  const locale = useLocale();
  const b = p.behaviour;
  const days = (v: number | null | undefined) =>
    v == null ? '—' : t('common.days', { count: formatNumber(v, locale) });
  const change = b.trend.change;
  const trend =
    change === null
      ? '—'
      : Math.abs(change) < 0.5
        ? t('customer.trendSame')
        : change > 0
          ? t('customer.trendWorse', { days: formatNumber(change, locale) })
          : t('customer.trendBetter', { days: formatNumber(-change, locale) });
  const items: [string, string][] = [
    [t('customer.settled'), String(b.count)],
    [t('customer.medianDelay'), days(b.delay?.median)],
    [t('customer.delayRange'), b.delay ? `${days(b.delay.p10)} – ${days(b.delay.p90)}` : '—'],
    [t('customer.onTime'), b.onTimeShare === null ? '—' : formatShare(b.onTimeShare)],
    [t('customer.wdbt'), days(b.shrunkWeightedDbt)],
    [t('customer.trend'), trend],
    [t('customer.lastPaid'), b.lastSettledOn ? formatDate(b.lastSettledOn, locale) : '—'],
  ];
  return (
    <dl className="facts" data-testid="behaviour">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function OpenItems({ page: p }: { page: Page }) {
  const t = useT();
  const locale = useLocale();
  if (p.openItems.length === 0) return <p>{t('customer.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('customer.col.number')}</th>
            <th scope="col">{t('customer.col.issued')}</th>
            <th scope="col">{t('customer.col.due')}</th>
            <th scope="col" className="num">
              {t('customer.col.open')}
            </th>
            <th scope="col">{t('customer.col.expected')}</th>
            <th scope="col">{t('customer.col.range')}</th>
          </tr>
        </thead>
        <tbody>
          {p.openItems.map((i) => (
            <tr key={`${i.invoiceId}:${i.dueOn}`}>
              <td>
                {i.number} {i.isDisputed && <span className="badge tone-warn">{t('customer.disputed')}</span>}
              </td>
              <td>{formatDate(i.issuedOn, locale)}</td>
              <td className={i.dueOn < p.asOf ? 'tone-warn' : ''}>{formatDate(i.dueOn, locale)}</td>
              <td className="num">
                {formatPlain(i.openMinor, i.currency)} {i.currency}
              </td>
              <td>{formatDate(i.expectedOn, locale)}</td>
              <td className="muted">
                {formatDate(i.expectedP10, locale)} – {formatDate(i.expectedP90, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

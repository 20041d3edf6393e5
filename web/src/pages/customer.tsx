import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import type { CustomerPage as Page } from '../api-types.js';
import { Card, ErrorBox, Kpi, Loading, Pager } from '../components/states.js';
import { formatDate, formatNumber, formatPlain, formatShare } from '../format.js';
import { industryText, type MessageKey, reasonText, useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { usePageNumber } from '../url-state.js';
import { useMoney } from '../use-money.js';
import { TimelineCard } from './collections-messages.js';
import { CreditSections } from './customer-credit.js';

const HistoryChart = lazy(() => import('../charts/history-chart.js'));
/** Open invoices on one page: the customer page stays within two screens. */
const ITEMS = 10;

export default function CustomerPage({ customerId }: { customerId: string }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const [page, setPage] = usePageNumber();
  const report = useGet('/api/v1/reports/customers/{customerId}', {
    path: { customerId },
    query: { items: ITEMS, offset: (page - 1) * ITEMS },
    keepPrevious: true,
  });
  const back = <Link href="/receivables">← {t('customer.back')}</Link>;
  if (report.isPending) return <Loading />;
  if (report.isError)
    return (
      <div className="page">
        {back}
        <ErrorBox error={report.error} onRetry={() => void report.refetch()} />
      </div>
    );
  const p = report.data;
  const country = `country.${p.customer.country}` as MessageKey;
  return (
    <div className="page">
      {back}
      <h1>
        <span translate="no">{p.customer.name}</span>{' '}
        <small className="muted" translate="no">
          {p.customer.code}
        </small>
      </h1>
      <p className="muted">
        {t('customer.terms', {
          days: p.customer.termsDays,
          country: t(country) === country ? p.customer.country : t(country),
        })}
        {p.customer.industry && ` · ${industryText(t, p.customer.industry)}`} ·{' '}
        {t('common.asOf', { date: formatDate(p.asOf, locale) })}
      </p>
      <div className="kpis">
        <Kpi label={t('customer.open')} value={money(p.openBaseMinor, p.baseCurrency)} />
        <Kpi
          label={t('customer.overdue')}
          value={money(p.overdueBaseMinor, p.baseCurrency)}
          tone={p.overdueBaseMinor > 0 ? 'warn' : undefined}
        />
        <Behaviour page={p} />
      </div>
      <RiskState page={p} />
      <div className="grid-2">
        <Card title={t('customer.openItems')}>
          <OpenItems page={p} />
          <Pager page={page} pageSize={ITEMS} total={p.openItemCount} onPage={setPage} testId="items-pager" />
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
      <CreditSections customerId={customerId} aside={<TimelineCard customerId={customerId} />} />
    </div>
  );
}

/** How the customer pays, as compact figures beside the balances. */
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
    <section className="card behaviour" aria-label={t('customer.behaviour')}>
      <dl className="facts" data-testid="behaviour">
        {items.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function OpenItems({ page: p }: { page: Page }) {
  const t = useT();
  const locale = useLocale();
  if (p.openItemCount === 0) return <p>{t('customer.none')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="open-items">
        <thead>
          <tr>
            <th scope="col">{t('customer.col.number')}</th>
            <th scope="col">{t('customer.col.due')}</th>
            <th scope="col" className="num">
              {t('customer.col.open')}
            </th>
            <th scope="col">{t('customer.col.expected')}</th>
            <th scope="col" className="num">
              {t('customer.col.expectedAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.openItems.map((i) => (
            <tr key={`${i.invoiceId}:${i.dueOn}`}>
              <td>
                <span translate="no">{i.number}</span>{' '}
                {i.isDisputed && <span className="badge tone-warn">{t('customer.disputed')}</span>}
              </td>
              <td className={`nowrap ${i.dueOn < p.asOf ? 'tone-warn' : ''}`}>{formatDate(i.dueOn, locale)}</td>
              <td className="num">
                {formatPlain(i.openMinor, i.currency)} {i.currency}
              </td>
              <td
                className="nowrap"
                {...(i.expectedP10 && i.expectedP90
                  ? { title: `${formatDate(i.expectedP10, locale)} – ${formatDate(i.expectedP90, locale)}` }
                  : {})}
              >
                {formatDate(i.expectedOn, locale)}
              </td>
              <td className="num" title={reasonText(t, i.reason, i.reasonData)}>
                {formatPlain(i.expectedMinor, i.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const TONE = new Map<string, string>([
  ['insolvent', 'bad'],
  ['written_off', 'bad'],
  ['hold', 'bad'],
  ['watch', 'warn'],
]);

/**
 * The customer's risk state, as the forecast and every other page read it: its status and why,
 * and its exposure with its parts against its limit.
 */
function RiskState({ page: p }: { page: Page }) {
  const t = useT();
  const money = useMoney();
  const r = p.risk;
  if (!r) return null;
  const e = r.exposure;
  return (
    <section className="card" data-testid="risk-state" aria-label={t('customer.risk')}>
      <p>
        <span className={`badge tone-${TONE.get(r.status) ?? 'good'}`}>{t(`risk.status.${r.status}`)}</span>{' '}
        {r.reasons.length > 0 && <span>{r.reasons.map((x) => x.message ?? '').join(t('common.listSep'))}</span>}
      </p>
      <p className="muted small">
        {t('customer.exposureParts', {
          exposure: money(e.totalMinor, p.baseCurrency),
          open: money(e.openArMinor, p.baseCurrency),
          unapplied: money(e.unappliedMinor, p.baseCurrency),
          bills: money(e.acceptanceBillsMinor, p.baseCurrency),
          orders: money(e.openOrdersMinor, p.baseCurrency),
          limit: r.limitMinor === null ? t('common.none') : money(r.limitMinor, p.baseCurrency),
        })}
        {r.isOverLimit && <span className="badge tone-bad"> {t('overview.overLimit')}</span>}
      </p>
    </section>
  );
}

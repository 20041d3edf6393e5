import { lazy, Suspense } from 'react';
import type { Forecast, Metrics, Summary } from '../api-types.js';
import { useBookCredit } from '../book-credit.js';
import { Card, EmptyData, ErrorBox, Kpi, Loading } from '../components/states.js';
import { formatDate, formatNumber, formatShare } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { useMoney } from '../use-money.js';
import { CreditReview, Exposures } from './overview-lists.js';

const ForecastChart = lazy(() => import('../charts/forecast-chart.js'));

export default function Overview() {
  const t = useT();
  const locale = useLocale();
  const summary = useGet('/api/summary');
  const forecast = useGet('/api/v1/reports/forecast', { query: { granularity: 'week' } });
  const metrics = useGet('/api/v1/reports/metrics', { query: { months: 1 } });
  const credit = useBookCredit();
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorBox error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  if (s.cash.accounts.length === 0 && s.receivables.openCount === 0) return <EmptyData />;
  return (
    <div className="page">
      <h1>
        {t('overview.title')} <small className="muted">{t('common.asOf', { date: formatDate(s.asOf, locale) })}</small>
      </h1>
      <Headline summary={s} forecast={forecast.data ?? null} />
      <Card title={t('overview.chartTitle')} className="wide">
        {forecast.isPending && <Loading />}
        {forecast.isError && <ErrorBox error={forecast.error} onRetry={() => void forecast.refetch()} />}
        {forecast.isSuccess && (
          <Suspense fallback={<Loading />}>
            <ForecastChart forecast={forecast.data} />
          </Suspense>
        )}
        <p className="muted small">{t('overview.chartHint')}</p>
      </Card>
      <div className="grid-2">
        <Card title={t('overview.wcTitle')}>
          {metrics.isPending && <Loading />}
          {metrics.isError && <ErrorBox error={metrics.error} onRetry={() => void metrics.refetch()} />}
          {metrics.isSuccess && <WorkingCapital metrics={metrics.data} />}
        </Card>
        <Card title={t('overview.exposures')}>
          <Exposures summary={s} />
        </Card>
      </div>
      {credit && <CreditReview credit={credit} />}
    </div>
  );
}

function Headline({ summary: s, forecast }: { summary: Summary; forecast: Forecast | null }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const base = forecast?.scenarios.find((x) => x.scenario === 'base');
  const breach = base?.firstBreach;
  const balanceOn = s.cash.accounts.map((a) => a.on).sort()[0];
  const overdueShare = s.receivables.openMinor > 0 ? s.receivables.overdueMinor / s.receivables.openMinor : 0;
  return (
    <div className="kpis" data-testid="kpis">
      <Kpi
        label={t('overview.cash')}
        value={money(s.cash.totalMinor, s.currency)}
        {...(balanceOn
          ? {
              detail: t('overview.cashAccounts', {
                count: s.cash.accounts.length,
                date: formatDate(balanceOn, locale),
              }),
            }
          : {})}
      />
      <Kpi
        label={t('overview.runway')}
        value={
          !base
            ? '…'
            : base.runwayWeeks === null
              ? t('overview.runwayNone')
              : t('overview.runwayWeeks', { weeks: formatNumber(base.runwayWeeks, locale) })
        }
        tone={base?.runwayWeeks != null && base.runwayWeeks < 13 ? 'bad' : 'good'}
      />
      <Kpi
        label={t('overview.firstBreach')}
        value={!base ? '…' : breach ? formatDate(breach.startOn, locale) : t('overview.noBreach')}
        tone={breach ? 'bad' : 'good'}
        {...(breach ? { detail: t('forecast.week', { n: breach.index + 1 }) } : {})}
      />
      <Kpi
        label={t('overview.ar')}
        value={money(s.receivables.openMinor, s.currency)}
        detail={t('overview.arOverdue', {
          amount: money(s.receivables.overdueMinor, s.currency),
          share: formatShare(overdueShare),
        })}
        tone={overdueShare > 0.3 ? 'warn' : undefined}
      />
      <Kpi
        label={t('overview.ap')}
        value={money(s.payables.dueNext30Minor, s.currency)}
        detail={t('overview.lineHeadroom', { amount: money(s.creditLines.headroomMinor, s.currency) })}
      />
    </div>
  );
}

function WorkingCapital({ metrics }: { metrics: Metrics }) {
  const t = useT();
  const locale = useLocale();
  const last = metrics.months.at(-1);
  if (!last || last.currentRatio === null) return <p className="notice">{t('overview.wcMissing')}</p>;
  const ratio = last.currentRatio;
  const band = ratio >= 1.5 ? 'good' : ratio >= 1 ? 'watch' : 'bad';
  const max = Math.max(2.5, ratio * 1.1);
  const pct = (v: number) => `${Math.min(100, (v / max) * 100)}%`;
  return (
    <div className="wc">
      <div className="kpi-value">{t('overview.wcCurrent', { value: formatNumber(ratio, locale, 2) })}</div>
      <p className={`badge tone-${band === 'watch' ? 'warn' : band}`}>{t(`overview.wcBand.${band}`)}</p>
      <div className="gauge" aria-hidden="true">
        <div className="gauge-fill" style={{ width: pct(ratio) }} />
        <span className="gauge-mark" style={{ left: pct(1) }}>
          1.0
        </span>
        <span className="gauge-mark" style={{ left: pct(1.5) }}>
          1.5
        </span>
      </div>
      {last.quickRatio !== null && (
        <p className="muted">{t('overview.wcQuick', { value: formatNumber(last.quickRatio, locale, 2) })}</p>
      )}
      <p className="muted small">{t('common.asOf', { date: formatDate(last.monthEnd, locale) })}</p>
    </div>
  );
}

import { lazy, Suspense } from 'react';
import type { Forecast, Metrics, Summary } from '../api-types.js';
import { Card, EmptyData, ErrorBox, Kpi, Loading } from '../components/states.js';
import { formatDate, formatNumber, formatShare } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { useMoney } from '../use-money.js';
import { AlertPanel } from './alert-panel.js';
import { Exposures, RiskPanel } from './overview-lists.js';

const ForecastChart = lazy(() => import('../charts/forecast-chart.js'));

export default function Overview() {
  const t = useT();
  const locale = useLocale();
  const summary = useGet('/api/summary');
  const forecast = useGet('/api/v1/reports/forecast', { query: { granularity: 'week' } });
  const metrics = useGet('/api/v1/reports/metrics', { query: { months: 1 } });
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
      <AlertPanel />
      <RiskPanel currency={s.currency} />
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
      {s.unreadableRows.length > 0 && (
        <p className="notice" role="alert">
          {t('overview.unreadable', { count: s.unreadableRows.length })}
        </p>
      )}
    </div>
  );
}

/**
 * The headline: cash, runway, the minimum-cash buffer, receivables and payables. The runway and
 * the buffer read the base forecast's own verdicts (the same words as `cashguard forecast`), so
 * the two never contradict: the runway counts the undrawn committed credit and says so; the buffer
 * is 'below now', 'first below at the close of week N', or 'not below within the horizon'.
 */
function Headline({ summary: s, forecast }: { summary: Summary; forecast: Forecast | null }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const base = forecast?.scenarios.find((x) => x.scenario === 'base');
  const breach = base?.firstBreach;
  const balanceOn = s.cash.accounts.map((a) => a.on).sort()[0];
  const overdueShare = s.receivables.openMinor > 0 ? s.receivables.overdueMinor / s.receivables.openMinor : 0;
  const bills =
    s.acceptanceBills.heldMinor > 0
      ? t('overview.billsHeld', { amount: money(s.acceptanceBills.heldMinor, s.currency) })
      : '';
  const accounts = balanceOn
    ? t('overview.cashAccounts', { count: s.cash.accounts.length, date: formatDate(balanceOn, locale) })
    : '';
  const runway = !base
    ? '…'
    : base.runwayWeeks === null
      ? t('overview.runwayBeyond', { weeks: base.runwayHorizonWeeks })
      : t('overview.runwayWeeks', { weeks: formatNumber(base.runwayWeeks, locale) });
  const buffer = forecast ? money(forecast.bufferMinor, s.currency) : '';
  return (
    <div className="kpis" data-testid="kpis">
      <Kpi
        label={t('overview.cash')}
        value={money(s.cash.totalMinor, s.currency)}
        detail={[accounts, bills].filter(Boolean).join(' · ')}
      />
      <Kpi
        label={t('overview.runway')}
        value={runway}
        {...(base ? { detail: t('overview.runwayCredit', { amount: money(base.runwayCreditMinor, s.currency) }) } : {})}
        tone={base?.runwayWeeks == null ? 'good' : base.runwayWeeks < 13 ? 'bad' : 'warn'}
      />
      <Kpi
        label={t('overview.buffer')}
        value={
          !forecast
            ? '…'
            : forecast.isBelowBufferAtStart
              ? t('overview.belowNow')
              : breach
                ? t('overview.breachWeek', { n: breach.index + 1 })
                : t('overview.noBreach')
        }
        {...(forecast
          ? {
              detail:
                breach && !forecast.isBelowBufferAtStart
                  ? t('overview.breachClose', { date: formatDate(breach.endOn, locale), buffer })
                  : t('overview.bufferIs', { buffer }),
            }
          : {})}
        tone={forecast?.isBelowBufferAtStart || breach ? 'bad' : 'good'}
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

/** The current ratio of the latest balance sheet on or before the as-of date (never a running month). */
function WorkingCapital({ metrics }: { metrics: Metrics }) {
  const t = useT();
  const locale = useLocale();
  const l = metrics.liquidity;
  if (!l || l.currentRatio === null) return <p className="notice">{t('overview.wcMissing')}</p>;
  const ratio = l.currentRatio;
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
      {l.quickRatio !== null && (
        <p className="muted">{t('overview.wcQuick', { value: formatNumber(l.quickRatio, locale, 2) })}</p>
      )}
      <p className="muted small">{t('overview.wcSheet', { date: formatDate(l.monthEnd, locale) })}</p>
    </div>
  );
}

import { lazy, Suspense } from 'react';
import type { MonteCarlo, StressHorizon } from '../api-types.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { stressText, type TFunction, useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { useUrlState, useUrlUpdate } from '../url-state.js';
import { useMoney } from '../use-money.js';

const FanChart = lazy(() => import('../charts/fan-chart.js'));
const HORIZONS = ['week', 'month'] as const;
type Period = { index: number } | null | undefined;

/** 'week 9' / '第 9 个月', or a dash. */
function periodWord(t: TFunction, granularity: string, p: Period): string {
  return p ? stressText(t, `STRESS_PERIOD_${granularity}`, { n: p.index + 1 }) : stressText(t, 'STRESS_NEVER');
}

/** A sentence with the customers' names in it marked as names (not to be translated). */
function WithNames({ text, names }: { text: string; names: readonly string[] }) {
  const shown = names.filter((n) => n.length > 0 && text.includes(n));
  if (shown.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${shown.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return (
    <>
      {text.split(pattern).map((part, i) =>
        shown.includes(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence, in order
          <span key={i} translate="no">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function ShockTable({ h, currency }: { h: StressHorizon; currency: string }) {
  const t = useT();
  const money = useMoney();
  const rows = [{ name: 'base', label: stressText(t, 'STRESS_SHOCK_base'), outcome: h.base }, ...h.shocks];
  const cols = ['SHOCK', 'MIN_CASH', 'MIN_PERIOD', 'NEGATIVE', 'BREACH', 'LOSS', 'CREDIT_LOSS'];
  return (
    <table className="grid" data-testid="shock-table">
      <thead>
        <tr>
          {cols.map((c) => (
            <th key={c} scope="col">
              {stressText(t, `STRESS_COL_${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, label, outcome: o }) => (
          <tr key={name} className={o.firstNegative ? 'negative' : o.firstBreach ? 'breach' : ''}>
            <th scope="row">{label}</th>
            <td className="num">{money(o.minCashMinor, currency)}</td>
            <td>{periodWord(t, h.granularity, o.minPeriod)}</td>
            <td>{periodWord(t, h.granularity, o.firstNegative)}</td>
            <td>{periodWord(t, h.granularity, o.firstBreach)}</td>
            <td className="num">{money(o.lossMinor, currency)}</td>
            <td className="num">{money(o.creditLossMinor, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonteCarloCard({ mc, granularity, currency }: { mc: MonteCarlo; granularity: string; currency: string }) {
  const t = useT();
  const money = useMoney();
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const labels = mc.periods.map((p) => periodWord(t, granularity, p));
  return (
    <Card title={t('stress.fan')} className="wide">
      <Suspense fallback={<Loading />}>
        <FanChart mc={mc} labels={labels} currency={currency} />
      </Suspense>
      <table className="grid" data-testid="mc-table">
        <thead>
          <tr>
            {['PERIOD', 'P_NEGATIVE', 'P_BUFFER', 'Q5', 'Q50', 'Q95'].map((c) => (
              <th key={c} scope="col">
                {stressText(t, `STRESS_MC_COL_${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {mc.periods.map((p, i) => (
            <tr key={p.index}>
              <th scope="row">{labels[i]}</th>
              <td className="num">{pct(p.pNegative)}</td>
              <td className="num">{pct(p.pBelowBuffer)}</td>
              <td className="num">{money(p.quantilesMinor[0] ?? 0, currency)}</td>
              <td className="num">{money(p.quantilesMinor[2] ?? 0, currency)}</td>
              <td className="num">{money(p.quantilesMinor[4] ?? 0, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {stressText(t, 'STRESS_MC_LIQUIDITY', {
          pNegative: pct(mc.pMinNegative),
          pBuffer: pct(mc.pMinBelowBuffer),
          minCash: money(mc.minCash5Minor, currency),
        })}{' '}
        {stressText(t, 'STRESS_MC_CFAR', {
          cfar: money(mc.cfar95Minor, currency),
          expected: money(mc.expectedNetFlowMinor, currency),
        })}
      </p>
      {mc.tailCustomers.length > 0 && (
        <>
          <h3>{t('stress.tail')}</h3>
          <ul data-testid="tail-customers">
            {mc.tailCustomers.map((c) => (
              <li key={c.customerId}>
                <span translate="no">{c.name}</span>: {money(c.tailShortfallMinor, currency)} ({pct(c.share)})
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

export default function StressPage() {
  const t = useT();
  const locale = useLocale();
  const [horizon] = useUrlState('horizon', 'week', HORIZONS);
  const update = useUrlUpdate();
  const report = useGet('/api/v1/stress', { query: { reverse: 'true' } });
  // The Monte Carlo runs as a second request, so the shocks show while it simulates.
  const mc = useGet('/api/v1/stress', { query: { reverse: 'false', shock: 'top1_default', paths: 10_000 } });
  const data = report.data;
  const h = data?.horizons.find((x) => x.granularity === horizon);
  const mcHorizon = mc.data?.horizons.find((x) => x.granularity === horizon)?.monteCarlo;
  return (
    <div className="page">
      <h1>
        {t('stress.title')}{' '}
        {data && <small className="muted">{t('common.asOf', { date: formatDate(data.asOf, locale) })}</small>}
      </h1>
      <p className="muted">{t('stress.intro')}</p>
      <div className="toolbar">
        <fieldset className="choice">
          <legend>{t('stress.horizon')}</legend>
          {HORIZONS.map((value) => (
            <label key={value} className={horizon === value ? 'on' : ''}>
              <input
                type="radio"
                name="horizon"
                value={value}
                checked={horizon === value}
                onChange={() => update({ horizon: value === 'week' ? null : value })}
              />
              {t(value === 'week' ? 'stress.weeks' : 'stress.months')}
            </label>
          ))}
        </fieldset>
      </div>
      {report.isPending && <Loading />}
      {report.isError && <ErrorBox error={report.error} onRetry={() => void report.refetch()} />}
      {data && h && (
        <>
          <Card title={t('stress.shocks')} className="wide">
            <ShockTable h={h} currency={data.currency} />
          </Card>
          <Card title={t('stress.breakingPoints')} className="wide">
            <ul data-testid="breaking-points">
              {(h.breakingPoints ?? []).map((p) => (
                <li key={`${p.driver}:${p.target}:${p.currency ?? ''}`}>
                  <WithNames text={p.text} names={p.customers.map((c) => c.name)} />
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
      {mc.isPending && <p className="muted">{t('stress.fanRunning')}</p>}
      {mc.isError && <ErrorBox error={mc.error} onRetry={() => void mc.refetch()} />}
      {data && mcHorizon && <MonteCarloCard mc={mcHorizon} granularity={horizon} currency={data.currency} />}
    </div>
  );
}

import type { GetAnswer } from '../api-types.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { type MessageKey, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { useMoney } from '../use-money.js';

type FxReport = GetAnswer<'/api/v1/reports/fx'>;

/**
 * Currency exposure: per foreign currency the cash, receivables, payables and forwards, the net
 * at today's rate, the revaluation, the ± shock and the hedge needed against the organisation's
 * limit; the forwards outstanding; the net exposure week by week over the forecast.
 */
export default function FxPage() {
  const t = useT();
  const say = (key: string, values?: Record<string, unknown>) => t(key as MessageKey, values);
  const report = useGet('/api/v1/reports/fx');
  return (
    <div className="page">
      <h1>{t('nav.fx')}</h1>
      {report.isPending && <Loading />}
      {report.isError && <ErrorBox error={report.error} onRetry={() => void report.refetch()} />}
      {report.isSuccess && (
        <>
          <Card title={say('FX_TITLE', exposureTitle(report.data))} className="wide">
            <NowTable report={report.data} />
            <p className="muted small">{say('FX_NOTE')}</p>
          </Card>
          {report.data.forwards.length > 0 && (
            <Card title={say('FX_FORWARDS_TITLE')} className="wide">
              <Forwards report={report.data} />
            </Card>
          )}
          <Card title={say('FX_BY_WEEK', { currency: report.data.exposure.currency })} className="wide">
            <Weeks report={report.data} />
          </Card>
        </>
      )}
    </div>
  );
}

const exposureTitle = (r: FxReport) => ({
  asOf: r.exposure.asOf,
  currency: r.exposure.currency,
  pct: r.exposure.shockPct,
});

function NowTable({ report }: { report: FxReport }) {
  const t = useT();
  const say = (key: string, values?: Record<string, unknown>) => t(key as MessageKey, values);
  const money = useMoney();
  const e = report.exposure;
  const base = e.currency;
  if (e.currencies.length === 0) return <p>{say('FX_NONE', { asOf: e.asOf })}</p>;
  const pct = { pct: e.shockPct, currency: base };
  return (
    <div className="table-wrap">
      <table data-testid="fx-exposure">
        <thead>
          <tr>
            <th scope="col">{say('FX_COL_CURRENCY')}</th>
            {['FX_COL_RATE', 'FX_COL_CASH', 'FX_COL_AR', 'FX_COL_AP', 'FX_COL_FORWARDS', 'FX_COL_NET'].map((k) => (
              <th key={k} scope="col" className="num">
                {say(k)}
              </th>
            ))}
            <th scope="col" className="num">
              {say('FX_COL_NET_BASE', { currency: base })}
            </th>
            <th scope="col" className="num">
              {say('FX_COL_REVALUATION', { currency: base })}
            </th>
            <th scope="col" className="num">
              {say('FX_COL_SHOCK_UP', pct)}
            </th>
            <th scope="col" className="num">
              {say('FX_COL_SHOCK_DOWN', pct)}
            </th>
            <th scope="col" className="num">
              {say('FX_COL_LIMIT', { currency: base })}
            </th>
            <th scope="col">{say('FX_COL_HEDGE')}</th>
          </tr>
        </thead>
        <tbody>
          {e.currencies.map((c) => (
            <tr key={c.currency}>
              <th scope="row">{c.currency}</th>
              <td className="num">{c.rate}</td>
              <td className="num">{money(c.amounts.cashMinor, c.currency)}</td>
              <td className="num">{money(c.amounts.receivablesMinor, c.currency)}</td>
              <td className="num">{money(-c.amounts.payablesMinor, c.currency)}</td>
              <td className="num">{money(c.amounts.forwardsMinor, c.currency)}</td>
              <td className="num">{money(c.amounts.netMinor, c.currency)}</td>
              <td className={`num ${c.isOverLimit ? 'tone-bad' : ''}`}>{money(c.base.netMinor, base)}</td>
              <td className="num">{money(c.revaluation.totalMinor, base)}</td>
              <td className="num">{money(c.shock.up.netMinor, base)}</td>
              <td className="num">{money(c.shock.down.netMinor, base)}</td>
              <td className="num">{c.limitMinor === null ? say('FX_NO_LIMIT') : money(c.limitMinor, base)}</td>
              <td>
                {c.hedge === null
                  ? c.limitMinor === null
                    ? '—'
                    : say('FX_WITHIN_LIMIT')
                  : say(c.hedge.direction === 'sell' ? 'FX_HEDGE_SELL' : 'FX_HEDGE_BUY', {
                      amount: money(c.hedge.amountMinor, c.currency),
                      currency: c.currency,
                    })}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{say('FX_TOTAL')}</th>
            <td colSpan={6} />
            <td className="num">{money(e.total.base.netMinor, base)}</td>
            <td className="num">{money(e.total.revaluationMinor, base)}</td>
            <td className="num">{money(e.total.shockUp.netMinor, base)}</td>
            <td className="num">{money(e.total.shockDown.netMinor, base)}</td>
            <td colSpan={2} />
          </tr>
        </tbody>
      </table>
      {e.missingRates.length > 0 && (
        <p className="tone-warn small">
          {say('FX_MISSING_RATES', { asOf: e.asOf, currencies: e.missingRates.join(', ') })}
        </p>
      )}
    </div>
  );
}

function Forwards({ report }: { report: FxReport }) {
  const t = useT();
  const money = useMoney();
  return (
    <ul data-testid="fx-forwards">
      {report.forwards.map((f) => (
        <li key={f.id}>
          {t('FX_FORWARD_LINE' as MessageKey, {
            valueOn: f.valueOn,
            direction: t(`FX_DIRECTION_${f.direction}` as MessageKey),
            amount: money(f.amountMinor, f.currency),
            currency: f.currency,
            rate: f.rate,
            counterCurrency: f.counterCurrency,
            counterparty: f.counterparty,
          })}
        </li>
      ))}
    </ul>
  );
}

function Weeks({ report }: { report: FxReport }) {
  const t = useT();
  const money = useMoney();
  const first = report.byWeek[0];
  if (!first) return null;
  const base = report.exposure.currency;
  return (
    <div className="table-wrap">
      <table data-testid="fx-weeks">
        <thead>
          <tr>
            <th scope="col">{t('FX_COL_WEEK' as MessageKey)}</th>
            {report.byWeek.map((c) => (
              <th key={c.currency} scope="col" className="num">
                {c.currency}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first.weeks.map((w, i) => (
            <tr key={w.startOn}>
              <th scope="row">{w.startOn}</th>
              {report.byWeek.map((c) => {
                const week = c.weeks[i];
                return (
                  <td key={c.currency} className={`num ${week?.isOverLimit ? 'tone-bad' : ''}`}>
                    {week ? money(week.netBaseMinor, base) : ''}
                    {week?.isOverLimit && (
                      <span className="badge tone-bad"> {t('FX_OVER_LIMIT_MARK' as MessageKey)}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

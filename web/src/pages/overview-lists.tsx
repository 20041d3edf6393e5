import { Link } from 'wouter';
import type { Summary } from '../api-types.js';
import { Card } from '../components/states.js';
import { formatShare } from '../format.js';
import { useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { useMoney } from '../use-money.js';

/** A customer's name linking to its page; the name is a proper name, never translated. */
export function CustomerLink({ id, name }: { id: string; name: string }) {
  return (
    <Link href={`/customers/${encodeURIComponent(id)}`} translate="no">
      {name}
    </Link>
  );
}

/** The largest customer exposures: what each owes, its exposure with its parts, and its limit. */
export function Exposures({ summary }: { summary: Summary }) {
  const t = useT();
  const money = useMoney();
  return (
    <div className="table-wrap">
      <table data-testid="exposures">
        <thead>
          <tr>
            <th scope="col">{t('ar.col.customer')}</th>
            <th scope="col" className="num">
              {t('overview.col.open')}
            </th>
            <th scope="col" className="num">
              {t('ar.col.overdue')}
            </th>
            <th scope="col" className="num">
              {t('overview.col.exposure')}
            </th>
            <th scope="col" className="num">
              {t('ar.col.limit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.largestExposures.map((e) => (
            <tr key={e.customerId}>
              <td>
                <CustomerLink id={e.customerId} name={e.name} />
                <span className="muted small"> {formatShare(e.share)}</span>
              </td>
              <td className="num">{money(e.openMinor, summary.currency)}</td>
              <td className={`num ${e.overdueMinor > 0 ? 'tone-warn' : ''}`}>
                {money(e.overdueMinor, summary.currency)}
              </td>
              <td
                className="num"
                title={t('overview.exposureParts', {
                  open: money(e.openMinor, summary.currency),
                  unapplied: money(e.unappliedMinor, summary.currency),
                  bills: money(e.acceptanceBillsMinor, summary.currency),
                  orders: money(e.openOrdersMinor, summary.currency),
                })}
              >
                {money(e.exposureMinor, summary.currency)}
              </td>
              <td className="num">
                {e.limitMinor === null ? t('common.none') : money(e.limitMinor, summary.currency)}
                {e.isOverLimit && <span className="badge tone-bad"> {t('overview.overLimit')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('overview.exposureHint')}</p>
    </div>
  );
}

const STATUS_TONE = new Map<string, string>([
  ['insolvent', 'bad'],
  ['written_off', 'bad'],
  ['hold', 'bad'],
  ['watch', 'warn'],
]);

/**
 * Who needs attention: every customer not in good standing, most serious first (insolvent,
 * written off, on credit hold, to watch), with the first reasons of its risk state in words, and
 * its exposure against its limit. The same risk state the forecast and the customer page read.
 */
export function RiskPanel({ currency }: { currency: string }) {
  const t = useT();
  const money = useMoney();
  const risk = useGet('/api/v1/credit/risk-states');
  if (!risk.isSuccess) return null;
  const all = risk.data.customers.filter((c) => c.status !== 'normal');
  const shown = all.slice(0, 10);
  return (
    <Card title={t('overview.risk')} className="wide">
      <p className="muted small">{t('overview.riskHint')}</p>
      {shown.length === 0 ? (
        <p>{t('overview.riskNone')}</p>
      ) : (
        <ul className="flags" data-testid="risk-list">
          {shown.map((c) => (
            <li key={c.customerId}>
              <span className={`badge tone-${STATUS_TONE.get(c.status) ?? 'good'}`}>
                {t(`risk.status.${c.status}`)}
              </span>{' '}
              <CustomerLink id={c.customerId} name={c.name} />
              {c.grade && <span className="badge"> {c.grade}</span>}{' '}
              <span className="small">
                {c.reasons
                  .slice(0, 2)
                  .map((r) => r.message)
                  .join(t('common.listSep'))}
              </span>{' '}
              <span className="muted small">
                {t('overview.riskExposure', {
                  exposure: money(c.exposure.totalMinor, currency),
                  limit: c.limitMinor === null ? t('common.none') : money(c.limitMinor, currency),
                })}
              </span>
            </li>
          ))}
          {all.length > shown.length && (
            <li className="muted small">{t('overview.creditMore', { count: all.length - shown.length })}</li>
          )}
        </ul>
      )}
    </Card>
  );
}

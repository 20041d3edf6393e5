import { type ReactNode, useState } from 'react';
import { apiDownload } from '../api.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatDate, formatShare } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { useMoney } from '../use-money.js';
import { CustomerLink } from './overview-lists.js';

const SHOWN = 25;
const LEVEL_TONE: Readonly<Record<string, string>> = { critical: 'bad', warning: 'warn', watch: 'warn', info: 'good' };

/** A report's answer: loading, its error, or the page part made from it. */
function Answer<T>(props: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Loading />;
  if (query.isError || query.data === undefined)
    return <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  return <>{props.children(query.data)}</>;
}

/**
 * Trade credit insurance: the policy in force, the value of cover (expected and 99 % loss with and
 * without it, premium, break-even), each buyer's cover, the invoices not fully insured and why,
 * and the policy deadlines coming up or missed. Everything is read from /api/v1/insurance/*.
 */
export default function InsurancePage() {
  const t = useT();
  const cover = useGet('/api/v1/insurance/cover');
  const value = useGet('/api/v1/insurance/value');
  const deadlines = useGet('/api/v1/insurance/deadlines');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  // The eligible-receivables pack for the bank: the file comes with its name (Content-Disposition).
  const downloadEligible = () => {
    setDownloadError(null);
    apiDownload('/api/v1/insurance/eligible.xlsx', 'eligible-receivables.xlsx').catch(setDownloadError);
  };
  return (
    <div className="page" data-testid="insurance-page">
      <h1>{t('ins.title')}</h1>
      <Answer query={cover}>{(c) => <PolicyLine cover={c} />}</Answer>
      <div className="toolbar">
        <button type="button" onClick={downloadEligible} data-testid="insurance-eligible-download">
          {t('ins.eligibleDownload')}
        </button>
        <span className="muted small">{t('ins.eligibleHint')}</span>
      </div>
      {downloadError !== null && <ErrorBox error={downloadError} />}
      <div className="grid-2">
        <Card title={t('ins.value')}>
          <Answer query={value}>{(v) => <ValueOfCover value={v} />}</Answer>
        </Card>
        <Card title={t('ins.deadlines')}>
          <Answer query={deadlines}>{(d) => <Deadlines report={d} />}</Answer>
        </Card>
      </div>
      <Card title={t('ins.buyers')} className="wide">
        <Answer query={cover}>{(c) => <Buyers cover={c} />}</Answer>
      </Card>
      <Card title={t('ins.uncovered')} className="wide">
        <Answer query={cover}>{(c) => <Uncovered cover={c} />}</Answer>
      </Card>
    </div>
  );
}

type Cover = NonNullable<ReturnType<typeof useGet<'/api/v1/insurance/cover'>>['data']>;
type Value = NonNullable<ReturnType<typeof useGet<'/api/v1/insurance/value'>>['data']>;
type DeadlineReport = NonNullable<ReturnType<typeof useGet<'/api/v1/insurance/deadlines'>>['data']>;

function PolicyLine({ cover }: { cover: Cover }) {
  const t = useT();
  const money = useMoney();
  const p = cover.policy;
  return (
    <p className="muted" data-testid="insurance-policy">
      {t('ins.policy')} <span translate="no">{`${p.insurer} ${p.policyNumber}`}</span>
      {' · '}
      {t('ins.period', { startsOn: p.startsOn, endsOn: p.endsOn })}
      {' · '}
      {t('ins.insuredShare', {
        insured: money(cover.totals.insuredMinor, cover.currency),
        open: money(cover.totals.openMinor, cover.currency),
      })}
    </p>
  );
}

function ValueOfCover({ value }: { value: Value }) {
  const t = useT();
  const money = useMoney();
  // The value report is in currency units (as `cashguard insurance value --json`): back to minor units to format.
  const m = (units: number) => money(Math.round(units * 100), value.currency);
  return (
    <div data-testid="insurance-value">
      <p className="muted small">{t('ins.valueHint')}</p>
      <table>
        <thead>
          <tr>
            <th />
            <th className="num">{t('ins.with')}</th>
            <th className="num">{t('ins.without')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('ins.expectedLoss')}</td>
            <td className="num">{m(value.expectedLossWith)}</td>
            <td className="num">{m(value.expectedLossWithout)}</td>
          </tr>
          <tr>
            <td>{t('ins.loss99')}</td>
            <td className="num">{m(value.lossAt99With)}</td>
            <td className="num">{m(value.lossAt99Without)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        {t('ins.premium')}: <strong>{m(value.premium)}</strong> · {t('ins.breakEven')}:{' '}
        <strong>{m(value.breakEven)}</strong>
      </p>
      <p className="small">
        {value.isPremiumBelowBreakEven ? t('ins.worth') : t('ins.notWorth', { tail: m(value.tailReduction) })}
      </p>
    </div>
  );
}

function Buyers({ cover }: { cover: Cover }) {
  const t = useT();
  const money = useMoney();
  const shown = cover.buyers.slice(0, SHOWN);
  const cur = cover.currency;
  return (
    <div className="table-wrap">
      <table data-testid="insurance-buyers">
        <thead>
          <tr>
            <th>{t('ins.col.customer')}</th>
            <th>{t('ins.col.cover')}</th>
            <th className="num">{t('ins.col.limit')}</th>
            <th className="num">{t('ins.col.open')}</th>
            <th className="num">{t('ins.col.insured')}</th>
            <th className="num">{t('ins.col.ownRisk')}</th>
            <th className="num">{t('ins.col.used')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((b) => (
            <tr key={b.customerId}>
              <td>
                <CustomerLink id={b.customerId} name={b.name} />
              </td>
              <td>{b.cancelledOn ? t('ins.cancelled', { on: b.cancelledOn }) : t(`ins.kind.${b.kind ?? 'none'}`)}</td>
              <td className="num">{money(b.limitMinor, cur)}</td>
              <td className="num">{money(b.openMinor, cur)}</td>
              <td className="num">{money(b.insuredMinor, cur)}</td>
              <td className="num">{money(b.ownRiskMinor, cur)}</td>
              <td className="num">{formatShare(b.utilisation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cover.buyers.length > shown.length && (
        <p className="muted small">{t('ins.more', { count: cover.buyers.length - shown.length })}</p>
      )}
    </div>
  );
}

function Uncovered({ cover }: { cover: Cover }) {
  const t = useT();
  const money = useMoney();
  const all = cover.invoices.filter((i) => !i.covered);
  // The largest uninsured amounts first: where the company carries the most risk itself.
  const shown = [...all].sort((a, b) => b.uninsuredMinor - a.uninsuredMinor).slice(0, SHOWN);
  if (all.length === 0) return <p>{t('ins.uncoveredNone')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="insurance-uncovered">
        <thead>
          <tr>
            <th>{t('ins.col.customer')}</th>
            <th>{t('ins.col.invoice')}</th>
            <th className="num">{t('ins.col.open')}</th>
            <th className="num">{t('ins.col.insured')}</th>
            <th>{t('ins.col.why')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr key={i.invoiceId}>
              <td>
                <CustomerLink id={i.customerId} name={i.name} />
              </td>
              <td translate="no">{i.number}</td>
              <td className="num">{money(i.openMinor, cover.currency)}</td>
              <td className="num">{money(i.insuredMinor, cover.currency)}</td>
              <td className="small">{i.reasons.map((r) => r.message).join(t('common.listSep'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {all.length > shown.length && (
        <p className="muted small">{t('ins.more', { count: all.length - shown.length })}</p>
      )}
    </div>
  );
}

function Deadlines({ report }: { report: DeadlineReport }) {
  const t = useT();
  const locale = useLocale();
  const near = report.deadlines.filter((d) => d.daysLeft <= 30);
  const shown = near.slice(0, SHOWN);
  if (near.length === 0) return <p>{t('ins.deadlinesNone')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="insurance-deadlines">
        <thead>
          <tr>
            <th>{t('ins.col.on')}</th>
            <th>{t('ins.col.deadline')}</th>
            <th>{t('ins.col.customer')}</th>
            <th>{t('ins.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => (
            <tr key={`${d.invoiceId}:${d.kind}`}>
              <td>{formatDate(d.on, locale)}</td>
              <td>{d.kindText}</td>
              <td>
                <CustomerLink id={d.customerId} name={d.name} />{' '}
                <span className="muted small" translate="no">
                  {d.number}
                </span>
              </td>
              <td>
                <span className={`badge tone-${LEVEL_TONE[d.level] ?? 'good'}`}>{d.levelText}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {near.length > shown.length && (
        <p className="muted small">{t('ins.more', { count: near.length - shown.length })}</p>
      )}
    </div>
  );
}

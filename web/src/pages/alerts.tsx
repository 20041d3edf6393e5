import { useState } from 'react';
import { apiPost } from '../api.js';
import type { Alert } from '../api-types.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card, ErrorBox, Loading, Pager } from '../components/states.js';
import { formatDate } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { canWriteCredit } from '../permissions.js';
import { useGet, useRefreshAll } from '../query.js';
import { useMe } from '../session.js';
import { AlertDetailCard, LEVEL_TONE, Said, word } from './alert-detail.js';
import { CustomerLink } from './overview-lists.js';

const LEVELS = ['critical', 'warning', 'watch', 'info'] as const;
const STATUSES = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
/** Alerts a page shows at a time. */
const PAGE_SIZE = 50;
const RULES = [
  'overdue_default_signal',
  'overdue_stage',
  'overdue_delay',
  'insolvency',
  'hard_override',
  'legal_event',
  'grade_drop',
  'over_limit',
  'review_due',
  'cash_negative',
  'runway_short',
  'buffer_breach',
  'metric_threshold',
  'bill_acceptor_listed',
  'bill_maturing',
  'broken_promise',
] as const;

/** The alerts page: filters, the list most serious first, one alert's details and the actions on it. */
export default function AlertsPage() {
  const t = useT();
  const me = useMe();
  const [level, setLevelOnly] = useState('');
  const [status, setStatusOnly] = useState('');
  const [rule, setRuleOnly] = useState('');
  const [page, setPage] = useState(1);
  // Another filter shows its own first page.
  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPage(1);
  };
  const [setLevel, setStatus, setRule] = [filter(setLevelOnly), filter(setStatusOnly), filter(setRuleOnly)];
  const [selected, setSelected] = useState<string | null>(null);
  const query = {
    ...(level ? { level } : {}),
    ...(status ? { status } : {}),
    ...(rule ? { rule } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  // Not the previous answer while the next loads: after a language switch it would show the other language.
  const list = useGet('/api/v1/alerts', { query });
  const refresh = useRefreshAll();
  const run = useSave(refresh);
  const [ran, setRan] = useState<string | null>(null);
  const select = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: readonly string[],
    any: string,
    prefix: string,
  ) => (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={`filter-${prefix}`}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {word(t, `ALERT_${prefix.toUpperCase()}_${o}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="page">
      <h1>{t('alerts.title')}</h1>
      <p className="muted small">{t('alerts.hint')}</p>
      <div className="actions filters">
        {select(t('alerts.filterLevel'), level, setLevel, LEVELS, t('alerts.any'), 'level')}
        {select(t('alerts.filterStatus'), status, setStatus, STATUSES, t('alerts.active'), 'status')}
        {select(t('alerts.filterRule'), rule, setRule, RULES, t('alerts.any'), 'rule')}
        {canWriteCredit(me) && (
          <button
            type="button"
            className="primary"
            disabled={run.isBusy}
            data-testid="alerts-run"
            onClick={() =>
              void run.save(
                () => apiPost<{ raised: number; updated: number; resolved: number }>('/api/v1/alerts/run', {}),
                (r) => setRan(t('alerts.ran', r)),
              )
            }
          >
            {t('alerts.run')}
          </button>
        )}
      </div>
      {ran && (
        <p className="saved" role="status">
          {ran}
        </p>
      )}
      <SaveProblemBox problem={run.problem} onRetry={run.retryRefresh} />
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && (
        <div className="grid-2">
          <Card>
            <AlertTable items={list.data.items} selected={selected} onSelect={setSelected} />
            <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} testId="alerts-pager" />
          </Card>
          {selected && (
            <AlertDetailCard id={selected} currency={list.data.currency} onClose={() => setSelected(null)} />
          )}
        </div>
      )}
    </div>
  );
}

function AlertTable(props: { items: readonly Alert[]; selected: string | null; onSelect: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  if (props.items.length === 0) return <p>{t('alerts.none')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="alerts-list">
        <thead>
          <tr>
            <th scope="col">{t('alerts.colLevel')}</th>
            <th scope="col">{t('alerts.colWhat')}</th>
            <th scope="col">{t('alerts.colStatus')}</th>
            <th scope="col">{t('alerts.colSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((a) => (
            <tr key={a.id} className={a.id === props.selected ? 'selected' : ''} data-level={a.level}>
              <td>
                <span className={`badge tone-${LEVEL_TONE[a.level] ?? 'good'}`}>
                  {word(t, `ALERT_LEVEL_${a.level}`)}
                </span>
              </td>
              <td>
                <strong>{word(t, `ALERT_RULE_${a.rule}`)}</strong>
                {a.customerId && typeof a.evidence.data.name === 'string' && (
                  <>
                    {' · '}
                    <CustomerLink id={a.customerId} name={a.evidence.data.name} />
                  </>
                )}
                <br />
                <span className="small">
                  <Said text={a.reasonText} alert={a} />
                </span>{' '}
                <button type="button" className="link" onClick={() => props.onSelect(a.id)}>
                  {t('alerts.details')}
                </button>
              </td>
              <td>
                {word(t, `ALERT_STATUS_${a.status}`)}
                {a.assignee && <span className="muted small"> · {a.assignee}</span>}
              </td>
              <td className="small">{a.lastSeenOn ? formatDate(a.lastSeenOn, locale) : t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

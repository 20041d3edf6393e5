import { type FormEvent, useState } from 'react';
import { apiPost } from '../api.js';
import type { Alert, AlertDetail } from '../api-types.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatDate, formatDateTime } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { canWriteCredit } from '../permissions.js';
import { useGet, useRefreshAll } from '../query.js';
import { useMe } from '../session.js';
import { useMoney } from '../use-money.js';
import { CustomerLink } from './overview-lists.js';

export const LEVEL_TONE: Readonly<Record<string, string>> = {
  critical: 'bad',
  warning: 'bad',
  watch: 'warn',
  info: 'good',
};

/** A word of the server's alerts catalogue (levels, rules, statuses), merged into the page's texts. */
export const word = (t: ReturnType<typeof useT>, key: string) => t(key as MessageKey);

/** One alert: why, the next action, the evidence with its links, its history, and the actions on it. */
export function AlertDetailCard(props: { id: string; currency: string; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const detail = useGet('/api/v1/alerts/{id}', { path: { id: props.id } });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorBox error={detail.error} onRetry={() => void detail.refetch()} />;
  const a = detail.data;
  return (
    <Card
      title={
        <>
          <span className={`badge tone-${LEVEL_TONE[a.level] ?? 'good'}`}>{word(t, `ALERT_LEVEL_${a.level}`)}</span>{' '}
          {word(t, `ALERT_RULE_${a.rule}`)}
        </>
      }
      actions={
        <button type="button" className="link" onClick={props.onClose}>
          {t('common.close')}
        </button>
      }
    >
      <dl className="facts" data-testid="alert-detail">
        <div>
          <dt>{t('alerts.why')}</dt>
          <dd>
            <Said text={a.reasonText} alert={a} />
          </dd>
        </div>
        <div>
          <dt>{t('alerts.next')}</dt>
          <dd>{a.actionText}</dd>
        </div>
        <div>
          <dt>{t('alerts.colStatus')}</dt>
          <dd>
            {word(t, `ALERT_STATUS_${a.status}`)}
            {a.snoozedUntil &&
              ` · ${t('alerts.snoozedUntil', { date: formatDate(a.snoozedUntil, locale), reason: a.snoozeReason ?? '' })}`}
            {a.assignee && ` · ${t('alerts.assignee')}: ${a.assignee}`}
          </dd>
        </div>
      </dl>
      <Evidence alert={a} currency={props.currency} />
      <h3>{t('alerts.history')}</h3>
      <ul className="small" data-testid="alert-history">
        {a.history.map((h) => (
          <li key={h.id}>
            {t('alerts.historyLine', {
              at: formatDateTime(h.at, locale),
              action: t(`alerts.action.${h.action}` as MessageKey),
              actor: h.actor,
            })}
            {h.note && <span className="muted"> · {h.note}</span>}
          </li>
        ))}
      </ul>
      <Actions alert={a} />
    </Card>
  );
}

function Evidence(props: { alert: AlertDetail; currency: string }) {
  const { alert } = props;
  const t = useT();
  const customer = alert.evidence.links.find((l) => l.kind === 'customer');
  const money = useMoney();
  const currency = typeof alert.evidence.data.currency === 'string' ? alert.evidence.data.currency : props.currency;
  // The figures behind the sentence, each with its label; codes are said in the sentence itself.
  const rows = Object.entries(alert.evidence.data).flatMap(([k, v]) => {
    const label = t(`ALERT_FIELD_${k}` as MessageKey);
    if (v === null || v === '' || label === `ALERT_FIELD_${k}`) return [];
    const shown = typeof v === 'number' && k.endsWith('Minor') ? money(v, currency) : String(v);
    return [[label, shown] as const];
  });
  return (
    <details>
      <summary>{t('alerts.evidence')}</summary>
      {customer && (
        <p>
          <CustomerLink id={customer.id} name={String(alert.evidence.data.name ?? customer.label)} />
        </p>
      )}
      <table className="small" data-testid="alert-evidence">
        <tbody>
          {rows.map(([label, shown]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td translate="no">{shown}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

type Form = 'snooze' | 'assign' | null;

function Actions({ alert }: { alert: Alert }) {
  const t = useT();
  const me = useMe();
  const refresh = useRefreshAll();
  const { isBusy, problem, save, retryRefresh } = useSave(refresh);
  const [form, setForm] = useState<Form>(null);
  const [until, setUntil] = useState('');
  const [text, setText] = useState('');
  if (!canWriteCredit(me) || alert.status === 'resolved') return null;
  const act = (name: string, body: Record<string, unknown>) =>
    void save(
      () => apiPost<Alert>(`/api/v1/alerts/${encodeURIComponent(alert.id)}/${name}`, body),
      () => {
        setForm(null);
        setText('');
      },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form === 'snooze') act('snooze', { until, reason: text });
    if (form === 'assign') act('assign', { assignee: text });
  };
  return (
    <div data-testid="alert-actions">
      <div className="actions">
        {alert.status === 'open' && (
          <button type="button" disabled={isBusy} onClick={() => act('acknowledge', {})}>
            {t('alerts.acknowledge')}
          </button>
        )}
        <button type="button" disabled={isBusy} onClick={() => setForm('snooze')}>
          {t('alerts.snooze')}
        </button>
        <button type="button" disabled={isBusy} onClick={() => setForm('assign')}>
          {t('alerts.assign')}
        </button>
        <button type="button" className="primary" disabled={isBusy} onClick={() => act('resolve', {})}>
          {t('alerts.resolve')}
        </button>
      </div>
      {form && (
        <form className="action-form" onSubmit={submit}>
          {form === 'snooze' && (
            <label>
              {t('alerts.snoozeUntil')}{' '}
              <input type="date" required value={until} onChange={(e) => setUntil(e.target.value)} />
            </label>
          )}
          <label>
            {form === 'snooze' ? t('alerts.snoozeReason') : t('alerts.assignTo')}{' '}
            <input
              required
              maxLength={form === 'snooze' ? 500 : 200}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={isBusy}>
              {form === 'snooze' ? t('alerts.snooze') : t('alerts.assign')}
            </button>
            <button type="button" disabled={isBusy} onClick={() => setForm(null)}>
              {t('credit.cancel')}
            </button>
          </div>
        </form>
      )}
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
    </div>
  );
}

const PROPER = ['name', 'customer', 'invoice', 'source', 'acceptor', 'bill', 'policy'];

/**
 * An alert's sentence with the proper names in it (customer, invoice number, court reference,
 * acceptor) marked translate="no": they stay as they are written in either language.
 */
export function Said({ text, alert }: { text: string; alert: Pick<Alert, 'evidence'> }) {
  const names = PROPER.map((k) => alert.evidence.data[k])
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return <>{text}</>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`));
  return (
    <>
      {parts.map((p, i) =>
        names.includes(p) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence, never reordered.
          <span key={i} translate="no">
            {p}
          </span>
        ) : (
          p
        ),
      )}
    </>
  );
}

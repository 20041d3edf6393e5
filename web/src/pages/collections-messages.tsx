import { useState } from 'react';
import { apiPost } from '../api.js';
import type { GetAnswer } from '../api-types.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatMoney } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';

type Messages = GetAnswer<'/api/v1/collections/messages'>;
type Message = Messages['messages'][number];
interface SendReport {
  isDryRun: boolean;
  lines: { message: Message; outcome: string; error?: string }[];
}

/** The statement of account of a customer, as a workbook the browser downloads. */
export function StatementLink({ customerId, asOf }: { customerId: string; asOf?: string }) {
  const t = useT();
  const query = asOf ? `?asOf=${asOf}` : '';
  return (
    <a href={`/api/v1/customers/${encodeURIComponent(customerId)}/statement.xlsx${query}`} download>
      {t('col.statement')}
    </a>
  );
}

/** The message a worklist action sends, as the customer will read it. */
export function MessagePreview({ customerId, stage, asOf }: { customerId: string; stage: number; asOf: string }) {
  const t = useT();
  const r = useGet('/api/v1/collections/messages', { query: { customerId, asOf } });
  if (r.isPending) return <Loading />;
  if (r.isError) return <ErrorBox error={r.error} onRetry={() => void r.refetch()} />;
  const m = r.data.messages.find((x) => x.stage === stage);
  return (
    <div className="message-preview" data-testid="message-preview">
      {m ? (
        <>
          <p className="small">
            {m.email ? t('col.messageTo', { to: m.email, language: m.language }) : t('col.noEmail')}
          </p>
          <p>
            <strong>{m.subject}</strong>
          </p>
          <pre className="message-text">{m.text}</pre>
        </>
      ) : (
        <p>{t('col.messageNone')}</p>
      )}
      <StatementLink customerId={customerId} asOf={asOf} />
    </div>
  );
}

/** Today's reminder e-mails: what would go, then send them (each stage once per invoice). */
export function SendCard({ refresh }: { refresh: () => Promise<void> }) {
  const t = useT();
  const [report, setReport] = useState<SendReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await apiPost<SendReport>('/api/v1/collections/send', { dryRun }));
      if (!dryRun) await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const ready = report?.isDryRun ? report.lines.filter((l) => l.outcome === 'would_send').length : 0;
  const sent = report && !report.isDryRun ? report.lines.filter((l) => l.outcome === 'sent').length : null;
  return (
    <Card title={t('col.send.title')} className="wide">
      <div className="actions">
        <button type="button" disabled={isBusy} onClick={() => void run(true)} data-testid="send-preview">
          {t('col.send.preview')}
        </button>
        {ready > 0 && (
          <button type="button" disabled={isBusy} onClick={() => void run(false)} data-testid="send-go">
            {t('col.send.go', { count: ready })}
          </button>
        )}
      </div>
      {error !== null && <ErrorBox error={error} />}
      {sent !== null && <p data-testid="send-done">{t('col.send.done', { count: sent })}</p>}
      {report && report.lines.length === 0 && <p>{t('col.send.none')}</p>}
      {report && report.lines.length > 0 && (
        <ul data-testid="send-lines">
          {report.lines.map((l) => (
            <li key={`${l.message.customerId}:${l.message.stage}`}>
              {l.message.code} {l.message.name} · {t('timeline.stage', { stage: l.message.stage })} ·{' '}
              {l.message.subject} · {t(`col.send.outcome.${l.outcome}` as 'col.send.outcome.sent')}
              {l.error ? ` (${l.error})` : ''}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** A customer's collections history, newest first. */
/** Events the timeline shows before 'show all'. */
const TIMELINE_LATEST = 5;

export function TimelineCard({ customerId }: { customerId: string }) {
  const t = useT();
  const locale = useLocale();
  const r = useGet('/api/v1/customers/{id}/timeline', { path: { id: customerId } });
  // The latest few; the whole history on request, so the customer page stays short.
  const [isAll, setAll] = useState(false);
  const events = r.isSuccess ? [...r.data.events].reverse() : [];
  const shown = isAll ? events : events.slice(0, TIMELINE_LATEST);
  return (
    <Card title={t('customer.timeline')}>
      {r.isPending && <Loading />}
      {r.isError && <ErrorBox error={r.error} onRetry={() => void r.refetch()} />}
      {r.isSuccess && r.data.events.length === 0 && <p>{t('customer.timelineEmpty')}</p>}
      {r.isSuccess && r.data.events.length > 0 && (
        <ul className="timeline" data-testid="timeline">
          {shown.map((e) => (
            <li key={`${e.recordId}:${e.kind}:${e.invoiceId ?? ''}:${e.on}`}>
              <span className="muted">{e.on}</span> {t(`timeline.${e.kind}` as 'timeline.contact')}
              {e.stage !== null && ` · ${t('timeline.stage', { stage: e.stage })}`}
              {e.invoiceNumber && ` · ${e.invoiceNumber}`}
              {e.amountMinor !== null && e.currency && ` · ${formatMoney(e.amountMinor, e.currency, locale)}`}
              {e.detail && <span className="small"> · {e.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {events.length > TIMELINE_LATEST && (
        <button type="button" className="link" data-testid="timeline-all" onClick={() => setAll(!isAll)}>
          {isAll ? t('customer.timelineLatest') : t('customer.timelineAll', { count: events.length })}
        </button>
      )}
      <StatementLink customerId={customerId} />
    </Card>
  );
}

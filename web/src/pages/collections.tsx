import { type FormEvent, useState } from 'react';
import { apiPost } from '../api.js';
import type { GetAnswer } from '../api-types.js';
import { FormActions } from '../components/form-parts.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { amountFromInput, amountToInput, formatDate, formatMoney, formatShare } from '../format.js';
import { useLocale, useT } from '../i18n/index.js';
import { canWriteCredit } from '../permissions.js';
import { useGet } from '../query.js';
import { useMe } from '../session.js';
import { MessagePreview, SendCard } from './collections-messages.js';
import { CustomerLink } from './overview-lists.js';

type Worklist = GetAnswer<'/api/v1/collections/worklist'>;
type Item = Worklist['items'][number];
type Form = 'call' | 'promise' | 'dispute';
/** The ladder actions a written message goes out for (the rest are done by a person). */
const WRITTEN = new Set(['courtesy_reminder', 'reminder', 'formal_reminder', 'demand_letter', 'final_notice']);

/** Today's collection actions, most urgent expected loss first; a credit writer logs what was done. */
export default function CollectionsPage() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const worklist = useGet('/api/v1/collections/worklist');
  const refresh = async () => {
    await worklist.refetch();
  };
  return (
    <div className="page">
      <h1>{t('col.title')}</h1>
      {canWriteCredit(me) && <SendCard refresh={refresh} />}
      <Card title={t('col.today')} className="wide">
        {worklist.isPending && <Loading />}
        {worklist.isError && <ErrorBox error={worklist.error} onRetry={() => void worklist.refetch()} />}
        {worklist.isSuccess && worklist.data.items.length === 0 && <p>{t('col.empty')}</p>}
        {worklist.isSuccess && worklist.data.items.length > 0 && (
          <div className="table-wrap">
            <table className="data" data-testid="worklist">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{t('col.customer')}</th>
                  <th>{t('col.action')}</th>
                  <th className="num">{t('col.open')}</th>
                  <th className="num">{t('col.pd')}</th>
                  <th className="num">{t('col.delay')}</th>
                  <th>{t('col.record')}</th>
                </tr>
              </thead>
              <tbody>
                {worklist.data.items.map((item) => (
                  <Row
                    key={`${item.customerId}:${item.stage}`}
                    item={item}
                    currency={worklist.data.currency}
                    asOf={worklist.data.asOf}
                    refresh={refresh}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {worklist.isSuccess && worklist.data.paused.length > 0 && (
        <Card title={t('col.paused', { count: worklist.data.paused.length })} className="wide">
          <ul data-testid="paused">
            {worklist.data.paused.map((p) => (
              <li key={p.invoiceId}>
                <CustomerLink id={p.customerId} name={p.name} /> {p.number}:{' '}
                {t(`col.paused.${p.reason}` as 'col.paused.disputed', { until: p.until ?? '' })}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {worklist.isSuccess && (
        <p className="small">{t('common.asOf', { date: formatDate(worklist.data.asOf, locale) })}</p>
      )}
    </div>
  );
}

function Row(props: { item: Item; currency: string; asOf: string; refresh: () => Promise<void> }) {
  const { item, currency, asOf, refresh } = props;
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const [form, setForm] = useState<Form | null>(null);
  const [isShowingMessage, setShowingMessage] = useState(false);
  const [first, ...rest] = item.reasons;
  return (
    <>
      <tr data-testid="worklist-row">
        <td className="num">{item.rank}</td>
        <td>
          <CustomerLink id={item.customerId} name={item.name} />
        </td>
        <td>
          <strong>{first?.message}</strong>
          {rest.length > 0 && <div className="small">{rest.map((r) => r.message).join(t('common.listSep'))}</div>}
          {WRITTEN.has(item.action) && (
            <button type="button" className="link" onClick={() => setShowingMessage(!isShowingMessage)}>
              {t('col.message')}
            </button>
          )}
        </td>
        <td className="num">{formatMoney(item.amountAtRiskMinor, currency, locale)}</td>
        <td className="num">{formatShare(item.pd)}</td>
        <td className="num">{formatShare(item.pFurtherDelay)}</td>
        <td>
          {canWriteCredit(me) && (
            <div className="actions">
              {(['call', 'promise', 'dispute'] as const).map((f) => (
                <button key={f} type="button" onClick={() => setForm(form === f ? null : f)}>
                  {t(`col.${f}`)}
                </button>
              ))}
            </div>
          )}
        </td>
      </tr>
      {isShowingMessage && (
        <tr>
          <td colSpan={7}>
            <MessagePreview customerId={item.customerId} stage={item.stage} asOf={asOf} />
          </td>
        </tr>
      )}
      {form && (
        <tr>
          <td colSpan={7}>
            <RecordForm item={item} form={form} asOf={asOf} refresh={refresh} close={() => setForm(null)} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Log a call, record a promise to pay, or open a dispute on the action's first invoice. */
function RecordForm(props: { item: Item; form: Form; asOf: string; refresh: () => Promise<void>; close: () => void }) {
  const { item, form, asOf, refresh, close } = props;
  const t = useT();
  const invoice = item.invoices[0];
  const currency = invoice?.currency ?? 'CNY';
  const openInCurrency = item.invoices.filter((i) => i.currency === currency).reduce((s, i) => s + i.openMinor, 0);
  const [amount, setAmount] = useState(amountToInput(openInCurrency, currency));
  const [date, setDate] = useState(asOf);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('quality');
  const { isBusy, problem, save, retryRefresh, clear } = useSave(refresh);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amountMinor = amountFromInput(amount, currency) ?? 0;
    const send = () => {
      if (form === 'call')
        return apiPost('/api/v1/dunning-actions', {
          customerId: item.customerId,
          ...(item.invoices.length === 1 && invoice ? { invoiceId: invoice.invoiceId.split('#')[0] } : {}),
          stage: item.stage,
          action: item.action,
          plannedOn: item.dueSince,
          doneAt: new Date().toISOString(),
          channel: 'phone',
          notes: text || null,
        });
      if (form === 'promise')
        return apiPost('/api/v1/promises-to-pay', {
          customerId: item.customerId,
          amountMinor,
          currency,
          madeOn: asOf,
          promisedOn: date,
          note: text || null,
        });
      return apiPost('/api/v1/collections/disputes', {
        invoiceId: (invoice?.invoiceId ?? '').split('#')[0],
        reason,
        amountMinor,
        owner: text,
        openedOn: asOf,
      });
    };
    void save(send, () => close());
  };
  return (
    <form className="action-form" onSubmit={submit} aria-label={t(`col.${form}`)}>
      {form !== 'call' && (
        <label>
          {t('col.amount', { currency })}
          <input required inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
      )}
      {form === 'promise' && (
        <label>
          {t('col.promisedOn')}
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      )}
      {form === 'dispute' && (
        <label>
          {t('col.reason')}
          <select value={reason} onChange={(e) => setReason(e.target.value)}>
            {(['quality', 'quantity', 'price', 'delivery', 'not_received', 'duplicate', 'other'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`col.reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {form === 'dispute' ? t('col.owner') : t('col.note')}
        <input required={form === 'dispute'} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      <FormActions
        isBusy={isBusy}
        submitLabel={t(`col.${form}`)}
        onCancel={() => {
          clear();
          close();
        }}
      />
    </form>
  );
}

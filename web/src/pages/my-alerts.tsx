import { type FormEvent, useState } from 'react';
import { ALERT_CATEGORIES, type AlertCategory } from '../../../src/core/alerts/subscriptions.js';
import { ALERT_LEVELS, type AlertLevel } from '../../../src/core/alerts/types.js';
import { apiSend } from '../api.js';
import { FormActions } from '../components/form-parts.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { useT } from '../i18n/index.js';
import { useGet, useRefreshAll } from '../query.js';
import { word } from './alert-detail.js';

/** Most serious first, as a person picks. */
const LEVELS = [...ALERT_LEVELS].reverse();
const CATEGORIES = ALERT_CATEGORIES;
type Level = AlertLevel;
type Category = AlertCategory;
interface Subscription {
  minLevel: Level | null;
  categories: Category[];
  digest: boolean;
  locale: 'zh-CN' | 'en';
}

/**
 * Each person's own alert e-mails (the settings page): from which level and of which kinds at
 * once, whether a daily digest comes, in which language; and a preview of today's digest.
 */
export function MyAlertsCard() {
  const t = useT();
  const current = useGet('/api/v1/alerts/subscription');
  // Kept here: the form is made anew from what was saved, and still says so.
  const [isSaved, setSaved] = useState(false);
  return (
    <Card title={t('myAlerts.title')} className="wide">
      <p className="muted small">{t('myAlerts.hint')}</p>
      {current.isPending && <Loading />}
      {current.isError && <ErrorBox error={current.error} onRetry={() => void current.refetch()} />}
      {current.isSuccess && (
        <MyAlertsForm
          key={JSON.stringify(current.data)}
          saved={current.data as Subscription}
          isSaved={isSaved}
          setSaved={setSaved}
        />
      )}
    </Card>
  );
}

function MyAlertsForm(props: { saved: Subscription; isSaved: boolean; setSaved: (isSaved: boolean) => void }) {
  const { isSaved, setSaved } = props;
  const t = useT();
  const refresh = useRefreshAll();
  const [form, setForm] = useState<Subscription>(props.saved);
  const [preview, setPreview] = useState(false);
  const { isBusy, problem, save, retryRefresh } = useSave(refresh);
  const digest = useGet('/api/v1/alerts/digest', { query: { locale: form.locale }, enabled: preview });
  const change = (next: Subscription) => {
    setForm(next);
    setSaved(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(
      () => apiSend('PUT', '/api/v1/alerts/subscription', form),
      () => setSaved(true),
    );
  };
  const noKind = form.minLevel !== null && form.categories.length === 0;
  return (
    <form className="settings-form" onSubmit={submit} aria-label={t('myAlerts.title')} data-testid="my-alerts">
      <fieldset disabled={isBusy}>
        <label>
          {t('myAlerts.level')}
          <select
            name="minLevel"
            value={form.minLevel ?? ''}
            onChange={(e) => change({ ...form, minLevel: (e.target.value || null) as Level | null })}
          >
            <option value="">{t('myAlerts.none')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t('myAlerts.fromLevel', { level: word(t, `ALERT_LEVEL_${l}`) })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('myAlerts.language')}
          <select
            name="locale"
            value={form.locale}
            onChange={(e) => change({ ...form, locale: e.target.value as Subscription['locale'] })}
          >
            <option value="zh-CN" translate="no">
              中文
            </option>
            <option value="en" translate="no">
              English
            </option>
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            name="digest"
            checked={form.digest}
            onChange={(e) => change({ ...form, digest: e.target.checked })}
          />
          {t('myAlerts.digest')}
        </label>
      </fieldset>
      <fieldset disabled={isBusy || form.minLevel === null}>
        <legend>{t('myAlerts.categories')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} className="inline">
            <input
              type="checkbox"
              name={`category-${c}`}
              checked={form.categories.includes(c)}
              onChange={(e) =>
                change({
                  ...form,
                  categories: e.target.checked
                    ? CATEGORIES.filter((k) => k === c || form.categories.includes(k))
                    : form.categories.filter((k) => k !== c),
                })
              }
            />
            {word(t, `ALERT_CATEGORY_${c}`)}
          </label>
        ))}
        {noKind && (
          <p className="tone-bad small" role="alert">
            {t('myAlerts.chooseOne')}
          </p>
        )}
      </fieldset>
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      {isSaved && (
        <p className="saved" role="status" data-testid="my-alerts-saved">
          {t('myAlerts.saved')}
        </p>
      )}
      <FormActions isBusy={isBusy || noKind} submitLabel={t('myAlerts.save')} onCancel={() => change(props.saved)} />
      <div>
        <button type="button" data-testid="digest-preview" onClick={() => setPreview(true)}>
          {t('myAlerts.preview')}
        </button>
        {preview && digest.isPending && <Loading />}
        {preview && digest.isSuccess && (
          // The e-mail as it goes out, in the language chosen for it (not the page's).
          <div className="digest-preview" data-testid="digest" lang={form.locale} translate="no">
            <strong>{digest.data.subject}</strong>
            <pre>{digest.data.text}</pre>
          </div>
        )}
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import {
  type AlertSettingsForm,
  type AlertSettingsProblem,
  alertFormFromSettings,
  CHANNEL_KINDS,
  type ChannelForm,
  type ChannelKind,
  LEVELS,
  needsSecret,
  settingsFromAlertForm,
  THRESHOLDS,
} from '../alert-settings-form.js';
import { ApiError, apiSend } from '../api.js';
import type { Organisation } from '../api-types.js';
import { FormActions } from '../components/form-parts.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card } from '../components/states.js';
import { type MessageKey, useT } from '../i18n/index.js';
import { useRefreshAll } from '../query.js';
import { word } from './alert-detail.js';

const NEW_CHANNEL: ChannelForm = {
  id: '',
  kind: 'email',
  minLevel: 'warning',
  url: '',
  secret: '',
  hasSavedSecret: false,
  to: '',
};

/**
 * The settings page's alerts card: every threshold of the alert rules, and the channels alerts
 * are sent to (e-mail, 企业微信, 钉钉, 飞书, a signed webhook). Saved with the organisation's version,
 * like the other settings; a secret once saved shows as a mask and stays unless replaced.
 */
export function AlertSettingsCard(props: {
  org: Organisation;
  canEdit: boolean;
  setConflict: (isConflict: boolean) => void;
  /** Kept by the page: the card is made anew from the saved organisation, and still says it was saved. */
  isSaved: boolean;
  setSaved: (isSaved: boolean) => void;
}) {
  const { org, canEdit, setConflict, isSaved, setSaved } = props;
  const t = useT();
  const refresh = useRefreshAll();
  const [form, setForm] = useState<AlertSettingsForm>(() => alertFormFromSettings(org.settings));
  const [bad, setBad] = useState<AlertSettingsProblem | null>(null);
  const { isBusy, problem, save, retryRefresh } = useSave(refresh);
  const change = (next: AlertSettingsForm) => {
    setForm(next);
    setSaved(false);
  };
  const setThreshold = (key: (typeof THRESHOLDS)[number]['key'], value: string) =>
    change({ ...form, thresholds: { ...form.thresholds, [key]: value } });
  const setChannel = (i: number, patch: Partial<ChannelForm>) =>
    change({ ...form, channels: form.channels.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = settingsFromAlertForm(form, org.settings);
    setBad(next.ok ? null : next.field);
    if (!next.ok) return;
    void save(
      async () => {
        try {
          return await apiSend('PATCH', '/api/v1/organisation', { version: org.version, settings: next.settings });
        } catch (error) {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
            setConflict(true);
            await refresh();
          }
          throw error;
        }
      },
      () => {
        setConflict(false);
        setSaved(true);
      },
    );
  };
  const invalid = (field: AlertSettingsProblem, hint: MessageKey) =>
    bad === field ? { 'aria-invalid': true as const, 'aria-describedby': `alert-${field}-hint`, title: t(hint) } : {};
  const hint = (field: AlertSettingsProblem, key: MessageKey) =>
    bad === field && (
      <p id={`alert-${field}-hint`} className="tone-bad small" role="alert">
        {t(key)}
      </p>
    );
  return (
    <Card title={t('alertSettings.title')} className="wide">
      <p className="muted small">{t('alertSettings.hint')}</p>
      <form
        className="settings-form"
        onSubmit={submit}
        aria-label={t('alertSettings.title')}
        data-testid="alert-settings"
      >
        <fieldset disabled={!canEdit || isBusy}>
          <legend>{t('alertSettings.thresholds')}</legend>
          {THRESHOLDS.map(({ key, unit }) => (
            <div key={key}>
              <label>
                {t(`alertSettings.${key}` as MessageKey)}
                <input
                  name={key}
                  inputMode={unit === 'time' ? 'text' : 'decimal'}
                  value={form.thresholds[key]}
                  onChange={(e) => setThreshold(key, e.target.value)}
                  {...invalid(key, 'alertSettings.invalid')}
                />
              </label>
              {hint(key, 'alertSettings.invalid')}
            </div>
          ))}
        </fieldset>
        <fieldset className="channels" disabled={!canEdit || isBusy}>
          <legend>{t('alertSettings.channels')}</legend>
          {form.channels.length === 0 && <p className="muted small">{t('alertSettings.noChannels')}</p>}
          {form.channels.map((c, i) => (
            // Channels have no id until named: their place in the list is who they are here.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <div key={i} className="channel" data-testid={`channel-${i}`}>
              <div className="row">
                <label>
                  {t('alertSettings.channelId')}
                  <input
                    name={`channel-${i}-id`}
                    maxLength={50}
                    value={c.id}
                    onChange={(e) => setChannel(i, { id: e.target.value })}
                    {...invalid(`channel.${i}.id`, 'alertSettings.channelInvalid')}
                  />
                </label>
                <label>
                  {t('alertSettings.channelKind')}
                  <select
                    name={`channel-${i}-kind`}
                    value={c.kind}
                    onChange={(e) => setChannel(i, { kind: e.target.value as ChannelKind })}
                  >
                    {CHANNEL_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`alertSettings.kind.${k}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('alertSettings.minLevel')}
                  <select
                    name={`channel-${i}-level`}
                    value={c.minLevel}
                    onChange={(e) => setChannel(i, { minLevel: e.target.value as ChannelForm['minLevel'] })}
                  >
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {word(t, `ALERT_LEVEL_${l}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {c.kind === 'email' ? (
                <label>
                  {t('alertSettings.to')}
                  <input
                    name={`channel-${i}-to`}
                    translate="no"
                    value={c.to}
                    onChange={(e) => setChannel(i, { to: e.target.value })}
                    {...invalid(`channel.${i}.to`, 'alertSettings.channelInvalid')}
                  />
                </label>
              ) : (
                <label>
                  {t('alertSettings.url')}
                  <input
                    name={`channel-${i}-url`}
                    translate="no"
                    value={c.url}
                    onChange={(e) => setChannel(i, { url: e.target.value })}
                    {...invalid(`channel.${i}.url`, 'alertSettings.channelInvalid')}
                  />
                </label>
              )}
              {needsSecret(c.kind) && (
                <label>
                  {t('alertSettings.secret')}
                  <input
                    name={`channel-${i}-secret`}
                    type="password"
                    autoComplete="off"
                    placeholder={c.hasSavedSecret ? t('alertSettings.secretKept') : ''}
                    value={c.secret}
                    onChange={(e) => setChannel(i, { secret: e.target.value })}
                    {...invalid(`channel.${i}.secret`, 'alertSettings.channelInvalid')}
                  />
                </label>
              )}
              {(['id', 'url', 'secret', 'to'] as const).map((f) => (
                <span key={f}>{hint(`channel.${i}.${f}`, 'alertSettings.channelInvalid')}</span>
              ))}
              <button
                type="button"
                className="link"
                onClick={() => change({ ...form, channels: form.channels.filter((_, j) => j !== i) })}
              >
                {t('alertSettings.removeChannel')}
              </button>
            </div>
          ))}
          <button
            type="button"
            data-testid="add-channel"
            onClick={() => change({ ...form, channels: [...form.channels, NEW_CHANNEL] })}
          >
            {t('alertSettings.addChannel')}
          </button>
        </fieldset>
        <SaveProblemBox problem={problem} onRetry={retryRefresh} />
        {isSaved && (
          <p className="saved" role="status" data-testid="alert-settings-saved">
            {t('alertSettings.saved')}
          </p>
        )}
        {canEdit && (
          <FormActions
            isBusy={isBusy}
            submitLabel={t('alertSettings.save')}
            onCancel={() => change(alertFormFromSettings(org.settings))}
          />
        )}
      </form>
    </Card>
  );
}

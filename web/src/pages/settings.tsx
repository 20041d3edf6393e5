import { type FormEvent, useState } from 'react';
import { ApiError, apiSend } from '../api.js';
import type { Organisation } from '../api-types.js';
import { FormActions } from '../components/form-parts.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { type MessageKey, useT } from '../i18n/index.js';
import { formFromOrganisation, patchFromForm, type SettingsForm, type SettingsProblem } from '../org-settings.js';
import { may } from '../permissions.js';
import { useGet, useRefreshAll } from '../query.js';
import { useMe } from '../session.js';
import { AlertSettingsCard } from './alert-settings.js';
import { MyAlertsCard } from './my-alerts.js';
import { SettingsHistory } from './settings-history.js';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

/** Organisation settings: everyone may read them, an owner changes them; every change is audited. */
export default function SettingsPage() {
  const t = useT();
  const me = useMe();
  const org = useGet('/api/v1/organisation');
  const canEdit = may(me, 'manage:organisation');
  // Kept here: the card is made anew from the saved organisation, and still says it was saved.
  const [isSaved, setSaved] = useState(false);
  // Kept here too: a change refused because someone saved first reloads the card, and says so.
  const [isConflict, setConflict] = useState(false);
  const [isAlertsSaved, setAlertsSaved] = useState(false);
  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      {org.isPending && <Loading />}
      {org.isError && <ErrorBox error={org.error} onRetry={() => void org.refetch()} />}
      {isConflict && (
        <p className="notice tone-bad" role="alert" data-testid="settings-conflict">
          {t('settings.conflict')}
        </p>
      )}
      {org.isSuccess && (
        <SettingsCard
          setConflict={setConflict}
          key={JSON.stringify(org.data)}
          org={org.data}
          canEdit={canEdit}
          isSaved={isSaved}
          setSaved={setSaved}
        />
      )}
      {org.isSuccess && (
        <AlertSettingsCard
          key={`alerts-${org.data.version}`}
          org={org.data}
          canEdit={canEdit}
          setConflict={setConflict}
          isSaved={isAlertsSaved}
          setSaved={setAlertsSaved}
        />
      )}
      {me && <MyAlertsCard />}
      {may(me, 'read:audit') && <SettingsHistory />}
    </div>
  );
}

function SettingsCard(props: {
  org: Organisation;
  canEdit: boolean;
  isSaved: boolean;
  setSaved: (isSaved: boolean) => void;
  setConflict: (isConflict: boolean) => void;
}) {
  const { org, canEdit, isSaved, setSaved, setConflict } = props;
  const t = useT();
  const refresh = useRefreshAll();
  const [form, setForm] = useState<SettingsForm>(() => formFromOrganisation(org));
  const [bad, setBad] = useState<SettingsProblem | null>(null);
  const { isBusy, problem, save, retryRefresh } = useSave(refresh);
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch = patchFromForm(form, org);
    setBad(patch.ok ? null : patch.field);
    if (!patch.ok) return;
    void save(
      async () => {
        try {
          return await apiSend('PATCH', '/api/v1/organisation', patch.body);
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
  const invalid = (field: SettingsProblem) =>
    bad === field ? { 'aria-invalid': true, 'aria-describedby': `${field}-hint` } : {};
  const hint = (field: SettingsProblem, key: MessageKey) =>
    bad === field && (
      <p id={`${field}-hint`} className="tone-bad small" role="alert">
        {t(key, { currency: org.baseCurrency })}
      </p>
    );
  return (
    <Card title={t('settings.organisation')} className="wide">
      {!canEdit && <p className="notice">{t('settings.ownerOnly')}</p>}
      <form className="settings-form" onSubmit={submit} aria-label={t('settings.organisation')}>
        <fieldset disabled={!canEdit || isBusy}>
          <label>
            {t('settings.name')}
            <input
              name="name"
              required
              maxLength={200}
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          </label>
          <label>
            {t('settings.locale')}
            <select name="locale" value={form.locale} onChange={(e) => set('locale', e.target.value as 'zh-CN' | 'en')}>
              <option value="zh-CN" translate="no">
                中文
              </option>
              <option value="en" translate="no">
                English
              </option>
            </select>
          </label>
          <label>
            {t('settings.weekStart')}
            <select name="weekStart" value={form.weekStart} onChange={(e) => set('weekStart', e.target.value)}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`weekday.${d}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('settings.fiscalYear')}
            <select
              name="fiscalYearStartMonth"
              value={form.fiscalYearStartMonth}
              onChange={(e) => set('fiscalYearStartMonth', e.target.value)}
            >
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {t(`month.${m}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset disabled={!canEdit || isBusy}>
          <legend>{t('settings.minCash')}</legend>
          <p className="muted small">{t('settings.minCashHint')}</p>
          <label className="inline">
            <input
              type="radio"
              name="minCashMode"
              checked={form.minCashMode === 'months'}
              onChange={() => set('minCashMode', 'months')}
            />
            {t('settings.minCashMonths')}
          </label>
          {form.minCashMode === 'months' && (
            <div className="row">
              <label>
                {t('settings.months')}
                <input
                  name="minCashMonths"
                  inputMode="decimal"
                  value={form.minCashMonths}
                  onChange={(e) => set('minCashMonths', e.target.value)}
                  {...invalid('minCashMonths')}
                />
              </label>
              <label>
                {t('settings.basis')}
                <select
                  name="minCashBasis"
                  value={form.minCashBasis}
                  onChange={(e) => set('minCashBasis', e.target.value as 'horizon' | 'trailing90')}
                >
                  <option value="horizon">{t('settings.basis.horizon')}</option>
                  <option value="trailing90">{t('settings.basis.trailing90')}</option>
                </select>
              </label>
            </div>
          )}
          {hint('minCashMonths', 'settings.monthsInvalid')}
          <label className="inline">
            <input
              type="radio"
              name="minCashMode"
              checked={form.minCashMode === 'amount'}
              onChange={() => set('minCashMode', 'amount')}
            />
            {t('settings.minCashAmount')}
          </label>
          {form.minCashMode === 'amount' && (
            <label>
              {t('settings.amount', { currency: org.baseCurrency })}
              <input
                name="minCashAmount"
                inputMode="decimal"
                value={form.minCashAmount}
                onChange={(e) => set('minCashAmount', e.target.value)}
                {...invalid('minCashAmount')}
              />
            </label>
          )}
          {hint('minCashAmount', 'settings.amountInvalid')}
        </fieldset>
        <fieldset disabled={!canEdit || isBusy}>
          <legend>{t('settings.thresholds')}</legend>
          <label>
            {t('settings.doubtfulDays')}
            <input
              name="doubtfulOverdueDays"
              inputMode="numeric"
              value={form.doubtfulOverdueDays}
              onChange={(e) => set('doubtfulOverdueDays', e.target.value)}
              {...invalid('doubtfulOverdueDays')}
            />
          </label>
          {hint('doubtfulOverdueDays', 'settings.daysInvalid')}
          <label>
            {t('settings.receiptSlices')}
            <input
              name="receiptSlices"
              inputMode="numeric"
              value={form.receiptSlices}
              onChange={(e) => set('receiptSlices', e.target.value)}
              {...invalid('receiptSlices')}
            />
          </label>
          {hint('receiptSlices', 'settings.slicesInvalid')}
          <label>
            {t('settings.calendar')}
            <select
              name="calendar"
              value={form.calendar}
              onChange={(e) => set('calendar', e.target.value as 'CN' | 'weekends')}
            >
              <option value="CN">{t('settings.calendar.CN')}</option>
              <option value="weekends">{t('settings.calendar.weekends')}</option>
            </select>
          </label>
          <label className="inline">
            <input
              type="checkbox"
              name="autoDraw"
              checked={form.autoDraw}
              onChange={(e) => set('autoDraw', e.target.checked)}
            />
            {t('settings.autoDraw')}
          </label>
        </fieldset>
        <SaveProblemBox problem={problem} onRetry={retryRefresh} />
        {isSaved && (
          <p className="saved" role="status" data-testid="settings-saved">
            {t('settings.saved')}
          </p>
        )}
        {canEdit && (
          <FormActions
            isBusy={isBusy}
            submitLabel={t('settings.save')}
            onCancel={() => setForm(formFromOrganisation(org))}
          />
        )}
      </form>
    </Card>
  );
}

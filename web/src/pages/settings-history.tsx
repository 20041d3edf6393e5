import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatDateTime } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { changedKeys } from '../org-settings.js';
import { actorLabel, may } from '../permissions.js';
import { useGet } from '../query.js';
import { useMe } from '../session.js';

/** The latest changes of the settings from the audit log: when, who, what. */
export function SettingsHistory() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const audit = useGet('/api/v1/audit', { query: { entityType: 'organisation', limit: 10 } });
  const members = useGet('/api/v1/members', { enabled: may(me, 'manage:members') });
  const nameOf = new Map((members.data?.items ?? []).map((m) => [`user:${m.userId}`, m.name || m.email]));
  const keyText = (k: string) => {
    const key = `settings.key.${k}` as MessageKey;
    return t(key) === key ? t('settings.key.other') : t(key);
  };
  return (
    <Card title={t('settings.history')} className="wide">
      {audit.isPending && <Loading />}
      {audit.isError && <ErrorBox error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && audit.data.items.length === 0 && <p className="muted">{t('settings.noHistory')}</p>}
      {audit.isSuccess && audit.data.items.length > 0 && (
        <ul className="history" data-testid="settings-history">
          {audit.data.items.map((a) => (
            <li key={a.id}>
              <span className="muted small">{formatDateTime(a.at, locale)}</span>{' '}
              <span translate="no">{actorLabel(a.actor, me, nameOf.get(a.actor))}</span>:{' '}
              {[...new Set(changedKeys(a.before, a.after).map(keyText))].join(locale === 'zh-CN' ? '、' : ', ') ||
                t('settings.noChange')}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

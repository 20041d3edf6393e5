import { type FormEvent, useState } from 'react';
import { apiPost, apiSend } from '../api.js';
import type { WriteAnswer } from '../api-types.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatDateTime } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { may } from '../permissions.js';
import { useGet, useRefreshAll } from '../query.js';
import { useMe } from '../session.js';
import { NoPermission } from './no-permission.js';

type Created = WriteAnswer<'/api/v1/tokens', 'post'>;
/** The roles a token may hold (never owner: the API refuses it). */
const TOKEN_ROLES = ['viewer', 'credit_controller', 'finance'] as const;
type TokenRole = (typeof TOKEN_ROLES)[number];

/** API tokens for programs: create one (its secret is shown once), see when each was used, revoke. */
export default function TokensPage() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const tokens = useGet('/api/v1/tokens', { enabled: may(me, 'manage:tokens') });
  const { isBusy, problem, save, retryRefresh } = useSave(useRefreshAll());
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenRole>('viewer');
  const [created, setCreated] = useState<Created | null>(null);
  if (!may(me, 'manage:tokens')) return <NoPermission />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(
      () => apiPost<Created>('/api/v1/tokens', { name: name.trim(), role }),
      (answer) => {
        setCreated(answer);
        setName('');
      },
    );
  };
  const revoke = (id: string) =>
    void save(
      () => apiSend('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`),
      () => undefined,
    );
  const when = (at: string | null) => (at ? formatDateTime(at, locale) : '—');
  return (
    <div className="page">
      <h1>{t('tokens.title')}</h1>
      <Card title={t('tokens.create')} className="wide">
        <p className="muted small">{t('tokens.hint')}</p>
        <form className="inline-form" onSubmit={submit} aria-label={t('tokens.create')}>
          <label>
            {t('tokens.name')}
            <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t('team.role')}
            <select name="role" value={role} onChange={(e) => setRole(e.target.value as TokenRole)}>
              {TOKEN_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={isBusy}>
            {t('tokens.create')}
          </button>
        </form>
        <SaveProblemBox problem={problem} onRetry={retryRefresh} />
        {created && (
          <div className="secret" role="status" data-testid="token-secret">
            <p>{t('tokens.created', { name: created.name })}</p>
            <code translate="no">{created.token}</code>
          </div>
        )}
      </Card>
      <Card title={t('tokens.list')} className="wide">
        {tokens.isPending && <Loading />}
        {tokens.isError && <ErrorBox error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.isSuccess && tokens.data.items.length === 0 && <p className="muted">{t('tokens.none')}</p>}
        {tokens.isSuccess && tokens.data.items.length > 0 && (
          <div className="table-wrap">
            <table data-testid="tokens">
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  <th scope="col">{t('team.role')}</th>
                  <th scope="col">{t('tokens.createdAt')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">{t('team.status')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('team.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.items.map((k) => (
                  <tr key={k.id} data-name={k.name}>
                    <td translate="no">{k.name}</td>
                    <td>{t(`role.${k.role}` as MessageKey)}</td>
                    <td>{when(k.createdAt)}</td>
                    <td>{when(k.lastUsedAt)}</td>
                    <td>{k.revokedAt ? t('tokens.revoked', { date: when(k.revokedAt) }) : t('tokens.active')}</td>
                    <td>
                      {!k.revokedAt && (
                        <button type="button" className="small-button" disabled={isBusy} onClick={() => revoke(k.id)}>
                          {t('team.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

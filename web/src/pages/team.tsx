import { type FormEvent, useState } from 'react';
import { apiPost, apiSend } from '../api.js';
import type { GetAnswer, WriteAnswer } from '../api-types.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { may } from '../permissions.js';
import { useGet, useRefreshAll } from '../query.js';
import { useMe } from '../session.js';
import { NoPermission } from './no-permission.js';

type Member = GetAnswer<'/api/v1/members'>['items'][number];
type Invited = WriteAnswer<'/api/v1/invitations', 'post'>;
const ROLES = ['owner', 'finance', 'credit_controller', 'viewer'] as const;
type Role = (typeof ROLES)[number];

/** Members and their roles, and the invitations: for those who manage members (owners). */
export default function TeamPage() {
  const t = useT();
  const me = useMe();
  if (!may(me, 'manage:members')) return <NoPermission />;
  return (
    <div className="page">
      <h1>{t('team.title')}</h1>
      <Members />
      <Invitations />
    </div>
  );
}

function Members() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const members = useGet('/api/v1/members');
  return (
    <Card title={t('team.members')} className="wide">
      {members.isPending && <Loading />}
      {members.isError && <ErrorBox error={members.error} onRetry={() => void members.refetch()} />}
      {members.isSuccess && (
        <div className="table-wrap">
          <table data-testid="members">
            <thead>
              <tr>
                <th scope="col">{t('team.name')}</th>
                <th scope="col">{t('team.email')}</th>
                <th scope="col">{t('team.role')}</th>
                <th scope="col">{t('team.joined')}</th>
                <th scope="col">
                  <span className="sr-only">{t('team.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((m) => (
                <tr key={m.userId} data-email={m.email}>
                  <td translate="no">{m.name || '—'}</td>
                  <td translate="no">{m.email}</td>
                  <td>
                    <RoleCell member={m} isSelf={m.userId === me?.user?.id} />
                  </td>
                  <td>{formatDate(m.joinedAt.slice(0, 10), locale)}</td>
                  <td>{m.userId !== me?.user?.id && <RemoveMember member={m} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function RoleCell({ member, isSelf }: { member: Member; isSelf: boolean }) {
  const t = useT();
  const { isBusy, problem, save, retryRefresh } = useSave(useRefreshAll());
  const change = (role: Role) =>
    void save(
      () => apiSend('PATCH', `/api/v1/members/${encodeURIComponent(member.userId)}`, { role }),
      () => undefined,
    );
  if (isSelf) return <>{t(`role.${member.role}` as MessageKey)}</>;
  return (
    <>
      <select
        aria-label={t('team.roleOf', { name: member.name || member.email })}
        value={member.role}
        disabled={isBusy}
        onChange={(e) => change(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
    </>
  );
}

function RemoveMember({ member }: { member: Member }) {
  const t = useT();
  const { isBusy, problem, save, retryRefresh } = useSave(useRefreshAll());
  const remove = () => {
    if (!window.confirm(t('team.removeConfirm', { name: member.name || member.email }))) return;
    void save(
      () => apiSend('DELETE', `/api/v1/members/${encodeURIComponent(member.userId)}`),
      () => undefined,
    );
  };
  return (
    <>
      <button type="button" className="small-button" disabled={isBusy} onClick={remove}>
        {t('team.remove')}
      </button>
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
    </>
  );
}

function Invitations() {
  const t = useT();
  const locale = useLocale();
  const invitations = useGet('/api/v1/invitations');
  const refresh = useRefreshAll();
  const { isBusy, problem, save, retryRefresh } = useSave(refresh);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [invited, setInvited] = useState<Invited | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(
      () => apiPost<Invited>('/api/v1/invitations', { email: email.trim(), role }),
      (answer) => {
        setInvited(answer);
        setEmail('');
      },
    );
  };
  const revoke = (id: string) =>
    void save(
      () => apiSend('DELETE', `/api/v1/invitations/${encodeURIComponent(id)}`),
      () => undefined,
    );
  const link = invited ? `${window.location.origin}/invitation?token=${encodeURIComponent(invited.token)}` : '';
  return (
    <Card title={t('team.invitations')} className="wide">
      <form className="inline-form" onSubmit={submit} aria-label={t('team.invite')}>
        <label>
          {t('team.email')}
          <input type="email" name="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('team.role')}
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={isBusy}>
          {t('team.invite')}
        </button>
      </form>
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      {invited && (
        <div className="secret" role="status" data-testid="invitation-link">
          <p>{t('team.invited', { email: invited.email, date: formatDate(invited.expiresAt.slice(0, 10), locale) })}</p>
          <code translate="no">{link}</code>
        </div>
      )}
      {invitations.isError && <ErrorBox error={invitations.error} onRetry={() => void invitations.refetch()} />}
      {invitations.isSuccess && invitations.data.items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="invitations">
            <thead>
              <tr>
                <th scope="col">{t('team.email')}</th>
                <th scope="col">{t('team.role')}</th>
                <th scope="col">{t('team.status')}</th>
                <th scope="col">{t('team.expires')}</th>
                <th scope="col">
                  <span className="sr-only">{t('team.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.items.map((i) => (
                <tr key={i.id} data-email={i.email}>
                  <td translate="no">{i.email}</td>
                  <td>{t(`role.${i.role}` as MessageKey)}</td>
                  <td>{t(`invitation.${i.status}` as MessageKey)}</td>
                  <td>{formatDate(i.expiresAt.slice(0, 10), locale)}</td>
                  <td>
                    {i.status === 'open' && (
                      <button type="button" className="small-button" disabled={isBusy} onClick={() => revoke(i.id)}>
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
  );
}

import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'wouter';
import { apiPost } from '../api.js';
import { LanguageSwitch } from '../components/layout.js';
import { ErrorBox } from '../components/states.js';
import { useT } from '../i18n/index.js';

/** The page an invitation link opens: a name and a password, then the login page. */
export function AcceptInvitation({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiPost('/api/v1/invitations/accept', { token, name: name.trim(), password });
      onDone();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <form className="card login-card" onSubmit={submit}>
        <h1>{t('accept.title')}</h1>
        <p className="muted">{t('accept.subtitle')}</p>
        <label>
          {t('team.name')}
          <input name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('login.password')}
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <p className="muted small">{t('accept.passwordHint')}</p>
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="primary" disabled={busy || !token}>
          {t('accept.submit')}
        </button>
      </form>
    </main>
  );
}

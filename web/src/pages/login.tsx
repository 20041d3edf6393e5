import { type FormEvent, useEffect, useState } from 'react';
import { apiPost } from '../api.js';
import { LanguageSwitch } from '../components/layout.js';
import { withNames } from '../components/named.js';
import { ErrorBox } from '../components/states.js';
import { useLocale, useT } from '../i18n/index.js';
import { useGet } from '../query.js';

/**
 * The login form. A refused login shows the API's words (wrong e-mail or password, locked out,
 * too many attempts); the demo login is shown only while the server says its password is unchanged.
 */
export function Login({ onLogin }: { onLogin: () => void }) {
  const t = useT();
  const hint = useGet('/api/v1/auth/login-hint', { hasWords: false });
  const locale = useLocale();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The API wrote the message in the language of the time: a switch clears it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is the trigger
  useEffect(() => setError(null), [locale]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiPost('/api/v1/auth/login', { email, password });
      onLogin();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const demo = hint.data?.demo;
  return (
    <main className="login" id="main">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <form className="card login-card" onSubmit={submit}>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <label>
          {t('login.email')}
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        {demo && (
          <p className="muted small" data-testid="demo-login">
            {withNames(t, 'login.demo', {}, { email: demo.email, password: demo.password })}
          </p>
        )}
      </form>
    </main>
  );
}

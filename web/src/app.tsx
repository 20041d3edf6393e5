import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError, apiGet, apiPost, setUnauthenticatedHandler } from './api.js';
import { Layout } from './components/layout.js';
import { ErrorBox, Loading } from './components/states.js';
import { Login } from './pages/login.js';
import { parseRoute, usePath } from './router.js';
import { SessionProvider } from './session.js';
import type { Me } from './types.js';

// Each page is its own chunk: the login page loads neither ECharts nor any page code.
const Overview = lazy(() => import('./pages/overview.js'));
const ForecastPage = lazy(() => import('./pages/forecast.js'));
const Receivables = lazy(() => import('./pages/receivables.js'));
const CustomerPage = lazy(() => import('./pages/customer.js'));
const ImportPage = lazy(() => import('./pages/import.js'));

type Session = { state: 'checking' } | { state: 'out' } | { state: 'in'; me: Me } | { state: 'error'; error: unknown };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const route = parseRoute(usePath());
  const check = useCallback(() => {
    apiGet<Me>('/api/v1/auth/me').then(
      (me) => setSession({ state: 'in', me }),
      (error: unknown) =>
        setSession(error instanceof ApiError && error.status === 401 ? { state: 'out' } : { state: 'error', error }),
    );
  }, []);
  useEffect(() => {
    check();
    setUnauthenticatedHandler(() => setSession({ state: 'out' }));
    return () => setUnauthenticatedHandler(null);
  }, [check]);
  const logout = async () => {
    await apiPost('/api/v1/auth/logout', {}).catch(() => undefined);
    setSession({ state: 'out' });
  };
  if (session.state === 'checking') return <Loading />;
  if (session.state === 'error') return <ErrorBox error={session.error} onRetry={check} />;
  if (session.state === 'out') return <Login onLogin={check} />;
  return (
    <SessionProvider me={session.me}>
      <Layout route={route} onLogout={logout}>
        <Suspense fallback={<Loading />}>
          {route.page === 'overview' && <Overview />}
          {route.page === 'forecast' && <ForecastPage />}
          {route.page === 'receivables' && <Receivables />}
          {route.page === 'customer' && <CustomerPage key={route.customerId} customerId={route.customerId} />}
          {route.page === 'import' && <ImportPage />}
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}

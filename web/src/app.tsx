import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { ApiError, apiPost, setUnauthenticatedHandler } from './api.js';
import { Layout } from './components/layout.js';
import { ErrorBox, Loading } from './components/states.js';
import { AcceptInvitation } from './pages/accept-invitation.js';
import { Login } from './pages/login.js';
import { NotFound } from './pages/not-found.js';
import { createQueryClient, useGet } from './query.js';
import { SessionProvider } from './session.js';

// Each page is its own chunk: the login page loads neither ECharts nor any page code.
const Overview = lazy(() => import('./pages/overview.js'));
const AlertsPage = lazy(() => import('./pages/alerts.js'));
const ForecastPage = lazy(() => import('./pages/forecast.js'));
const StressPage = lazy(() => import('./pages/stress.js'));
const Receivables = lazy(() => import('./pages/receivables.js'));
const FxPage = lazy(() => import('./pages/fx.js'));
const CustomerPage = lazy(() => import('./pages/customer.js'));
const InsurancePage = lazy(() => import('./pages/insurance.js'));
const ImportPage = lazy(() => import('./pages/import.js'));
const SettingsPage = lazy(() => import('./pages/settings.js'));
const TeamPage = lazy(() => import('./pages/team.js'));
const TokensPage = lazy(() => import('./pages/tokens.js'));
const BankPage = lazy(() => import('./pages/bank.js'));
const CollectionsPage = lazy(() => import('./pages/collections.js'));

const client = createQueryClient();

/** A path segment as the router gives it ('demo%3Ac-0002') decoded to the id it names. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not percent-encoded text: the segment is the id itself
  }
}

export function App() {
  const [location, navigate] = useLocation();
  return (
    <QueryClientProvider client={client}>
      {location === '/invitation' ? <AcceptInvitation onDone={() => navigate('/')} /> : <Session />}
    </QueryClientProvider>
  );
}

/** The caller (GET /auth/me): the login page while there is none, else the pages. */
function Session() {
  const queries = useQueryClient();
  const me = useGet('/api/v1/auth/me', { hasWords: false });
  useEffect(() => {
    // Any answer 401 (the session ended): ask who is calling again, which shows the login page.
    setUnauthenticatedHandler(() => void queries.invalidateQueries({ queryKey: ['api'] }));
    return () => setUnauthenticatedHandler(null);
  }, [queries]);
  const isOut = me.error instanceof ApiError && me.error.status === 401;
  if (isOut) return <Login onLogin={() => queries.resetQueries({ queryKey: ['api'] })} />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorBox error={me.error} onRetry={() => void me.refetch()} />;
  const logout = async () => {
    await apiPost('/api/v1/auth/logout', {}).catch(() => undefined);
    // Every answer of this session is dropped (reset, not only marked stale): the next user starts empty.
    await queries.resetQueries({ queryKey: ['api'] });
  };
  return (
    <SessionProvider me={me.data}>
      <Layout onLogout={logout}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={Overview} />
            <Route path="/alerts" component={AlertsPage} />
            <Route path="/forecast" component={ForecastPage} />
            <Route path="/stress" component={StressPage} />
            <Route path="/receivables" component={Receivables} />
            <Route path="/collections" component={CollectionsPage} />
            <Route path="/insurance" component={InsurancePage} />
            <Route path="/fx" component={FxPage} />
            <Route path="/customers/:id">
              {(params) => <CustomerPage key={params.id} customerId={decodeSegment(params.id)} />}
            </Route>
            <Route path="/import" component={ImportPage} />
            <Route path="/bank" component={BankPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route path="/team" component={TeamPage} />
            <Route path="/tokens" component={TokensPage} />
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}

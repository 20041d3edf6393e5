import { useSyncExternalStore } from 'react';

/** A minimal history router: the path is the page; the server answers index.html for every page path. */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', path);
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export type Route =
  | { readonly page: 'overview' }
  | { readonly page: 'forecast' }
  | { readonly page: 'receivables' }
  | { readonly page: 'customer'; readonly customerId: string }
  | { readonly page: 'import' };

/** '/customers/C1' → { page: 'customer', customerId: 'C1' }; anything unknown is the overview. */
export function parseRoute(path: string): Route {
  const customer = /^\/customers\/([^/]+)\/?$/.exec(path);
  if (customer?.[1]) return { page: 'customer', customerId: decodeURIComponent(customer[1]) };
  if (path.startsWith('/forecast')) return { page: 'forecast' };
  if (path.startsWith('/receivables')) return { page: 'receivables' };
  if (path.startsWith('/import')) return { page: 'import' };
  return { page: 'overview' };
}

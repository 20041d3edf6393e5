import { QueryClient, type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, apiGet } from './api.js';
import type { GetAnswer, GetPath, GetQuery, PathParams } from './api-types.js';
import { useLocale } from './i18n/index.js';

/**
 * The dashboard's data layer: every GET goes through TanStack Query, keyed by the path (with its
 * query) and the language, because the API words reasons and errors in the caller's language.
 * Answers stay fresh for 30 s (as long as the server's report cache) and every write invalidates
 * them all, so a page never shows what a write has changed.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again (not found, forbidden); a network error may.
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
}

type Params = Readonly<Record<string, string | number | boolean | undefined>>;

/** '/api/v1/x/{id}' with { id: 'a b' } and { q: 'k' } → '/api/v1/x/a%20b?q=k' (undefined values left out). */
export function apiUrl(path: string, pathParams: Params = {}, query: Params = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathParams[name] ?? '')));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

export interface GetOptions<P extends GetPath> {
  readonly path?: PathParams<P>;
  readonly query?: GetQuery<P>;
  /** false: wait (a value the request needs is not known yet). */
  readonly enabled?: boolean;
  /** Keep the previous answer on screen while the next loads (paging, sorting). */
  readonly keepPrevious?: boolean;
  /** false for an answer with no words in it (who is calling): not read again when the language changes. */
  readonly hasWords?: boolean;
}

/** GET `path` through the cache, typed by the OpenAPI document. */
export function useGet<P extends GetPath>(path: P, options: GetOptions<P> = {}): UseQueryResult<GetAnswer<P>> {
  const locale = useLocale();
  const url = apiUrl(path, (options.path ?? {}) as Params, (options.query ?? {}) as Params);
  return useQuery({
    queryKey: options.hasWords === false ? ['api', url] : ['api', url, locale],
    queryFn: () => apiGet<GetAnswer<P>>(url),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: (previous: GetAnswer<P> | undefined) => previous } : {}),
  });
}

/**
 * After a write: marks every answer stale and reads again what is on screen; resolves when the
 * page shows the new state, rejects when reading it again failed.
 */
export function useRefreshAll(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: ['api'] }, { throwOnError: true }), [client]);
}

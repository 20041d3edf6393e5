import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

/**
 * Page state kept in the URL's query (granularity, scenario, sort, filter, page), so that a view
 * can be reloaded and shared. A value equal to its default is left out of the URL.
 */
export function useUrlState<T extends string>(
  key: string,
  fallback: T,
  allowed?: readonly T[],
): [T, (value: T) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(key);
  const value = raw !== null && (!allowed || (allowed as readonly string[]).includes(raw)) ? (raw as T) : fallback;
  const set = useCallback(
    (next: T) =>
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          if (next === fallback || next === '') copy.delete(key);
          else copy.set(key, next);
          return copy;
        },
        { replace: true },
      ),
    [key, fallback, setParams],
  );
  return [value, set];
}

/** Several URL values changed at once (a new sort goes back to the first page). */
export function useUrlUpdate(): (changes: Readonly<Record<string, string | null>>) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (changes) =>
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null || v === '') copy.delete(k);
            else copy.set(k, v);
          }
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
}

/** A page number from the URL: 1 when absent or not a positive integer. */
export function usePageNumber(key = 'page'): [number, (page: number) => void] {
  const [raw, set] = useUrlState<string>(key, '1');
  const n = Number(raw);
  const page = Number.isInteger(n) && n >= 1 ? n : 1;
  return [page, (p: number) => set(String(p))];
}

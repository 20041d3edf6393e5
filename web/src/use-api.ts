import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from './api.js';
import { useLocale } from './i18n/index.js';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'ready'; readonly data: T; readonly isRefreshing: boolean };

/**
 * GETs `path` (null: nothing to load yet) and loads again when it changes, keeping the previous
 * data on screen meanwhile (`isRefreshing`). A failed load is retried when the language changes,
 * so the API's error message, written in the caller's language, follows the switch.
 */
export function useApi<T>(path: string | null): Loadable<T> & { reload: () => void } {
  const locale = useLocale();
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger
  useEffect(() => {
    if (path === null) return;
    let isCurrent = true;
    setValue((v) => (v.state === 'ready' ? { ...v, isRefreshing: true } : { state: 'loading' }));
    apiGet<T>(path).then(
      (data) => isCurrent && setValue({ state: 'ready', data, isRefreshing: false }),
      (error: unknown) => isCurrent && setValue({ state: 'error', error }),
    );
    return () => {
      isCurrent = false;
    };
  }, [path, tick]);
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current === locale) return;
    shownLocale.current = locale;
    if (value.state === 'error') reload();
  }, [locale, value.state, reload]);
  return { ...value, reload };
}

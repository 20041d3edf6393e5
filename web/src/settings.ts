import { useSyncExternalStore } from 'react';

/** Whether large CNY amounts show in 万 (Chinese only), remembered in localStorage. */
const KEY = 'cashguard.wan';
const listeners = new Set<() => void>();
let isWan = typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === '1';

export function setWan(value: boolean): void {
  isWan = value;
  localStorage.setItem(KEY, value ? '1' : '0');
  for (const l of listeners) l();
}

export function useWan(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => isWan,
  );
}

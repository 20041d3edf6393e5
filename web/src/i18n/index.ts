import i18next from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';
import { en, type MessageKey } from './en.js';
import { zhCN } from './zh-CN.js';

/** The same tags as the server's `Locale` (src/i18n): what Accept-Language carries. */
export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'cashguard.locale';

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The language stored by the switch, else the browser's first language (Chinese unless it is English). */
export function detectLocale(stored: string | null, languages: readonly string[]): Locale {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  for (const tag of languages) {
    const t = tag.toLowerCase();
    if (t.startsWith('zh')) return 'zh-CN';
    if (t.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

const listeners = new Set<() => void>();
let current: Locale = 'zh-CN';

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale, remember = true): void {
  current = locale;
  void i18n.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (remember && typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale);
  for (const l of listeners) l();
}

export function initLocale(): void {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages;
  setLocale(detectLocale(stored, languages), false);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale);
}

export type TFunction = (key: MessageKey, values?: Record<string, unknown>) => string;

/** A translator bound to a language (no React needed: used by tests and formatting helpers). */
export function translator(locale: Locale): TFunction {
  const fixed = i18n.getFixedT(locale);
  return (key, values) => fixed(key, values ?? {});
}

/** The texts of the current language; components re-render when the language changes. */
export function useT(): TFunction {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

/** A forecast reason code in words: 'PLACED_P50_CUSTOMER_HISTORY' → 'Typical … · from the customer's …'; never the code. */
export function reasonText(t: TFunction, code: string): string {
  const known = (key: string) => (key in en ? t(key as MessageKey) : null);
  const whole = known(`reason.${code}`);
  if (whole) return whole;
  const match = /^(.*)_(CUSTOMER_HISTORY|PORTFOLIO_HISTORY)$/.exec(code);
  const head = match ? known(`reason.${match[1]}`) : null;
  if (match && head) return `${head} · ${t(`reason.${match[2]}` as MessageKey)}`;
  return t('reason.other');
}

/** An industry code in words ('construction' → '建筑业'); an industry the page does not know reads as 'other'. */
export function industryText(t: TFunction, code: string): string {
  return `industry.${code}` in en ? t(`industry.${code}` as MessageKey) : t('industry.other');
}

/** A forecast line key in words; unknown keys (a custom category) show as they are. */
export function lineText(t: TFunction, key: string): string {
  return `line.${key}` in en ? t(`line.${key}` as MessageKey) : key;
}

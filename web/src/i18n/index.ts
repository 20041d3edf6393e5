import i18next from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';
// The forecast's reasons and lines are worded once, for the command line, the Excel export and these pages.
import * as alertWords from '../../../src/i18n/catalogues/alerts.js';
// Payment-matching reasons and bank-file messages: worded once, for the command line and this page.
import * as bankWords from '../../../src/i18n/catalogues/bank.js';
import * as forecastWords from '../../../src/i18n/catalogues/forecast.js';
import * as shared from '../../../src/i18n/catalogues/forecast-reasons.js';
// The currency report is worded once too, for `cashguard fx` and the currency exposure page.
import * as fxWords from '../../../src/i18n/catalogues/fx.js';
import * as stressWords from '../../../src/i18n/catalogues/stress.js';
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
  resources: {
    en: {
      translation: {
        ...en,
        ...shared.en,
        ...forecastWords.en,
        ...stressWords.en,
        ...bankWords.en,
        ...alertWords.en,
        ...fxWords.en,
      },
    },
    'zh-CN': {
      translation: {
        ...zhCN,
        ...shared.zhCN,
        ...forecastWords.zhCN,
        ...stressWords.zhCN,
        ...bankWords.zhCN,
        ...alertWords.zhCN,
        ...fxWords.zhCN,
      },
    },
  },
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

const HISTORY = /^(.*)_(CUSTOMER_HISTORY|PORTFOLIO_HISTORY)$/;
const isShared = (key: string) => Object.hasOwn(shared.en, key);
/** A key of the server's stress catalogue (STRESS_…), through the page's translator. */
export const stressText = (t: TFunction, key: string, values?: Record<string, unknown>): string =>
  t(key as MessageKey, values);

/** A key of the shared forecast catalogue, through the page's translator. */
const said = (t: TFunction, key: string, values?: Record<string, unknown>) => t(key as MessageKey, values);

/**
 * Why a forecast item is where it is, in words (the server's own wording of its reason code and
 * data): 'INSOLVENCY_RECOVERY' with its dates → '破产程序中（2026-11-15）：预计 2028-05-08 收回 20 %';
 * a placement from history names whose; a risk-adjusted amount says by how much. Never the code.
 */
export function reasonText(t: TFunction, code: string, data: Readonly<Record<string, string | number>> = {}): string {
  const values: Record<string, unknown> = { ...data };
  if (typeof data.status === 'string' && Object.hasOwn(en, `risk.status.${data.status}`))
    values.status = t(`risk.status.${data.status}` as MessageKey);
  const parts: string[] = [];
  const match = HISTORY.exec(code);
  if (isShared(`FORECAST_REASON_${code}`)) parts.push(said(t, `FORECAST_REASON_${code}`, values));
  else if (match && isShared(`FORECAST_REASON_${match[1]}`))
    parts.push(said(t, `FORECAST_REASON_${match[1]}`, values), said(t, `FORECAST_REASON_${match[2]}`));
  else parts.push(t('reason.other'));
  if (typeof data.parts === 'number' && data.parts > 1) {
    const spread =
      typeof data.partPct !== 'number' ? 'SPREAD_PARTS' : data.period === 'month' ? 'SPREAD_MONTH' : 'SPREAD_WEEK';
    parts.push(said(t, `FORECAST_REASON_${spread}`, values));
  }
  if (typeof data.expectedPct === 'number') parts.push(said(t, 'FORECAST_REASON_RISK', values));
  return parts.join(' · ');
}

/** An industry code in words ('construction' → '建筑业'); an industry the page does not know reads as 'other'. */
export function industryText(t: TFunction, code: string): string {
  return `industry.${code}` in en ? t(`industry.${code}` as MessageKey) : t('industry.other');
}

/**
 * A scenario's verdict in the forecast's own words (the same as `cashguard forecast`): the buffer
 * (below now, first below at the close of period N, or not below), the runway counting the undrawn
 * committed credit, and the credit-risk adjustment of receipts.
 */
export function outlookText(
  t: TFunction,
  f: {
    readonly granularity: string;
    readonly isBelowBufferAtStart: boolean;
    readonly opening: { readonly totalMinor: number };
    readonly bufferMinor: number;
  },
  s: {
    readonly firstBreach: { readonly index: number; readonly endOn: string } | null;
    readonly runwayWeeks: number | null;
    readonly runwayHorizonWeeks: number;
    readonly runwayCreditMinor: number;
    readonly riskAdjustmentMinor: number;
  },
  money: (minor: number) => string,
  date: (on: string) => string,
): string[] {
  const unit = said(t, f.granularity === 'week' ? 'FORECAST_PERIOD_WEEK' : 'FORECAST_PERIOD_MONTH');
  const out = [
    f.isBelowBufferAtStart
      ? said(t, 'FORECAST_BREACH_NOW', { opening: money(f.opening.totalMinor), buffer: money(f.bufferMinor) })
      : s.firstBreach
        ? said(t, 'FORECAST_BREACH_PERIOD', { n: s.firstBreach.index + 1, unit, endOn: date(s.firstBreach.endOn) })
        : said(t, 'FORECAST_NO_BREACH'),
    said(t, s.runwayWeeks === null ? 'FORECAST_RUNWAY_BEYOND' : 'FORECAST_RUNWAY_WITHIN', {
      weeks: s.runwayWeeks ?? s.runwayHorizonWeeks,
      credit: money(s.runwayCreditMinor),
    }),
  ];
  if (s.riskAdjustmentMinor > 0)
    out.push(said(t, 'FORECAST_RISK_ADJUSTMENT', { amount: money(s.riskAdjustmentMinor) }));
  return out;
}

/** A forecast line key in words; unknown keys (a custom category) show as they are. */
export function lineText(t: TFunction, key: string): string {
  return isShared(`FORECAST_LINE_${key}`) ? said(t, `FORECAST_LINE_${key}`) : key;
}

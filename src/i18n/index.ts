import i18next, { type i18n } from 'i18next';
import * as alerts from './catalogues/alerts.js';
import * as api from './catalogues/api.js';
import * as bank from './catalogues/bank.js';
import * as cli from './catalogues/cli.js';
import * as collections from './catalogues/collections.js';
import * as collectionsMessages from './catalogues/collections-messages.js';
import * as common from './catalogues/common.js';
import * as credit from './catalogues/credit.js';
import * as creditScoring from './catalogues/credit-scoring.js';
import * as creditWords from './catalogues/credit-words.js';
import * as creditRiskPlus from './catalogues/creditriskplus.js';
import * as distress from './catalogues/distress.js';
import * as forecast from './catalogues/forecast.js';
import * as forecastReasons from './catalogues/forecast-reasons.js';
import * as fx from './catalogues/fx.js';
import * as importNs from './catalogues/import.js';
import * as insurance from './catalogues/insurance.js';
import * as insuranceConnector from './catalogues/insurance-connector.js';
import * as receivables from './catalogues/receivables.js';
import * as stress from './catalogues/stress.js';
import * as writeRules from './catalogues/write-rules.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * All namespaces merge into one flat catalogue per language: codes are unique across the
 * product (an error code means one thing wherever it shows).
 */
const NAMESPACES = [
  common,
  importNs,
  receivables,
  credit,
  creditScoring,
  creditWords,
  creditRiskPlus,
  distress,
  forecast,
  forecastReasons,
  fx,
  cli,
  api,
  writeRules,
  stress,
  bank,
  alerts,
  collections,
  collectionsMessages,
  insurance,
  insuranceConnector,
];

function merge(lang: 'en' | 'zhCN'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ns of NAMESPACES) {
    for (const [k, v] of Object.entries(ns[lang])) {
      if (k in out) throw new Error(`i18n key ${k} is defined twice`);
      out[k] = v;
    }
  }
  return out;
}

let instance: i18n | undefined;

function get(): i18n {
  if (instance) return instance;
  const inst = i18next.createInstance();
  void inst.init({
    initAsync: false,
    resources: { en: { translation: merge('en') }, 'zh-CN': { translation: merge('zhCN') } },
    lng: 'zh-CN',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = inst;
  return inst;
}

/**
 * The message for a code in a language, with the details interpolated. An unknown code
 * falls back to the code itself followed by its details, so nothing is ever silently blank.
 *
 * @example
 * translate('UNKNOWN_CURRENCY', { value: 'RMB' }, 'en') // 'Unknown currency "RMB".'
 */
export function translate(code: string, details: Record<string, unknown>, locale: Locale): string {
  const t = get().getFixedT(locale);
  if (!get().exists(code, { lng: locale })) {
    const parts = Object.entries(details)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${String(v)}`);
    return parts.length ? `${code} (${parts.join(', ')})` : code;
  }
  return t(code, details);
}

/** Whether a code has words in the catalogues (both languages define the same codes). */
export function hasMessage(code: string): boolean {
  return get().exists(code, { lng: 'en' });
}

/** Picks the locale from a language tag or Accept-Language header value; Chinese by default. */
export function pickLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'zh-CN';
  const first = tag.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** Every code defined in a language (tests check both languages define the same codes). */
export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(merge(locale === 'en' ? 'en' : 'zhCN')).sort();
}

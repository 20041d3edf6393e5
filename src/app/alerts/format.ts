import type { Worded } from '../../core/alerts/index.js';
import { formatMoney } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';

/** Data values that are codes, worded: a legal event type, a scenario, a signal, a metric basis. */
const CODED: Readonly<Record<string, (v: string) => string>> = {
  type: (v) => `CR_LEGAL_TYPE_${v}`,
  scenario: (v) => `ALERT_SCENARIO_${v}`,
  deadline: (v) => `INS_DEADLINE_${v}`,
  signal: (v) => `ALERT_SIGNAL_${v}`,
  basis: (v) => (v === 'openAr' ? 'AR_BASIS_OPEN_AR' : 'AR_BASIS_SALES_T12'),
  ceiBasis: (v) => `AR_CEI_BASIS_${v}`,
  override: (v) => `CW_OVERRIDE_${v.replace(/^CS_OVERRIDE_/, '')}`,
  position: (v) => `ALERT_FX_POSITION_${v}`,
  direction: (v) => `ALERT_FX_DIRECTION_${v}`,
};

/** The currency of an amount in data: an event's own currency, a hedge in the foreign currency, else the alert's. */
function currencyOf(k: string, data: Worded['data'], cur: string): string {
  if (k === 'amountMinor' && typeof data.eventCurrency === 'string') return data.eventCurrency;
  if (k === 'hedgeAmountMinor' && typeof data.fxCurrency === 'string') return data.fxCurrency;
  return cur;
}

/**
 * A reason or an action in words: every `xMinor` amount also given as formatted `x`, codes in
 * data worded from the catalogues, missing values as '—'.
 *
 * @example
 * wordAlert({ code: 'ALERT_REASON_OVER_LIMIT', data: { name: '…', exposureMinor: 38790048, limitMinor: 35000000, overMinor: 3790048 } }, 'en', 'CNY')
 */
export function wordAlert(w: Worded, locale: Locale, currency: string): string {
  const data: Record<string, unknown> = { ...w.data };
  const cur = typeof w.data.currency === 'string' ? w.data.currency : currency;
  for (const [k, v] of Object.entries(w.data)) {
    if (v === null) data[k] = '—';
    else if (typeof v === 'number' && k.endsWith('Minor'))
      data[k.slice(0, -5)] = formatMoney(v, currencyOf(k, w.data, cur));
    else if (typeof v === 'string' && CODED[k]) {
      const key = (CODED[k] as (v: string) => string)(v);
      const text = translate(key, {}, locale);
      if (text !== key) data[k] = text;
    }
  }
  // The metrics catalogue's words want the figure as people write it.
  if (typeof w.data.value === 'number') data.value = Math.round(w.data.value * 100) / 100;
  return translate(w.code, data, locale);
}

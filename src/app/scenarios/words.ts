import { SCENARIO_ORDER } from '../../core/forecast/index.js';
import type { Assumption } from '../../core/scenarios/index.js';
import { formatMoney } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';

/**
 * A scenario's assumptions as sentences in `locale`, amounts formatted in the base currency.
 *
 * @example assumptionTexts([{ key: 'SCENARIO_ASSUMPTION_payment_delay_all', data: { days: 30 } }], 'CNY', 'en')
 * // ['Every customer pays 30 days later than expected.']
 */
export function assumptionTexts(assumptions: readonly Assumption[], currency: string, locale: Locale): string[] {
  return assumptions.map((a) => {
    const data: Record<string, string | number> = { ...a.data };
    for (const field of a.money ?? []) {
      const v = data[field];
      if (typeof v === 'number') data[field] = formatMoney(v, currency);
    }
    return translate(a.key, data, locale);
  });
}

/**
 * A scenario's title: a built-in's name in the reader's language, a saved one's own name (never a
 * catalogue key built from it).
 *
 * @example scenarioTitle('base', 'en') // 'Base'; scenarioTitle('人民币走强', 'en') // '人民币走强'
 */
export function scenarioTitle(name: string, locale: Locale): string {
  return SCENARIO_ORDER.some((n) => n === name) ? translate(`FORECAST_SCENARIO_${name}`, {}, locale) : name;
}

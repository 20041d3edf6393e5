import { formatMoney } from './format.js';
import { useLocale } from './i18n/index.js';
import { useWan } from './settings.js';

/** Formats minor units in the current language, in 万 when the user chose it (Chinese). */
export function useMoney(): (minor: number, currency: string) => string {
  const locale = useLocale();
  const wan = useWan();
  return (minor, currency) => formatMoney(minor, currency, locale, wan);
}

import type { Forecast } from './api-types.js';
import { formatDayMonth, formatMonth } from './format.js';
import type { Locale, TFunction } from './i18n/index.js';

/** Period labels in two parts: ['W1', '30 Mar'] / ['第1周', '3月30日'] for weeks, ['Apr 2026', ''] for months. */
export function periodLabelParts(forecast: Forecast, t: TFunction, locale: Locale): [string, string][] {
  const periods = forecast.scenarios[0]?.periods ?? [];
  return periods.map((p, i) =>
    forecast.granularity === 'week'
      ? [t('forecast.week', { n: i + 1 }), formatDayMonth(p.startOn, locale)]
      : [formatMonth(p.startOn, locale), ''],
  );
}

/** Period labels on one line: 'W1 30 Mar' / '第1周 3月30日' for weeks, 'Apr 2026' / '2026年4月' for months. */
export function periodLabelsPlain(forecast: Forecast, t: TFunction, locale: Locale): string[] {
  return periodLabelParts(forecast, t, locale).map(([head, date]) => (date ? `${head} ${date}` : head));
}

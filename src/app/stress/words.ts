import type { BreakingPoint, PeriodRef } from '../../core/stress/index.js';
import { type Locale, translate } from '../../i18n/index.js';

const FX_NAME = /^fx_([a-z]{3})_(down|up)_10$/;

/** A standard shock's name in words ('top1_default' → 'The largest customer defaults'). */
export function shockText(name: string, base: string, locale: Locale): string {
  const fx = FX_NAME.exec(name);
  if (fx) return translate(`STRESS_SHOCK_fx_${fx[2]}`, { currency: (fx[1] as string).toUpperCase(), base }, locale);
  return translate(`STRESS_SHOCK_${name}`, {}, locale);
}

/** 'week 9' / '第 9 个月'. */
export function periodText(period: PeriodRef, granularity: 'week' | 'month', locale: Locale): string {
  return translate(`STRESS_PERIOD_${granularity}`, { n: period.index + 1 }, locale);
}

function listText(names: readonly string[], locale: Locale): string {
  if (names.length <= 1) return names[0] ?? '';
  const sep = translate('STRESS_LIST_SEPARATOR', {}, locale);
  return `${names.slice(0, -1).join(sep)}${translate('STRESS_AND', {}, locale)}${names.at(-1)}`;
}

/** Who defaults, in words: one name, a few names, or the count and the first three. */
function defaultsPhrase(names: readonly string[], locale: Locale): string {
  if (names.length === 0) return translate('STRESS_PHRASE_defaults_none', {}, locale);
  if (names.length === 1) return translate('STRESS_PHRASE_defaults_one', { customers: names[0] }, locale);
  if (names.length <= SHOWN_NAMES)
    return translate('STRESS_PHRASE_defaults', { customers: listText(names, locale) }, locale);
  const sep = translate('STRESS_LIST_SEPARATOR', {}, locale);
  return translate(
    'STRESS_PHRASE_defaults_many',
    { count: names.length, customers: names.slice(0, SHOWN_NAMES).join(sep), more: names.length - SHOWN_NAMES },
    locale,
  );
}

const SHOWN_NAMES = 3;

function shockPhrase(p: BreakingPoint, value: number, base: string, locale: Locale): string {
  switch (p.driver) {
    case 'fx':
      return translate(
        `STRESS_PHRASE_fx_${p.direction === 1 ? 'up' : 'down'}`,
        { currency: p.currency, base, value },
        locale,
      );
    case 'defaults':
      return defaultsPhrase(
        p.customers.map((c) => c.name),
        locale,
      );
    default:
      return translate(`STRESS_PHRASE_${p.driver}`, { value }, locale);
  }
}

const capitalise = (s: string): string => (s.length > 0 ? (s[0] as string).toUpperCase() + s.slice(1) : s);

/**
 * A breaking point in plain words (DOMAIN 3.2): 'A 41-day delay across the book empties the
 * buffer in week 9.' / '全部客户回款推迟 41 天，第 9 周现金跌破安全垫。'
 *
 * @example
 * breakingPointText(point, 'week', 'CNY', 'en') // 'Losing 宏达 and 远洋 together empties the buffer in week 9.'
 */
export function breakingPointText(
  p: BreakingPoint,
  granularity: 'week' | 'month',
  base: string,
  locale: Locale,
): string {
  const verb = translate(`STRESS_VERB_${p.target}`, {}, locale);
  const period = p.period ? periodText(p.period, granularity, locale) : '';
  if (p.status === 'already') return translate('STRESS_BP_ALREADY', { verb, period }, locale);
  if (p.status === 'holds') {
    const level = translate(`STRESS_LEVEL_${p.target}`, {}, locale);
    if (p.driver === 'defaults' && p.limit === 0) return translate('STRESS_NO_CUSTOMERS', {}, locale);
    const shock =
      p.driver === 'defaults'
        ? translate('STRESS_PHRASE_defaults_top', { count: p.limit }, locale)
        : shockPhrase(p, p.limit, base, locale);
    return translate('STRESS_BP_HOLDS', { shock, level }, locale);
  }
  const shock = capitalise(shockPhrase(p, p.value ?? 0, base, locale));
  return translate('STRESS_BP_BREAKS', { shock, verb, period }, locale);
}

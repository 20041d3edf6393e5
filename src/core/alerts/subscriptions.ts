import { fail, ok, type Result } from '../shared/index.js';
import type { AlertChannel } from './channels.js';
import { ALERT_LEVELS, type AlertLevel } from './types.js';

/** What an alert is about, as a person subscribes to it. */
export const ALERT_CATEGORIES = ['payment', 'credit', 'cash', 'bills', 'insurance', 'currency', 'other'] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

const CATEGORY_OF: Readonly<Record<string, AlertCategory>> = {
  overdue_delay: 'payment',
  overdue_stage: 'payment',
  overdue_default_signal: 'payment',
  insolvency: 'credit',
  hard_override: 'credit',
  legal_event: 'credit',
  grade_drop: 'credit',
  over_limit: 'credit',
  review_due: 'credit',
  buffer_breach: 'cash',
  cash_negative: 'cash',
  runway_short: 'cash',
  metric_threshold: 'cash',
  bill_maturing: 'bills',
  bill_acceptor_listed: 'bills',
};

/**
 * The category of a rule: payment behaviour, credit, cash, acceptance bills, insurance, currency;
 * a rule not listed here is 'other' until it is, or by the start of its name.
 *
 * @example
 * alertCategory('legal_event') // 'credit'
 */
export function alertCategory(rule: string): AlertCategory {
  const known = Object.hasOwn(CATEGORY_OF, rule) ? CATEGORY_OF[rule] : undefined;
  if (known) return known;
  if (rule.startsWith('insurance')) return 'insurance';
  if (rule.startsWith('fx')) return 'currency';
  return 'other';
}

/** One person's choice of what reaches them by e-mail, and whether a daily digest does. */
export interface AlertSubscription {
  readonly userId: string;
  readonly email: string;
  /** Alerts at this level or above are e-mailed at once (null: none are). */
  readonly minLevel: AlertLevel | null;
  /** Of these categories only (all when every one is listed). */
  readonly categories: readonly AlertCategory[];
  /** A daily e-mail of what is open, what is new and what was resolved. */
  readonly digest: boolean;
  /** The language the e-mails are written in. */
  readonly locale: 'zh-CN' | 'en';
}

/**
 * A subscription as sent by a person, checked: a known level or null, known categories (at least
 * one when a level is chosen), a digest flag, a language. A bad field is `VALIDATION_FAILED` naming it.
 */
export function checkSubscription(input: {
  minLevel: unknown;
  categories: unknown;
  digest: unknown;
  locale: unknown;
}): Result<Pick<AlertSubscription, 'minLevel' | 'categories' | 'digest' | 'locale'>> {
  const bad = (field: string, value: unknown, expected: string) =>
    fail('VALIDATION_FAILED', { field, value: JSON.stringify(value)?.slice(0, 100) ?? '', expected });
  const { minLevel, categories, digest, locale } = input;
  if (minLevel !== null && !ALERT_LEVELS.includes(minLevel as AlertLevel))
    return bad('minLevel', minLevel, `null or one of ${ALERT_LEVELS.join(', ')}`);
  if (
    !Array.isArray(categories) ||
    !categories.every((c) => ALERT_CATEGORIES.includes(c as AlertCategory)) ||
    new Set(categories).size !== categories.length ||
    (minLevel !== null && categories.length === 0)
  )
    return bad('categories', categories, `a list of ${ALERT_CATEGORIES.join(', ')}`);
  if (typeof digest !== 'boolean') return bad('digest', digest, 'true or false');
  if (locale !== 'zh-CN' && locale !== 'en') return bad('locale', locale, 'zh-CN or en');
  return ok({
    minLevel: minLevel as AlertLevel | null,
    categories: ALERT_CATEGORIES.filter((c) => (categories as string[]).includes(c)),
    digest,
    locale,
  });
}

/** The e-mail channel of a person's subscription (its id keys the outbox: `user:<id>`). */
export function subscriptionChannel(s: AlertSubscription): AlertChannel | null {
  if (s.minLevel === null || s.categories.length === 0) return null;
  return {
    id: `user:${s.userId}`,
    kind: 'email',
    minLevel: s.minLevel,
    to: [s.email],
    categories: s.categories,
    locale: s.locale,
  };
}

import { fail, ok, type Result } from '../shared/index.js';
import { isLocalDate, type LocalDate } from '../time/index.js';

/**
 * Late-interest rules as settings (organisation settings key 'collections.interest'). Defaults are
 * DOMAIN 5.2's; the country margins are [P] and the day basis of yearly rates is a design default.
 */
export interface LateInterestSettings {
  /** EU: points over the reference rate (directive 2011/7: at least 8 points). */
  readonly euMarginPoints: number;
  /** EU: national margins over the reference rate, by ISO country (France 10, Germany 9 [P]). */
  readonly euCountryMargins: Readonly<Record<string, number>>;
  /** EU: the fixed compensation per invoice, in euro cents (EUR 40). */
  readonly euFixedCompensationMinor: number;
  /** China 条例: the daily rate when the contract agrees none (万分之五). */
  readonly cnDailyRate: number;
  /** China 条例: contracts signed on or after this date are covered (2020-09-01). */
  readonly cnEffectiveFrom: LocalDate;
  /** China 条例: statutory payment days after delivery for a large enterprise (60) and for government bodies and public institutions (30). */
  readonly cnLargePaymentDays: number;
  readonly cnGovernmentPaymentDays: number;
  /** Days in the year for yearly rates (simple interest, actual days over 365). */
  readonly dayBasis: 360 | 365;
}

export const DEFAULT_LATE_INTEREST_SETTINGS: LateInterestSettings = {
  euMarginPoints: 8,
  euCountryMargins: { FR: 10, DE: 9 },
  euFixedCompensationMinor: 4000,
  cnDailyRate: 0.0005,
  cnEffectiveFrom: '2020-09-01',
  cnLargePaymentDays: 60,
  cnGovernmentPaymentDays: 30,
  dayBasis: 365,
};

const isPoints = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 50;
const isDays = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 365;

function checkValue(key: keyof LateInterestSettings, value: unknown): string | null {
  switch (key) {
    case 'euMarginPoints':
      return isPoints(value) ? null : '0-50 points';
    case 'euCountryMargins':
      return typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(([c, v]) => /^[A-Z]{2}$/.test(c) && isPoints(v))
        ? null
        : '{ "FR": 10, ... } (ISO country: 0-50 points)';
    case 'euFixedCompensationMinor':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? null : 'cents, 0 or more';
    case 'cnDailyRate':
      return typeof value === 'number' && value >= 0 && value <= 0.01 ? null : '0-0.01 a day';
    case 'cnEffectiveFrom':
      return typeof value === 'string' && isLocalDate(value) ? null : 'YYYY-MM-DD';
    case 'cnLargePaymentDays':
    case 'cnGovernmentPaymentDays':
      return isDays(value) ? null : '0-365 days';
    case 'dayBasis':
      return value === 360 || value === 365 ? null : '360 or 365';
  }
}

/**
 * The defaults with an organisation's overrides laid over them, checked whole: an unknown key or a
 * value out of range is an `INVALID_SETTING` error naming the field.
 *
 * @example
 * resolveLateInterestSettings({ euMarginPoints: 9 }) // ok({ ...DEFAULT_LATE_INTEREST_SETTINGS, euMarginPoints: 9 })
 */
export function resolveLateInterestSettings(
  overrides: Readonly<Record<string, unknown>> = {},
): Result<LateInterestSettings> {
  for (const [key, value] of Object.entries(overrides)) {
    const field = `collections.interest.${key}`;
    if (!Object.hasOwn(DEFAULT_LATE_INTEREST_SETTINGS, key))
      return fail('INVALID_SETTING', {
        field,
        value: key,
        expected: Object.keys(DEFAULT_LATE_INTEREST_SETTINGS).join(', '),
      });
    const expected = checkValue(key as keyof LateInterestSettings, value);
    if (expected !== null) return fail('INVALID_SETTING', { field, value: JSON.stringify(value) ?? '', expected });
  }
  return ok({ ...DEFAULT_LATE_INTEREST_SETTINGS, ...(overrides as Partial<LateInterestSettings>) });
}

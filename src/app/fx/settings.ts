import type { Organisation } from '../../core/model/index.js';
import { isCurrencyCode } from '../../core/money/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';

/**
 * Currency settings read from the organisation's settings JSON: 'fx.exposureLimits' (the most net
 * exposure allowed per currency, base-currency minor units, e.g. { USD: 1_000_000_00 }) and
 * 'fx.shockPct' (the ± move the report applies, per cent, default 10; DOMAIN 7.6 suggests 5–10).
 */
export interface FxSettings {
  readonly limits: ReadonlyMap<string, number>;
  readonly shockPct: number;
}

export const DEFAULT_FX_SHOCK_PCT = 10;

const bad = (field: string, value: unknown, expected: string) =>
  fail('INVALID_SETTING', { field: `settings.${field}`, value: JSON.stringify(value) ?? '', expected });

/**
 * @example
 * readFxSettings({ ...org, settings: { 'fx.exposureLimits': { USD: 100_000_00 } } }) // ok({ limits: Map { USD → 100_000_00 }, shockPct: 10 })
 */
export function readFxSettings(org: Organisation): Result<FxSettings> {
  const limits = new Map<string, number>();
  const stored = org.settings['fx.exposureLimits'];
  if (stored !== undefined) {
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
      return bad('fx.exposureLimits', stored, '{ "USD": 100000000 }');
    for (const [currency, limit] of Object.entries(stored)) {
      if (!isCurrencyCode(currency) || currency === org.baseCurrency)
        return bad(`fx.exposureLimits.${currency}`, currency, 'a foreign ISO 4217 code such as USD');
      if (!Number.isSafeInteger(limit) || (limit as number) < 0)
        return bad(`fx.exposureLimits.${currency}`, limit, 'an amount in minor units, 0 or more');
      limits.set(currency, limit as number);
    }
  }
  const pct = org.settings['fx.shockPct'] ?? DEFAULT_FX_SHOCK_PCT;
  if (typeof pct !== 'number' || !(pct > 0) || pct > 100)
    return bad('fx.shockPct', pct, 'a per cent above 0, at most 100');
  return ok({ limits, shockPct: pct });
}

import { fail, ok, type Result } from '../../shared/index.js';

/**
 * How each module treats a customer's risk (DOMAIN 2.5 rules 9 and 10). Every value is a setting
 * (organisation settings key 'credit.risk'); the defaults are DOMAIN's or stated design choices.
 */
export interface RiskStateSettings {
  /** Share of the uninsured open receivables of an insolvent or written-off customer expected back (DOMAIN 2.5 rule 9: 20 %). */
  readonly recoveryShare: number;
  /** Days from the insolvency event (or the write-off) to that recovery (DOMAIN 2.5 rule 9: 540). */
  readonly recoveryLagDays: number;
  /**
   * The PD band the scenarios read (DOMAIN 2.5 rule 10): optimistic PD / factor, pessimistic
   * PD × factor (capped at 1). Design default 2.
   */
  readonly pdBandFactor: number;
  /** 12-month PD of a customer the scorecard could not score (design: 3 %, grade C's upper bound). */
  readonly unscoredPd: number;
  /**
   * A customer counts as written off when it has a write-off within this many days and has paid
   * nothing since (design: 365).
   */
  readonly writtenOffLookbackDays: number;
}

export const DEFAULT_RISK_STATE_SETTINGS: RiskStateSettings = {
  recoveryShare: 0.2,
  recoveryLagDays: 540,
  pdBandFactor: 2,
  unscoredPd: 0.03,
  writtenOffLookbackDays: 365,
};

const isShare = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isDays = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650;

/**
 * The defaults with an organisation's overrides laid over them; an unknown key or a value out of
 * range is an `INVALID_SETTING` error naming the field.
 *
 * @example
 * resolveRiskStateSettings({ recoveryShare: 0.3 }) // ok({ ...DEFAULT_RISK_STATE_SETTINGS, recoveryShare: 0.3 })
 */
export function resolveRiskStateSettings(overrides: Readonly<Record<string, unknown>> = {}): Result<RiskStateSettings> {
  for (const [key, value] of Object.entries(overrides)) {
    const bad = (expected: string) =>
      fail('INVALID_SETTING', { field: `credit.risk.${key}`, value: JSON.stringify(value) ?? '', expected });
    if (!Object.hasOwn(DEFAULT_RISK_STATE_SETTINGS, key))
      return bad(Object.keys(DEFAULT_RISK_STATE_SETTINGS).join(', '));
    if ((key === 'recoveryShare' || key === 'unscoredPd') && !isShare(value)) return bad('0-1');
    if ((key === 'recoveryLagDays' || key === 'writtenOffLookbackDays') && !isDays(value)) return bad('0-3650 days');
    if (key === 'pdBandFactor' && !(typeof value === 'number' && value >= 1 && value <= 10)) return bad('1-10');
  }
  return ok({ ...DEFAULT_RISK_STATE_SETTINGS, ...(overrides as Partial<RiskStateSettings>) });
}

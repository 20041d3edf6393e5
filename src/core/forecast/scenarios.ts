import { fail, ok, type Result } from '../shared/index.js';

/** Where an open invoice's receipt is placed. 'slip' = P50 + max(slipMinDays, σ) (DOMAIN 2.3). */
export type ReceiptPlacement = 'due' | 'p10' | 'p50' | 'p90' | 'slip';

/**
 * The parameters of one scenario (DOMAIN 2.3 defaults). Named user scenarios store only the
 * parameters they change; the others are read from the base at run time, so they stay in sync.
 */
export interface ScenarioParams {
  readonly receiptPlacement: ReceiptPlacement;
  /** Minimum slip of the 'slip' placement, days. */
  readonly slipMinDays: number;
  /** Expected new sales × this factor (1.05 = +5%). */
  readonly salesFactor: number;
  /** Share of the face of doubtful invoices (> 90 days overdue) written off on top of the recovery haircut. */
  readonly writeOffOver90: number;
  /** Doubtful invoices (disputed or > 90 days overdue): carried at a recovery share, or excluded. */
  readonly doubtful: 'recovery' | 'exclude';
  readonly recoveryShare: number;
  /** Days bills are paid after their due date; 'history' = the organisation's own habit. */
  readonly payablesStretch: 'history' | number;
  /** Relative shift of every foreign rate into the base currency (−0.05 = base currency 5% stronger). */
  readonly fxShift: number;
  /**
   * Keeps the scenario on one side of the base, item by item: 'upper' places no receipt later and
   * no disbursement earlier than the base does; 'lower' the reverse. This is what makes
   * optimistic ≥ base ≥ pessimistic hold in every period by construction.
   */
  readonly bound: 'upper' | 'lower' | 'none';
  /**
   * Which end of each customer's PD band risk-adjusts receipts (DOMAIN 2.5 rule 10): 'low' in the
   * optimistic scenario, 'high' in the pessimistic one; 'none' turns the adjustment off.
   */
  readonly pdBand: 'low' | 'base' | 'high' | 'none';
}

export const BASE_SCENARIO: ScenarioParams = {
  receiptPlacement: 'p50',
  slipMinDays: 15,
  salesFactor: 1,
  writeOffOver90: 0,
  doubtful: 'recovery',
  recoveryShare: 0.5,
  payablesStretch: 'history',
  fxShift: 0,
  bound: 'none',
  pdBand: 'base',
};

/**
 * The three scenarios that always run (DOMAIN 2.5 rule 6), as overrides of the base. Receipts:
 * optimistic at each customer's early quantile (P10) with the low end of its PD band, pessimistic
 * at P50 + max(15 days, σ) with the high end (DOMAIN 2.3, 2.5 rule 10).
 */
export const BUILT_IN_SCENARIOS: Readonly<Record<'optimistic' | 'base' | 'pessimistic', Partial<ScenarioParams>>> = {
  optimistic: { receiptPlacement: 'p10', salesFactor: 1.05, bound: 'upper', pdBand: 'low' },
  base: {},
  pessimistic: {
    receiptPlacement: 'slip',
    salesFactor: 0.9,
    writeOffOver90: 0.05,
    payablesStretch: 0,
    bound: 'lower',
    pdBand: 'high',
  },
};

export const SCENARIO_ORDER = ['optimistic', 'base', 'pessimistic'] as const;

const PLACEMENTS: readonly string[] = ['due', 'p10', 'p50', 'p90', 'slip'];

/**
 * Validates a stored override (the `scenarios.params` JSON) and lays it over the base.
 *
 * @example resolveScenario({ salesFactor: 0.8 }) // ok({ ...BASE_SCENARIO, salesFactor: 0.8 })
 */
export function resolveScenario(
  overrides: Readonly<Record<string, unknown>>,
  base: ScenarioParams = BASE_SCENARIO,
): Result<ScenarioParams> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const bad = (expected: string) =>
      fail('FORECAST_INVALID_SCENARIO_PARAM', { field: key, value: String(value), expected });
    if (!Object.hasOwn(base, key)) return bad(Object.keys(base).join(', '));
    const isNumber = typeof value === 'number' && Number.isFinite(value);
    if (key === 'receiptPlacement' && !PLACEMENTS.includes(String(value))) return bad(PLACEMENTS.join(', '));
    if (key === 'doubtful' && value !== 'recovery' && value !== 'exclude') return bad('recovery, exclude');
    if (key === 'bound' && !['upper', 'lower', 'none'].includes(String(value))) return bad('upper, lower, none');
    if (key === 'pdBand' && !['low', 'base', 'high', 'none'].includes(String(value)))
      return bad('low, base, high, none');
    if (key === 'payablesStretch' && value !== 'history' && !(isNumber && (value as number) >= 0)) {
      return bad("'history' or days >= 0");
    }
    if (['slipMinDays', 'salesFactor'].includes(key) && !(isNumber && (value as number) >= 0))
      return bad('a number >= 0');
    if (
      ['writeOffOver90', 'recoveryShare'].includes(key) &&
      !(isNumber && (value as number) >= 0 && (value as number) <= 1)
    ) {
      return bad('0-1');
    }
    if (key === 'fxShift' && !(isNumber && (value as number) > -1)) return bad('a number > -1');
    out[key] = value;
  }
  return ok(out as unknown as ScenarioParams);
}

export interface NamedScenario {
  readonly name: string;
  readonly params: ScenarioParams;
}

/**
 * The scenarios to run: the three built-ins in order, or only `only` (a built-in or a user
 * scenario given by its stored overrides).
 *
 * @example builtInScenarios().map((s) => s.name) // ['optimistic', 'base', 'pessimistic']
 */
export function builtInScenarios(): NamedScenario[] {
  return SCENARIO_ORDER.map((name) => ({ name, params: { ...BASE_SCENARIO, ...BUILT_IN_SCENARIOS[name] } }));
}

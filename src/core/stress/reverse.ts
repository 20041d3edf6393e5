import { ok, type Result } from '../shared/index.js';
import { runShocks, type StressBase } from './run-shocks.js';
import { largestCustomers } from './shocks.js';
import type { PeriodRef, Shock, ShockOutcome, StressInput } from './types.js';

/** The single drivers the reverse stress solves for (DOMAIN 3.2). */
export type ReverseDriver = 'delay' | 'sales_drop' | 'fx' | 'defaults';
/** What counts as broken: closing cash below zero, or below the buffer. */
export type BreakTarget = 'zero' | 'buffer';

/**
 * The smallest shock of one driver that breaks the target within the horizon.
 * - 'breaks': `value` is that shock (days, percent, or a number of the largest customers).
 * - 'already': the base forecast is broken without any shock.
 * - 'holds': no shock up to `limit` breaks it.
 */
export interface BreakingPoint {
  readonly driver: ReverseDriver;
  readonly target: BreakTarget;
  /** For 'fx': the currency, and the direction that hurts (−1 weaker, +1 stronger against the base). */
  readonly currency: string | null;
  readonly direction: -1 | 1 | null;
  readonly status: 'breaks' | 'already' | 'holds';
  /** Days of delay, percent of sales or of the exchange rate, or count of customers. */
  readonly value: number | null;
  /** The searched range's top (what 'holds' held up to). */
  readonly limit: number;
  /** For 'defaults': the customers whose default together breaks it, largest first. */
  readonly customers: readonly { readonly customerId: string; readonly name: string }[];
  /** First period breaking the target at that shock. */
  readonly period: PeriodRef | null;
}

/** Search ranges: 1-day and 1 % resolution, as DOMAIN 3.2 asks. */
export const REVERSE_LIMITS = { delayDays: 365, salesPct: 100, fxPct: 90, maxCustomers: 50 } as const;

type Probe = (x: number) => Result<ShockOutcome>;

const breachOf = (o: ShockOutcome, target: BreakTarget): PeriodRef | null =>
  target === 'zero' ? o.firstNegative : o.firstBreach;

/**
 * Smallest integer x in [1, limit] whose shock breaks the target, by bisection (the drivers are
 * monotone: a bigger shock never leaves more cash). Null when even `limit` holds.
 */
function bisect(probe: Probe, target: BreakTarget, limit: number): Result<{ x: number; period: PeriodRef } | null> {
  const top = probe(limit);
  if (!top.ok) return top;
  const topBreach = breachOf(top.value, target);
  if (topBreach === null) return ok(null);
  let lo = 0; // holds
  let hi = limit; // breaks
  let period = topBreach;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const r = probe(mid);
    if (!r.ok) return r;
    const b = breachOf(r.value, target);
    if (b === null) lo = mid;
    else {
      hi = mid;
      period = b;
    }
  }
  return ok({ x: hi, period });
}

function point(
  driver: ReverseDriver,
  target: BreakTarget,
  limit: number,
  found: { x: number; period: PeriodRef } | null,
  extra: Partial<BreakingPoint> = {},
): BreakingPoint {
  return {
    driver,
    target,
    currency: null,
    direction: null,
    status: found === null ? 'holds' : 'breaks',
    value: found?.x ?? null,
    limit,
    customers: [],
    period: found?.period ?? null,
    ...extra,
  };
}

/**
 * Breaking points (DOMAIN 3.2): for each single driver and each target, the smallest shock that
 * takes closing cash below zero or below the buffer within the horizon. Delay to 1 day, sales and
 * each foreign currency to 1 %, customer defaults to one customer (the smallest set of the largest
 * exposures). A currency moves in the direction that costs cash (the worse of ±10 %).
 *
 * @example
 * reverseStress(stress, base, ['USD']).value.find((p) => p.driver === 'delay' && p.target === 'buffer')
 * // { status: 'breaks', value: 41, period: { index: 8, … } } — 'a 41-day delay empties the buffer in week 9'
 */
export function reverseStress(
  stress: StressInput,
  base: StressBase,
  currencies: readonly string[],
): Result<BreakingPoint[]> {
  const out: BreakingPoint[] = [];
  const baseBreach = { zero: base.scenario.firstNegative, buffer: base.scenario.firstBreach };
  const ranked = largestCustomers(stress.customers).slice(0, REVERSE_LIMITS.maxCustomers);
  const run = (shocks: Shock[]) => runShocks(stress, base, shocks);
  for (const target of ['zero', 'buffer'] as const) {
    const already = baseBreach[target] === null ? null : { x: 0, period: baseBreach[target] as PeriodRef };
    const solve = (probe: Probe, limit: number) => (already ? ok(already) : bisect(probe, target, limit));
    const status = already ? ({ status: 'already' } as const) : {};
    const delay = solve((d) => run([{ kind: 'delay', days: d }]), REVERSE_LIMITS.delayDays);
    if (!delay.ok) return delay;
    out.push(point('delay', target, REVERSE_LIMITS.delayDays, delay.value, status));
    const sales = solve(
      (p) => run([{ kind: 'sales_drop', share: p / 100, variableShare: 0 }]),
      REVERSE_LIMITS.salesPct,
    );
    if (!sales.ok) return sales;
    out.push(point('sales_drop', target, REVERSE_LIMITS.salesPct, sales.value, status));
    for (const currency of currencies) {
      const down = run([{ kind: 'fx', currency, change: -0.1 }]);
      const up = run([{ kind: 'fx', currency, change: 0.1 }]);
      if (!down.ok) return down;
      if (!up.ok) return up;
      const direction = down.value.minCashMinor <= up.value.minCashMinor ? -1 : 1;
      const fx = solve((p) => run([{ kind: 'fx', currency, change: (direction * p) / 100 }]), REVERSE_LIMITS.fxPct);
      if (!fx.ok) return fx;
      out.push(point('fx', target, REVERSE_LIMITS.fxPct, fx.value, { ...status, currency, direction }));
    }
    const limit = ranked.length;
    const defaults = limit === 0 && !already ? ok(null) : solve((k) => run([{ kind: 'top_default', count: k }]), limit);
    if (!defaults.ok) return defaults;
    const names = ranked.slice(0, defaults.value?.x ?? 0).map((c) => ({ customerId: c.customerId, name: c.name }));
    out.push(point('defaults', target, limit, defaults.value, { ...status, customers: names }));
  }
  return ok(out);
}

import { minorUnits, roundWith } from '../money/index.js';
import type { LocalDate } from '../time/index.js';
import type { FxExposure } from './exposure.js';
import { type FxForward, forwardLegs, isForwardOutstanding } from './forward.js';

/** A forecast flow in its own currency: + received, − paid, on the day the forecast places it. */
export interface CurrencyFlow {
  readonly on: LocalDate;
  readonly currency: string;
  readonly amountMinor: number;
}

export interface ExposureWeek {
  readonly startOn: LocalDate;
  readonly endOn: LocalDate;
  /** Forecast receipts and payments in the currency this week, forward legs settling included. */
  readonly inflowsMinor: number;
  readonly outflowsMinor: number;
  /** Forwards still outstanding at the week's end (signed, as in the exposure). */
  readonly forwardsMinor: number;
  /** Net exposure at the week's end in the currency, and at the as-of rate in base currency. */
  readonly netMinor: number;
  readonly netBaseMinor: number;
  readonly isOverLimit: boolean;
}

export interface CurrencyExposureWeeks {
  readonly currency: string;
  readonly weeks: readonly ExposureWeek[];
}

/**
 * The net exposure of each foreign currency week by week over the forecast horizon: today's net
 * exposure, plus the forecast's flows in that currency that are not the collection of a receivable
 * or the payment of a bill already counted (new sales and purchases, recurring items, one-offs),
 * plus each forward's legs on its value date, when the forward itself leaves the exposure (so a
 * forward settling moves cash, not the net). In base currency: today's net as revalued item by
 * item, plus the change since at the as-of rate; against the same limit.
 *
 * @example
 * computeExposureByWeek(now, { weeks, flows: [{ on: '2026-12-20', currency: 'USD', amountMinor: 5_000_00 }], forwards: [], limits })
 * // [{ currency: 'USD', weeks: [{ netMinor: ... + 5_000_00, ... }, ...] }]
 */
export function computeExposureByWeek(
  now: FxExposure,
  input: {
    readonly weeks: readonly { readonly startOn: LocalDate; readonly endOn: LocalDate }[];
    readonly flows: readonly CurrencyFlow[];
    readonly forwards: readonly FxForward[];
    readonly limits: ReadonlyMap<string, number>;
  },
): CurrencyExposureWeeks[] {
  const base = now.currency;
  const settling: CurrencyFlow[] = [];
  for (const f of input.forwards) {
    if (!isForwardOutstanding(f, now.asOf)) continue;
    for (const leg of forwardLegs(f))
      settling.push({ on: f.valueOn, currency: leg.currency, amountMinor: leg.amountMinor });
  }
  return now.currencies.map((c) => {
    const factor = c.rate * 10 ** (minorUnits(base) - minorUnits(c.currency));
    const limit = input.limits.get(c.currency) ?? null;
    let gross = c.amounts.grossMinor;
    let prevEnd: LocalDate | null = null;
    const weeks = input.weeks.map((w) => {
      const inWeek = (on: LocalDate) => on <= w.endOn && (prevEnd === null || on > prevEnd);
      let inflows = 0;
      let outflows = 0;
      for (const flow of [...input.flows, ...settling]) {
        if (flow.currency !== c.currency || !inWeek(flow.on)) continue;
        if (flow.amountMinor >= 0) inflows += flow.amountMinor;
        else outflows -= flow.amountMinor;
      }
      gross += inflows - outflows;
      let forwards = 0;
      for (const f of input.forwards) {
        if (!isForwardOutstanding(f, w.endOn) || !isForwardOutstanding(f, now.asOf)) continue;
        for (const leg of forwardLegs(f)) if (leg.currency === c.currency) forwards += leg.amountMinor;
      }
      prevEnd = w.endOn;
      const net = gross + forwards;
      // Today's net as the exposure revalued it item by item, plus the change since at the as-of rate.
      const netBase = c.base.netMinor + roundWith((net - c.amounts.netMinor) * factor, 'halfEven');
      return {
        startOn: w.startOn,
        endOn: w.endOn,
        inflowsMinor: inflows,
        outflowsMinor: outflows,
        forwardsMinor: forwards,
        netMinor: net,
        netBaseMinor: netBase,
        isOverLimit: limit !== null && Math.abs(netBase) > limit,
      };
    });
    return { currency: c.currency, weeks };
  });
}

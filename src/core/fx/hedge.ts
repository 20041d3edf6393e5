import { minorUnits, roundWith } from '../money/index.js';

/** A forward that would bring a currency's net exposure back within the limit. */
export interface HedgeNeed {
  /** Sell the currency forward when the organisation is long (owed or holding more than it owes), buy when short. */
  readonly direction: 'sell' | 'buy';
  /** Amount of the currency, minor units, rounded up so the exposure ends within the limit. */
  readonly amountMinor: number;
  /** The same at the as-of rate, base-currency minor units. */
  readonly baseMinor: number;
  /** Net exposure after the hedge, base-currency minor units (its absolute value is at most the limit). */
  readonly netAfterMinor: number;
}

/**
 * The hedge needed to keep a net exposure (base-currency minor units, + long / − short) within a
 * limit on its absolute value: nothing when within it, else a forward for the excess in the
 * currency's minor units, rounded up.
 *
 * @example
 * hedgeNeeded(1_420_000_00, 710_000_00, 'USD', 'CNY', 7.1)
 * // { direction: 'sell', amountMinor: 100_000_00, baseMinor: 710_000_00, netAfterMinor: 710_000_00 }
 */
export function hedgeNeeded(
  netMinor: number,
  limitMinor: number,
  currency: string,
  base: string,
  rate: number,
): HedgeNeed | null {
  const excess = Math.abs(netMinor) - limitMinor;
  if (excess <= 0) return null;
  const factor = rate * 10 ** (minorUnits(base) - minorUnits(currency));
  const amountMinor = roundWith(excess / factor, 'ceil');
  const baseMinor = roundWith(amountMinor * factor, 'halfEven');
  const sign = netMinor > 0 ? 1 : -1;
  return {
    direction: netMinor > 0 ? 'sell' : 'buy',
    amountMinor,
    baseMinor,
    netAfterMinor: netMinor - sign * baseMinor,
  };
}

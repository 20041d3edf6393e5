import { type CustomerRiskState, lossGivenDefault } from '../credit/index.js';
import type { BookLossDistribution } from '../stress/creditriskplus-book.js';

/**
 * A risk state as it would be without the policy: no cover, so LGD is 1 − recovery share (the
 * same LGD rule the risk state uses, with no insured share).
 *
 * @example
 * withoutCover(state, 0.3).treatment.lgd // 0.7
 */
export function withoutCover(state: CustomerRiskState, recoveryShare: number): CustomerRiskState {
  return {
    ...state,
    cover: null,
    treatment: { ...state.treatment, lgd: lossGivenDefault(recoveryShare, null, state.exposure.openArMinor) },
  };
}

/** What the policy is worth on this book (minor units of the base currency). */
export interface CoverValue {
  readonly currency: string;
  readonly expectedLossWith: number;
  readonly expectedLossWithout: number;
  readonly lossAt99With: number;
  readonly lossAt99Without: number;
  readonly premium: number;
  /**
   * The premium at which the policy pays for itself on expected loss: the expected loss it takes
   * off (expected loss without − with). Below it the policy is worth buying on average.
   */
  readonly breakEven: number;
  /** The 1-in-100-year loss the policy takes off (99 % loss without − with). */
  readonly tailReduction: number;
  readonly isPremiumBelowBreakEven: boolean;
}

function at99(d: BookLossDistribution): number {
  const q = d.quantiles.find((x) => Math.abs(x.level - 0.99) < 1e-9);
  if (q === undefined) throw new RangeError('the loss distribution has no 99 % quantile');
  return q.lossMinor;
}

/**
 * The value of cover from the book's loss distribution with and without the policy and its
 * premium: expected and 99 % loss each way, and the break-even premium.
 *
 * @example
 * valueOfCover(withPolicy, withoutPolicy, 250_000_00)
 * // { expectedLossWith: 1_200_000_00, expectedLossWithout: 4_800_000_00, breakEven: 3_600_000_00, ... }
 */
export function valueOfCover(
  withPolicy: BookLossDistribution,
  withoutPolicy: BookLossDistribution,
  premiumMinor: number,
): CoverValue {
  const breakEven = Math.max(0, withoutPolicy.expectedLossMinor - withPolicy.expectedLossMinor);
  return {
    currency: withPolicy.currency,
    expectedLossWith: withPolicy.expectedLossMinor,
    expectedLossWithout: withoutPolicy.expectedLossMinor,
    lossAt99With: at99(withPolicy),
    lossAt99Without: at99(withoutPolicy),
    premium: premiumMinor,
    breakEven,
    tailReduction: at99(withoutPolicy) - at99(withPolicy),
    isPremiumBelowBreakEven: premiumMinor <= breakEven,
  };
}

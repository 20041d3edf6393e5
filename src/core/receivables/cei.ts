/** Inputs of the collection effectiveness index, amounts in one currency (minor units). */
export interface CeiInputs {
  /** AR at the start of the period (the previous period end). */
  readonly beginningAr: number;
  /** Credit sales over the whole period. */
  readonly creditSales: number;
  /** Number of months in the period (N): the formula uses creditSales / N. */
  readonly months: number;
  readonly endingTotalAr: number;
  /** The part of the ending AR not yet due. */
  readonly endingCurrentAr: number;
}

/**
 * CEI (%) = (BegAR + CreditSales/N − EndTotalAR) / (BegAR + CreditSales/N − EndCurrentAR) × 100.
 * Null when the denominator is not positive (nothing was collectable).
 *
 * @example
 * computeCei({ beginningAr: 6200, creditSales: 10890, months: 3, endingTotalAr: 6340, endingCurrentAr: 3590 })
 * // 55.93 (3490 / 6240 × 100)
 */
export function computeCei(i: CeiInputs): number | null {
  const available = i.beginningAr + i.creditSales / i.months;
  const denominator = available - i.endingCurrentAr;
  if (!(denominator > 0) || !(i.months > 0)) return null;
  return ((available - i.endingTotalAr) / denominator) * 100;
}

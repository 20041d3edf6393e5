/** One period of credit sales for DSO: its length in days and its sales (minor units, base currency). */
export interface SalesPeriod {
  readonly days: number;
  readonly sales: number;
}

/** Which DSO figure drives ADD, the cash conversion cycle and the alerts. Default: countback. */
export type DsoMethod = 'countback' | 'standardMonthly' | 'standardTrailing12';

export const DEFAULT_DSO_METHOD: DsoMethod = 'countback';

/**
 * Standard DSO: AR at the period end over the period's credit sales, times the days in the period.
 * Null when there were no sales (the ratio is undefined, not zero).
 *
 * @example
 * computeStandardDso(212_000, 250_000, 90) // 76.32
 */
export function computeStandardDso(ar: number, sales: number, days: number): number | null {
  if (sales <= 0) return null;
  return (ar / sales) * days;
}

export interface CountbackDso {
  readonly days: number;
  /** True when the AR outlasts every period given: the figure is then a lower bound. */
  readonly isExhausted: boolean;
}

/**
 * Countback DSO: walks back from the latest period, using up AR against each period's sales;
 * a period fully used up counts all its days, the last one the used fraction.
 * `periods` is newest first.
 *
 * @example
 * computeCountbackDso(212_000, [{ days: 30, sales: 100_000 }, { days: 30, sales: 80_000 }, { days: 30, sales: 70_000 }])
 * // { days: 73.714…, isExhausted: false }  (60 + 30 × 32/70)
 */
export function computeCountbackDso(ar: number, periods: readonly SalesPeriod[]): CountbackDso {
  let remaining = ar;
  let days = 0;
  for (const p of periods) {
    if (remaining <= 0) return { days, isExhausted: false };
    if (remaining >= p.sales) {
      days += p.days;
      remaining -= p.sales;
    } else {
      return { days: days + (p.days * remaining) / p.sales, isExhausted: false };
    }
  }
  return { days, isExhausted: remaining > 0 };
}

import type { LocalDate } from '../time/index.js';

/**
 * The company's own month-end balance-sheet figures and the month's cost of goods sold, in minor
 * units of `currency` (the organisation's base currency). Entered or imported by the user.
 */
export interface CompanyBalanceSheet {
  readonly monthEnd: LocalDate;
  readonly currency: string;
  readonly currentAssets: number;
  readonly currentLiabilities: number;
  readonly cash: number;
  readonly shortTermInvestments: number;
  readonly receivables: number;
  readonly inventory: number;
  /** Cost of goods sold in the month ending on `monthEnd`. */
  readonly cogs: number;
}

export interface Liquidity {
  /** Current assets − current liabilities, minor units. */
  readonly workingCapital: number;
  /** CA / CL; null when there are no current liabilities. */
  readonly currentRatio: number | null;
  /** (cash + short-term investments + receivables) / CL; null when CL is zero. */
  readonly quickRatio: number | null;
}

/**
 * Working capital, current ratio and quick ratio of one balance sheet.
 *
 * @example
 * computeLiquidity({ currentAssets: 300, currentLiabilities: 200, cash: 50, shortTermInvestments: 0, receivables: 100, … })
 * // { workingCapital: 100, currentRatio: 1.5, quickRatio: 0.75 }
 */
export function computeLiquidity(bs: CompanyBalanceSheet): Liquidity {
  const cl = bs.currentLiabilities;
  return {
    workingCapital: bs.currentAssets - cl,
    currentRatio: cl > 0 ? bs.currentAssets / cl : null,
    quickRatio: cl > 0 ? (bs.cash + bs.shortTermInvestments + bs.receivables) / cl : null,
  };
}

/**
 * A balance turned into days of a flow: (balance / flow) × days. DPO is AP over COGS, DIO is
 * inventory over COGS. Null when the flow is not positive.
 *
 * @example
 * computeDaysOf(60_000, 90_000, 30) // 20
 */
export function computeDaysOf(balance: number, flow: number, days: number): number | null {
  return flow > 0 ? (balance / flow) * days : null;
}

import { endOfMonth, type LocalDate } from '../time/index.js';
import { type CompanyBalanceSheet, computeDaysOf, computeLiquidity } from './balance-sheet.js';
import { computeCei } from './cei.js';
import { computeCountbackDso, computeStandardDso, type DsoMethod, type SalesPeriod } from './dso.js';
import type { PeriodFigures } from './metric-inputs.js';

/** Months of history a trailing-12 figure needs before the first reported month. */
export const TRAILING_MONTHS = 12;

/** Every metric of one month (or month-to-date), amounts in minor units of the base currency. */
export interface MonthlyMetrics {
  readonly monthEnd: LocalDate;
  readonly days: number;
  /** False for the month still running on the as-of date: its rates and ratios are null. */
  readonly isComplete: boolean;
  readonly arTotal: number;
  readonly arCurrent: number;
  readonly sales: number;
  /** The 12 months ending with this one (null for a month still running). */
  readonly salesTrailing12: number | null;
  readonly writeOffs: number;
  readonly writeOffsTrailing12: number | null;
  readonly dso: {
    readonly countback: number | null;
    /** True when AR outlasted the sales history: countback is then a lower bound. */
    readonly isCountbackExhausted: boolean;
    readonly standardMonthly: number | null;
    readonly standardTrailing12: number | null;
    /** The figure of the method in use, which drives BPDSO, ADD and CCC. */
    readonly inUse: number | null;
  };
  /** Best possible DSO: the same method applied to the not-yet-due AR. */
  readonly bpdso: number | null;
  /** Average days delinquent: DSO − BPDSO. */
  readonly add: number | null;
  /** Collection effectiveness index, %. */
  readonly cei: { readonly monthly: number | null; readonly trailing12: number | null };
  /** Write-offs / credit sales, %. */
  readonly badDebtRatio: { readonly monthly: number | null; readonly trailing12: number | null };
  readonly ap: number;
  readonly dpo: number | null;
  readonly dio: number | null;
  readonly ccc: number | null;
  readonly workingCapital: number | null;
  readonly currentRatio: number | null;
  readonly quickRatio: number | null;
}

/** The rates of a month still running: shown as such, never computed on a stub. */
function runningMonth(f: PeriodFigures, i: number): MonthlyMetrics {
  return {
    monthEnd: f.periods.dates[i] as LocalDate,
    days: f.periods.lengths[i] as number,
    isComplete: false,
    arTotal: f.arTotal[i] as number,
    arCurrent: f.arCurrent[i] as number,
    sales: f.sales[i] as number,
    salesTrailing12: null,
    writeOffs: f.writeOffs[i] as number,
    writeOffsTrailing12: null,
    dso: { countback: null, isCountbackExhausted: false, standardMonthly: null, standardTrailing12: null, inUse: null },
    bpdso: null,
    add: null,
    cei: { monthly: null, trailing12: null },
    badDebtRatio: { monthly: null, trailing12: null },
    ap: f.ap[i] as number,
    dpo: null,
    dio: null,
    ccc: null,
    workingCapital: null,
    currentRatio: null,
    quickRatio: null,
  };
}

/**
 * The metrics of period `i` of the figures (which must have 12 periods of history before it).
 * `sheet` is the company balance sheet of that month end, when there is one. A month still running
 * (its period ends before the month does) gets its balances and sales to date only.
 *
 * @example
 * computeMonthlyMetrics(figures, 23, 'countback', sheet).dso.countback
 */
export function computeMonthlyMetrics(
  f: PeriodFigures,
  i: number,
  method: DsoMethod,
  sheet: CompanyBalanceSheet | undefined,
): MonthlyMetrics {
  const monthEnd = f.periods.dates[i] as LocalDate;
  if (endOfMonth(monthEnd) !== monthEnd) return runningMonth(f, i);
  const days = f.periods.lengths[i] as number;
  const ar = f.arTotal[i] as number;
  const current = f.arCurrent[i] as number;
  const sales = f.sales[i] as number;
  const writeOffs = f.writeOffs[i] as number;
  const sales12 = sumWindow(f.sales, i);
  const writeOffs12 = sumWindow(f.writeOffs, i);
  const { dso, bpdso } = daysSalesOutstanding(f, i, method);
  const beginning = (k: number) => (k >= 0 ? (f.arTotal[k] as number) : 0);
  return {
    monthEnd,
    days,
    isComplete: true,
    arTotal: ar,
    arCurrent: current,
    sales,
    salesTrailing12: sales12,
    writeOffs,
    writeOffsTrailing12: writeOffs12,
    dso,
    bpdso,
    add: dso.inUse !== null && bpdso !== null ? dso.inUse - bpdso : null,
    cei: {
      monthly: computeCei({
        beginningAr: beginning(i - 1),
        creditSales: sales,
        months: 1,
        endingTotalAr: ar,
        endingCurrentAr: current,
      }),
      trailing12: computeCei({
        beginningAr: beginning(i - TRAILING_MONTHS),
        creditSales: sales12,
        months: TRAILING_MONTHS,
        endingTotalAr: ar,
        endingCurrentAr: current,
      }),
    },
    badDebtRatio: { monthly: percent(writeOffs, sales), trailing12: percent(writeOffs12, sales12) },
    ...operatingCycle(f.ap[i] as number, sheet, days, dso.inUse),
  };
}

/** DSO by every method, and BPDSO by the method in use (the same method on the not-yet-due AR). */
function daysSalesOutstanding(f: PeriodFigures, i: number, method: DsoMethod) {
  const days = f.periods.lengths[i] as number;
  const sales = f.sales[i] as number;
  const sales12 = sumWindow(f.sales, i);
  const days12 = sumWindow(f.periods.lengths, i);
  const history = salesHistory(f, i);
  const of = (ar: number) => {
    const countback = computeCountbackDso(ar, history);
    return {
      countback: countback.days,
      isCountbackExhausted: countback.isExhausted,
      standardMonthly: computeStandardDso(ar, sales, days),
      standardTrailing12: computeStandardDso(ar, sales12, days12),
    };
  };
  const all = of(f.arTotal[i] as number);
  const best = of(f.arCurrent[i] as number);
  return { dso: { ...all, inUse: all[method] }, bpdso: best[method] };
}

function sumWindow(values: readonly number[], i: number): number {
  let s = 0;
  for (let k = Math.max(0, i - TRAILING_MONTHS + 1); k <= i; k++) s += values[k] as number;
  return s;
}

/** Periods 0..i newest first, for countback. */
function salesHistory(f: PeriodFigures, i: number): SalesPeriod[] {
  const out: SalesPeriod[] = [];
  for (let k = i; k >= 0; k--) out.push({ days: f.periods.lengths[k] as number, sales: f.sales[k] as number });
  return out;
}

function percent(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

function operatingCycle(ap: number, sheet: CompanyBalanceSheet | undefined, days: number, dso: number | null) {
  if (!sheet) {
    return { ap, dpo: null, dio: null, ccc: null, workingCapital: null, currentRatio: null, quickRatio: null };
  }
  const dpo = computeDaysOf(ap, sheet.cogs, days);
  const dio = computeDaysOf(sheet.inventory, sheet.cogs, days);
  const ccc = dso !== null && dpo !== null && dio !== null ? dso + dio - dpo : null;
  return { ap, dpo, dio, ccc, ...computeLiquidity(sheet) };
}

import { addMonths, endOfMonth, epochDayUnchecked, type LocalDate, startOfMonth } from '../time/index.js';

/**
 * The dates of a monthly series: the month ends of the `months − 1` months before `asOf`'s month,
 * then `asOf` itself (a month end or a month-to-date point).
 *
 * @example
 * seriesDates('2026-03-15', 3) // ['2026-01-31', '2026-02-28', '2026-03-15']
 */
export function seriesDates(asOf: LocalDate, months: number): LocalDate[] {
  const first = startOfMonth(asOf);
  const out: LocalDate[] = [];
  for (let k = months - 1; k >= 0; k--) {
    const end = endOfMonth(addMonths(first, -k));
    out.push(end < asOf ? end : asOf);
  }
  return out;
}

/**
 * Consecutive monthly periods ending on `asOf`: period i runs from the 1st of its month to
 * `dates[i]` (the month end, or `asOf` for a month still running), both inclusive.
 */
export interface Periods {
  readonly dates: readonly LocalDate[];
  /** Epoch day of each period end. */
  readonly endDays: readonly number[];
  /** Days in each period (a month-to-date period counts the days so far). */
  readonly lengths: readonly number[];
  /** Epoch day the first period starts. */
  readonly startDay: number;
}

/**
 * @example
 * buildPeriods('2026-03-15', 2) // dates ['2026-02-28', '2026-03-15'], lengths [28, 15]
 */
export function buildPeriods(asOf: LocalDate, months: number): Periods {
  const dates = seriesDates(asOf, months);
  const endDays = dates.map(epochDayUnchecked);
  const lengths = dates.map((d, i) => (endDays[i] as number) - epochDayUnchecked(startOfMonth(d)) + 1);
  return { dates, endDays, lengths, startDay: epochDayUnchecked(startOfMonth(dates[0] as LocalDate)) };
}

/** Index of the period containing `day`, or -1 when it is outside every period. */
export function periodOf(periods: Periods, day: number): number {
  const ends = periods.endDays;
  if (day < periods.startDay || day > (ends[ends.length - 1] as number)) return -1;
  return firstOnOrAfter(ends, day);
}

/** Index of the first of the sorted `days` on or after `day` (days.length when none is). */
export function firstOnOrAfter(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) >= day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Adds `amount` to `map[currency][index]`, creating a zero row of `n` periods when needed. */
export function addToRow(map: Map<string, number[]>, currency: string, index: number, amount: number, n: number): void {
  let row = map.get(currency);
  if (!row) {
    row = new Array<number>(n).fill(0);
    map.set(currency, row);
  }
  row[index] = (row[index] as number) + amount;
}

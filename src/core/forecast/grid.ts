import { assert } from '../shared/index.js';
import {
  addMonths,
  civilFromDays,
  fromEpochDay,
  type LocalDate,
  startOfMonth,
  startOfWeek,
  toEpochDay,
} from '../time/index.js';

/**
 * The periods of a forecast as epoch days. Period 0 contains `asOf`: a week starting on the
 * organisation's week start, or a calendar month. `indexOf` maps a day to its period: anything on
 * or before `asOf` is period 0 (still expected, so it lands first), after the last day it is −1.
 */
export interface PeriodGrid {
  readonly granularity: 'week' | 'month';
  readonly asOfDay: number;
  /** n + 1 boundaries: period i is [starts[i], starts[i + 1] − 1]. */
  readonly starts: Int32Array;
  readonly count: number;
  readonly firstDay: number;
  readonly lastDay: number;
  indexOf(day: number): number;
  startOn(i: number): LocalDate;
  endOn(i: number): LocalDate;
}

/**
 * @example
 * buildGrid('2026-03-04', 'week', 13, 1).startOn(0) // '2026-03-02' (a Monday)
 */
export function buildGrid(
  asOf: LocalDate,
  granularity: 'week' | 'month',
  count: number,
  weekStart: number,
): PeriodGrid {
  assert(count >= 1, 'a forecast needs at least one period');
  const starts = new Int32Array(count + 1);
  if (granularity === 'week') {
    const first = toEpochDay(startOfWeek(asOf, weekStart));
    for (let i = 0; i <= count; i++) starts[i] = first + 7 * i;
  } else {
    const first = startOfMonth(asOf);
    for (let i = 0; i <= count; i++) starts[i] = toEpochDay(addMonths(first, i));
  }
  const firstDay = starts[0] as number;
  const lastDay = (starts[count] as number) - 1;
  const lookup = new Int16Array(lastDay - firstDay + 1);
  for (let i = 0; i < count; i++)
    lookup.fill(i, (starts[i] as number) - firstDay, (starts[i + 1] as number) - firstDay);
  const asOfDay = toEpochDay(asOf);
  return {
    granularity,
    asOfDay,
    starts,
    count,
    firstDay,
    lastDay,
    indexOf: (day) => (day <= asOfDay ? 0 : day > lastDay ? -1 : (lookup[day - firstDay] as number)),
    startOn: (i) => fromEpochDay(starts[i] as number),
    endOn: (i) => fromEpochDay((starts[i + 1] as number) - 1),
  };
}

/** Calendar months ('YYYY-MM' index = year·12 + month − 1) a grid touches after `asOf`. */
export function monthIndexOf(day: number): number {
  const [y, m] = civilFromDays(day);
  return y * 12 + m - 1;
}

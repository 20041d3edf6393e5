import {
  type BusinessCalendar,
  CN_PUBLIC_HOLIDAYS,
  civilFromDays,
  createCalendar,
  dayOfWeek,
  fromEpochDay,
  isWorkingEpochDay,
  toEpochDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../../core/time/index.js';

/**
 * The business calendar of an organisation with default settings (mainland China's public
 * holidays and 调休, core/time): the demo's payroll, pay runs, bank days and FX quotes follow the
 * same working days the forecast uses, never a copy of the rule.
 */
export function demoCalendar(): BusinessCalendar {
  return createCalendar(CN_PUBLIC_HOLIDAYS);
}

/**
 * Core's answers (`workingDayOnOrBefore`, `workingDayOnOrAfter`) for every day of a range, asked
 * once each and then read from arrays: the generator asks them for a million receipts. Days
 * outside the range are asked of core directly.
 */
export class WorkingDays {
  private readonly before: Int32Array;
  private readonly after: Int32Array;

  constructor(
    readonly calendar: BusinessCalendar,
    private readonly from: number,
    to: number,
  ) {
    const n = Math.max(0, to - from + 1);
    this.before = new Int32Array(n);
    this.after = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.before[i] = workingDayOnOrBefore(calendar, from + i);
      this.after[i] = workingDayOnOrAfter(calendar, from + i);
    }
  }

  onOrBefore(day: number): number {
    const v = this.before[day - this.from];
    return v === undefined ? workingDayOnOrBefore(this.calendar, day) : v;
  }

  onOrAfter(day: number): number {
    const v = this.after[day - this.from];
    return v === undefined ? workingDayOnOrAfter(this.calendar, day) : v;
  }

  isWorking(day: number): boolean {
    return this.onOrBefore(day) === day;
  }
}

/**
 * Chinese New Year (春节, first day of the lunar year), 2020–2031. Outside these years the demo
 * has no CNY dip; the table is data, not a computation, because the lunar calendar is not worth
 * implementing for a demo.
 */
export const CHINESE_NEW_YEAR: Readonly<Record<number, string>> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
};

/** Epoch days of the CNY dates, for distance checks in hot loops. */
export const CNY_DAYS: readonly number[] = Object.values(CHINESE_NEW_YEAR).map(toEpochDay);

/** Days from `day` to the nearest CNY (negative before it), or undefined when none is within 60 days. */
export function daysFromCny(day: number): number | undefined {
  for (const c of CNY_DAYS) if (Math.abs(day - c) <= 60) return day - c;
  return undefined;
}

const MONTH_FACTOR = [0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 0.92, 0.92, 1.05, 1.12, 1.22, 1.28];

/**
 * Relative sales activity on an epoch day: yearly growth, a Q4 peak, a summer lull, the Golden
 * Week (1–7 October) and the Chinese New Year shutdown, and quiet days off (a Saturday a quarter
 * of a working day, a Sunday or holiday a twentieth; a make-up Saturday is a working day).
 */
export function salesWeight(day: number, startDay: number, growthPerYear: number, cal: BusinessCalendar): number {
  const [, m, d] = civilFromDays(day);
  let w = (MONTH_FACTOR[m] as number) * (1 + growthPerYear) ** ((day - startDay) / 365.25);
  if (!isWorkingEpochDay(cal, day)) w *= dayOfWeek(fromEpochDay(day)) === 6 ? 0.25 : 0.05;
  if (m === 10 && d <= 7) w *= 0.3;
  const cny = daysFromCny(day);
  if (cny !== undefined) {
    if (cny >= -7 && cny <= 14) w *= 0.12;
    else if (cny > 14 && cny <= 24) w *= 0.6;
  }
  return w;
}

/**
 * A sampler of days with probability proportional to a weight, over [startDay, endDay]:
 * `sample(u, from, to)` maps a uniform u to a day inside [from, to] by inverse CDF.
 */
export class DaySampler {
  private readonly cdf: Float64Array;

  constructor(
    readonly startDay: number,
    readonly endDay: number,
    weight: (day: number) => number,
  ) {
    const n = endDay - startDay + 1;
    this.cdf = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.cdf[i + 1] = (this.cdf[i] as number) + weight(startDay + i);
  }

  /** The total weight of days [from, to]. */
  mass(from: number, to: number): number {
    const a = Math.max(from, this.startDay) - this.startDay;
    const b = Math.min(to, this.endDay) - this.startDay + 1;
    return b > a ? (this.cdf[b] as number) - (this.cdf[a] as number) : 0;
  }

  sample(u: number, from: number, to: number): number {
    const a = Math.max(from, this.startDay) - this.startDay;
    const b = Math.min(to, this.endDay) - this.startDay + 1;
    const lo0 = this.cdf[a] as number;
    const target = lo0 + u * ((this.cdf[b] as number) - lo0);
    let lo = a;
    let hi = b - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cdf[mid + 1] as number) <= target) lo = mid + 1;
      else hi = mid;
    }
    return this.startDay + lo;
  }
}

/**
 * Date strings of epoch days, built once each: the generator formats the same few thousand days
 * millions of times at scale.
 */
export class DateCache {
  private readonly isoCache = new Map<number, string>();
  private readonly compactCache = new Map<number, string>();

  /** 'YYYY-MM-DD' */
  iso(day: number): string {
    let s = this.isoCache.get(day);
    if (s === undefined) {
      s = fromEpochDay(day);
      this.isoCache.set(day, s);
    }
    return s;
  }

  /** 'YYYYMMDD', for document numbers. */
  compact(day: number): string {
    let s = this.compactCache.get(day);
    if (s === undefined) {
      s = this.iso(day).replaceAll('-', '');
      this.compactCache.set(day, s);
    }
    return s;
  }
}

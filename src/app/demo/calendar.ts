import {
  addDays,
  civilFromDays,
  daysInMonth,
  endOfMonth,
  fromEpochDay,
  localDate,
  toEpochDay,
} from '../../core/time/index.js';

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

/** ISO weekday of an epoch day: 1 = Monday ... 7 = Sunday. */
export function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

const MONTH_FACTOR = [0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 0.92, 0.92, 1.05, 1.12, 1.22, 1.28];

/**
 * Relative sales activity on an epoch day: yearly growth, a Q4 peak, a summer lull, the Golden
 * Week (1–7 October) and the Chinese New Year shutdown, and quiet weekends.
 */
export function salesWeight(day: number, startDay: number, growthPerYear: number): number {
  const [, m, d] = civilFromDays(day);
  let w = (MONTH_FACTOR[m] as number) * (1 + growthPerYear) ** ((day - startDay) / 365.25);
  const dow = weekday(day);
  if (dow === 6) w *= 0.25;
  else if (dow === 7) w *= 0.05;
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

/** The last Monday–Friday of the month of `date` (no holiday calendar in the demo). */
export function lastWorkingDay(year: number, month: number): string {
  let day = toEpochDay(localDate(year, month, daysInMonth(year, month)));
  while (weekday(day) > 5) day--;
  return fromEpochDay(day);
}

/**
 * The dates in [from, to] on which a recurring item with `rule` falls. Supports the rules the demo
 * writes: 'monthly:N', 'monthly:last-working-day', 'quarterly:N' (Jan/Apr/Jul/Oct) and 'yearly:MM-DD'.
 */
export function occurrences(rule: string, from: string, to: string): string[] {
  const [kind, arg = ''] = rule.split(':');
  const out: string[] = [];
  let month = `${from.slice(0, 7)}-01`;
  while (month <= to) {
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    const date = occurrenceInMonth(kind ?? '', arg, y, m);
    if (date !== undefined && date >= from && date <= to) out.push(date);
    month = addDays(endOfMonth(month), 1);
  }
  return out;
}

function occurrenceInMonth(kind: string, arg: string, y: number, m: number): string | undefined {
  if (kind === 'monthly' && arg === 'last-working-day') return lastWorkingDay(y, m);
  if (kind === 'monthly') return localDate(y, m, Math.min(Number(arg), daysInMonth(y, m)));
  if (kind === 'quarterly') return m % 3 === 1 ? localDate(y, m, Math.min(Number(arg), daysInMonth(y, m))) : undefined;
  if (kind === 'yearly') return Number(arg.slice(0, 2)) === m ? localDate(y, m, Number(arg.slice(3, 5))) : undefined;
  throw new RangeError(`unsupported recurring rule ${kind}:${arg}`);
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

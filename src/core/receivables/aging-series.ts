import { fail, ok, type Result } from '../shared/index.js';
import { addMonths, endOfMonth, epochDayUnchecked, isLocalDate, type LocalDate, startOfMonth } from '../time/index.js';
import { type AgingRow, compareText, resolveBoundaries, sumAmounts } from './aging.js';
import type { AgingBasis, AgingBucket, AgingPreset } from './aging-buckets.js';
import { buildAgingScheme } from './aging-buckets.js';
import { collectLedgerEvents, type LedgerEvents } from './aging-events.js';
import type { ReceivablesLedger } from './ledger.js';

export const DEFAULT_SERIES_MONTHS = 24;

export interface AgingSeriesOptions {
  readonly asOf: LocalDate;
  /** How many month ends, the last being `asOf` itself (default 24). */
  readonly months?: number;
  readonly basis?: AgingBasis;
  readonly boundaries?: readonly number[];
  readonly preset?: AgingPreset;
}

export interface AgingSeriesPoint {
  readonly on: LocalDate;
  /** One row per currency with anything open on that date, sorted by currency. */
  readonly byCurrency: readonly AgingRow[];
}

export interface AgingSeries {
  readonly asOf: LocalDate;
  readonly basis: AgingBasis;
  readonly buckets: readonly AgingBucket[];
  readonly points: readonly AgingSeriesPoint[];
}

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

/** Validates a month count (1–600). */
export function checkMonths(months: number): Result<number> {
  if (!Number.isInteger(months) || months < 1 || months > 600) {
    return fail('AR_MONTHS_INVALID', {
      field: 'months',
      value: String(months),
      expected: 'a whole number from 1 to 600',
    });
  }
  return ok(months);
}

/**
 * The aging at each month end of the last N months, in one pass over the ledger: the changes are
 * grouped by the first series date they count on (a counting sort, no re-scan per month), then
 * applied in date order to a running open amount per aging key, which is bucketed at each date.
 * Equal, date by date, to `computeAging` at that date.
 *
 * @example
 * computeAgingSeries(ledger, { asOf: '2026-03-31', months: 12 }) // 12 points, 2025-04-30 … 2026-03-31
 */
export function computeAgingSeries(ledger: ReceivablesLedger, options: AgingSeriesOptions): Result<AgingSeries> {
  if (!isLocalDate(options.asOf)) return fail('VALIDATION_FAILED', { field: 'asOf', value: options.asOf });
  const months = checkMonths(options.months ?? DEFAULT_SERIES_MONTHS);
  if (!months.ok) return months;
  const basis = options.basis ?? 'due';
  const scheme = buildAgingScheme(resolveBoundaries(options), basis);
  if (!scheme.ok) return scheme;
  const dates = seriesDates(options.asOf, months.value);
  const events = collectLedgerEvents(ledger, options.asOf, basis);
  const days = dates.map(epochDayUnchecked);
  const order = groupByPoint(events.day, days);
  const [minKey, maxKey] = keyRange(events.key);
  const width = Math.max(0, maxKey - minKey + 1);
  const open = events.currencies.map(() => new Float64Array(width));
  const { buckets, bucketOf } = scheme.value;
  const points: AgingSeriesPoint[] = [];
  for (let p = 0; p < dates.length; p++) {
    for (let k = order.start[p] as number; k < (order.start[p + 1] as number); k++) {
      const e = order.index[k] as number;
      const arr = open[events.currency[e] as number] as Float64Array;
      const at = (events.key[e] as number) - minKey;
      arr[at] = (arr[at] as number) + (events.delta[e] as number);
    }
    const rows = bucketPoint(events, open, days[p] as number, minKey, buckets.length, bucketOf);
    points.push({ on: dates[p] as LocalDate, byCurrency: rows });
  }
  return ok({ asOf: options.asOf, basis, buckets, points });
}

/** Counting sort of change indices by the first point date on or after their day. */
function groupByPoint(eventDays: readonly number[], pointDays: readonly number[]) {
  const n = pointDays.length;
  const last = pointDays[n - 1] as number;
  const slot = new Int32Array(eventDays.length);
  const start = new Int32Array(n + 1);
  for (let e = 0; e < eventDays.length; e++) {
    const d = eventDays[e] as number;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pointDays[mid] as number) >= d) hi = mid;
      else lo = mid + 1;
    }
    slot[e] = d > last ? -1 : lo;
    if (d <= last) start[lo + 1] = (start[lo + 1] as number) + 1;
  }
  for (let p = 0; p < n; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const next = start.slice(0, n);
  const index = new Int32Array(start[n] as number);
  for (let e = 0; e < eventDays.length; e++) {
    const s = slot[e] as number;
    if (s < 0) continue;
    index[next[s] as number] = e;
    next[s] = (next[s] as number) + 1;
  }
  return { start, index };
}

function keyRange(keys: readonly number[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const k of keys) {
    if (k < min) min = k;
    if (k > max) max = k;
  }
  return keys.length === 0 ? [0, -1] : [min, max];
}

function bucketPoint(
  events: LedgerEvents,
  open: readonly Float64Array[],
  day: number,
  minKey: number,
  n: number,
  bucketOf: (age: number) => number,
): AgingRow[] {
  const rows: AgingRow[] = [];
  open.forEach((arr, c) => {
    const amounts = new Array<number>(n).fill(0);
    let isAnyOpen = false;
    for (let k = 0; k < arr.length; k++) {
      const v = arr[k] as number;
      if (v === 0) continue;
      const b = bucketOf(day - (minKey + k));
      amounts[b] = (amounts[b] as number) + v;
      isAnyOpen = true;
    }
    if (isAnyOpen) rows.push({ currency: events.currencies[c] as string, amounts, total: sumAmounts(amounts) });
  });
  return rows.sort((a, b) => compareText(a.currency, b.currency));
}

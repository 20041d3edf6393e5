import { fail, ok, type Result } from '../shared/index.js';
import { epochDayUnchecked, isLocalDate, type LocalDate } from '../time/index.js';
import { type AgingRow, compareText, resolveBoundaries, sumAmounts } from './aging.js';
import type { AgingBasis, AgingBucket, AgingPreset } from './aging-buckets.js';
import { buildAgingScheme } from './aging-buckets.js';
import { forEachLedgerChange } from './aging-events.js';
import type { ReceivablesLedger } from './ledger.js';
import { ledgerColumns } from './ledger-columns.js';
import { firstOnOrAfter, seriesDates } from './periods.js';

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
 * The aging at each month end of the last N months, in one pass over the ledger's columns: every
 * change is added to a grid of (first series date it counts on) × (aging key), then the grid is
 * summed date by date into a running open amount per key, which is bucketed at each date. Keys
 * older than every date's oldest bucket, or later than the last date, age alike at every date, so
 * they share the grid's edge columns and its width stays (months + oldest bucket) days.
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
  const boundaries = resolveBoundaries(options);
  const scheme = buildAgingScheme(boundaries, basis);
  if (!scheme.ok) return scheme;
  const dates = seriesDates(options.asOf, months.value);
  const days = dates.map(epochDayUnchecked);
  const grid = new ChangeGrid(days, boundaries[boundaries.length - 1] as number);
  forEachLedgerChange(ledger, days[days.length - 1] as number, basis, (day, key, delta, currency) => {
    grid.add(currency, firstOnOrAfter(days, day), key, delta);
  });
  const { buckets, bucketOf } = scheme.value;
  const currencies = ledgerColumns(ledger).currencies;
  const points = grid.points(buckets.length, bucketOf, currencies).map((byCurrency, p) => ({
    on: dates[p] as LocalDate,
    byCurrency,
  }));
  return ok({ asOf: options.asOf, basis, buckets, points });
}

/** Changes by currency, series date and aging key (clamped to the keys that age differently). */
class ChangeGrid {
  private readonly grids: (Float64Array | undefined)[] = [];
  private readonly lowKey: number;
  private readonly width: number;

  constructor(
    private readonly days: readonly number[],
    oldestBound: number,
  ) {
    this.lowKey = (days[0] as number) - oldestBound - 1;
    this.width = (days[days.length - 1] as number) + 1 - this.lowKey + 1;
  }

  add(currency: number, point: number, key: number, delta: number): void {
    let grid = this.grids[currency];
    if (grid === undefined) {
      grid = new Float64Array(this.days.length * this.width);
      this.grids[currency] = grid;
    }
    const at = Math.min(Math.max(key - this.lowKey, 0), this.width - 1);
    grid[point * this.width + at] = (grid[point * this.width + at] as number) + delta;
  }

  /** Per date, one row per currency with anything open, sorted by currency. */
  points(n: number, bucketOf: (age: number) => number, currencies: readonly string[]): AgingRow[][] {
    const out: AgingRow[][] = this.days.map(() => []);
    this.grids.forEach((grid, c) => {
      if (grid === undefined) return;
      const open = new Float64Array(this.width);
      this.days.forEach((day, p) => {
        const amounts = new Array<number>(n).fill(0);
        let isAnyOpen = false;
        for (let k = 0; k < this.width; k++) {
          const v = (open[k] as number) + (grid[p * this.width + k] as number);
          open[k] = v;
          if (v === 0) continue;
          const b = bucketOf(day - (this.lowKey + k));
          amounts[b] = (amounts[b] as number) + v;
          isAnyOpen = true;
        }
        if (isAnyOpen) out[p]?.push({ currency: currencies[c] as string, amounts, total: sumAmounts(amounts) });
      });
    });
    for (const rows of out) rows.sort((a, b) => compareText(a.currency, b.currency));
    return out;
  }
}

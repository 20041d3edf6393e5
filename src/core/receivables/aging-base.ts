import { ok, type Result } from '../shared/index.js';
import type { LocalDate } from '../time/index.js';
import { type AgingReport, compareText, sumAmounts } from './aging.js';
import { type BaseCurrency, listRates, type RateUsed, ratesToBase, toBaseMinor } from './base-currency.js';

export interface BaseCustomerAgingRow {
  readonly customerId: string;
  readonly amounts: readonly number[];
  readonly total: number;
}

/** An aging in the base currency, every currency converted at the as-of rate. */
export interface BaseAging {
  readonly currency: string;
  readonly on: LocalDate;
  readonly rates: readonly RateUsed[];
  /** One row per customer, all its currencies converted and added. */
  readonly byCustomer: readonly BaseCustomerAgingRow[];
  /** The sum of the customer rows, bucket by bucket. */
  readonly totals: { readonly amounts: readonly number[]; readonly total: number };
}

/**
 * Converts an aging report into the base currency at the rate on its as-of date (base currency as
 * pivot). Each customer-currency bucket is converted once and rounded half-even, and the totals are
 * the sums of the converted customer rows, so the rows always add up to the totals.
 *
 * @example
 * convertAgingToBase(report, { currency: 'CNY', fx }) // err AR_FX_RATE_MISSING when USD→CNY is unknown
 */
export function convertAgingToBase(report: AgingReport, base: BaseCurrency): Result<BaseAging> {
  const rates = ratesToBase(
    report.byCurrency.map((r) => r.currency),
    base,
    report.asOf,
  );
  if (!rates.ok) return rates;
  const n = report.buckets.length;
  const perCustomer = new Map<string, number[]>();
  for (const row of report.byCustomer) {
    const rate = rates.value.get(row.currency) as number;
    let acc = perCustomer.get(row.customerId);
    if (!acc) {
      acc = new Array<number>(n).fill(0);
      perCustomer.set(row.customerId, acc);
    }
    for (let i = 0; i < n; i++) {
      acc[i] = (acc[i] as number) + toBaseMinor(row.amounts[i] as number, row.currency, base.currency, rate);
    }
  }
  const totals = new Array<number>(n).fill(0);
  const byCustomer: BaseCustomerAgingRow[] = [];
  for (const [customerId, amounts] of perCustomer) {
    for (let i = 0; i < n; i++) totals[i] = (totals[i] as number) + (amounts[i] as number);
    byCustomer.push({ customerId, amounts, total: sumAmounts(amounts) });
  }
  byCustomer.sort((a, b) => compareText(a.customerId, b.customerId));
  return ok({
    currency: base.currency,
    on: report.asOf,
    rates: listRates(rates.value),
    byCustomer,
    totals: { amounts: totals, total: sumAmounts(totals) },
  });
}

/** One date of an aging series in the base currency. */
export interface BaseAgingPoint {
  readonly on: LocalDate;
  readonly rates: readonly RateUsed[];
  readonly amounts: readonly number[];
  readonly total: number;
}

/**
 * Converts each point of an aging series at that point's own rate (base currency as pivot).
 *
 * @example
 * convertRowsToBase('2026-01-31', [{ currency: 'USD', amounts: [100], total: 100 }], base) // ok({ amounts: [710], … })
 */
export function convertRowsToBase(
  on: LocalDate,
  rows: readonly { currency: string; amounts: readonly number[] }[],
  n: number,
  base: BaseCurrency,
): Result<BaseAgingPoint> {
  const rates = ratesToBase(
    rows.map((r) => r.currency),
    base,
    on,
  );
  if (!rates.ok) return rates;
  const amounts = new Array<number>(n).fill(0);
  for (const row of rows) {
    const rate = rates.value.get(row.currency) as number;
    for (let i = 0; i < n; i++) {
      amounts[i] = (amounts[i] as number) + toBaseMinor(row.amounts[i] as number, row.currency, base.currency, rate);
    }
  }
  return ok({ on, rates: listRates(rates.value), amounts, total: sumAmounts(amounts) });
}

/** Every point of a series in the base currency; fails on the first date with a missing rate. */
export function convertSeriesToBase(
  series: {
    readonly buckets: readonly unknown[];
    readonly points: readonly {
      on: LocalDate;
      byCurrency: readonly { currency: string; amounts: readonly number[] }[];
    }[];
  },
  base: BaseCurrency,
): Result<BaseAgingPoint[]> {
  const out: BaseAgingPoint[] = [];
  for (const point of series.points) {
    const converted = convertRowsToBase(point.on, point.byCurrency, series.buckets.length, base);
    if (!converted.ok) return converted;
    out.push(converted.value);
  }
  return ok(out);
}

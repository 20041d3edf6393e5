import { ok, type Result } from '../shared/index.js';
import type { LocalDate } from '../time/index.js';
import { type AgingReport, compareText } from './aging.js';
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
 * pivot), by the rule every receivables figure follows (`computeReceivablesFigures`): a sum is taken
 * in each currency, exactly, and converted once, half-even. A customer's total is its per-currency
 * totals converted; the report's total is the per-currency totals converted, the same figure to the
 * fen as the cash position's open receivables. Each bucket is converted the same way, so with
 * several currencies the buckets (and the customer rows) can differ from the total by a fen per
 * currency: the total is the figure, not their sum.
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
  const perCustomer = new Map<string, { amounts: number[]; total: number }>();
  for (const row of report.byCustomer) {
    const rate = rates.value.get(row.currency) as number;
    let acc = perCustomer.get(row.customerId);
    if (!acc) {
      acc = { amounts: new Array<number>(n).fill(0), total: 0 };
      perCustomer.set(row.customerId, acc);
    }
    addConverted(acc, row, base.currency, rate);
  }
  const totals = { amounts: new Array<number>(n).fill(0), total: 0 };
  for (const row of report.byCurrency)
    addConverted(totals, row, base.currency, rates.value.get(row.currency) as number);
  const byCustomer: BaseCustomerAgingRow[] = [...perCustomer].map(([customerId, acc]) => ({ customerId, ...acc }));
  byCustomer.sort((a, b) => compareText(a.customerId, b.customerId));
  return ok({ currency: base.currency, on: report.asOf, rates: listRates(rates.value), byCustomer, totals });
}

/** Adds a currency row's buckets and total, each converted once, to a base-currency accumulator. */
function addConverted(
  acc: { amounts: number[]; total: number },
  row: { currency: string; amounts: readonly number[]; total: number },
  base: string,
  rate: number,
): void {
  for (let i = 0; i < acc.amounts.length; i++)
    acc.amounts[i] = (acc.amounts[i] as number) + toBaseMinor(row.amounts[i] as number, row.currency, base, rate);
  acc.total += toBaseMinor(row.total, row.currency, base, rate);
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
  rows: readonly { currency: string; amounts: readonly number[]; total: number }[],
  n: number,
  base: BaseCurrency,
): Result<BaseAgingPoint> {
  const rates = ratesToBase(
    rows.map((r) => r.currency),
    base,
    on,
  );
  if (!rates.ok) return rates;
  const acc = { amounts: new Array<number>(n).fill(0), total: 0 };
  for (const row of rows) addConverted(acc, row, base.currency, rates.value.get(row.currency) as number);
  return ok({ on, rates: listRates(rates.value), ...acc });
}

/** Every point of a series in the base currency; fails on the first date with a missing rate. */
export function convertSeriesToBase(
  series: {
    readonly buckets: readonly unknown[];
    readonly points: readonly {
      on: LocalDate;
      byCurrency: readonly { currency: string; amounts: readonly number[]; total: number }[];
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
